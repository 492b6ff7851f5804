import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension LecternHarness {
    /// A `Clock` whose time moves only when a scenario calls `advance(by:)`; sleepers wake
    /// when time reaches their deadline, or throw `CancellationError` when cancelled.
    final class ManualClock: Clock {
        /// A point on the manual time line: an offset from the clock's origin.
        struct Instant: InstantProtocol {
            let offset: Duration

            func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
            func duration(to other: Instant) -> Duration { other.offset - offset }
            static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
        }

        private struct Sleeper {
            let deadline: Instant
            let continuation: CheckedContinuation<Void, any Error>
        }

        private struct State {
            var now: Instant
            var nextID = 0
            var sleepers: [Int: Sleeper] = [:]
            var cancelled: Set<Int> = []
        }

        private let state: Mutex<State>
        /// The thread a differential program's driver runs its tasks on, and whether
        /// anything slept on this clock from another thread (an unstructured task).
        private let home = Mutex<(thread: pthread_t?, strayed: Bool)>((nil, false))

        func settle(on thread: pthread_t) { home.withLock { $0.thread = thread } }

        var sleptOffThread: Bool { home.withLock { $0.strayed } }

        /// Starts at `start` after the origin (1000 s), so a zero stamp is never right.
        init(start: Duration = .seconds(1000)) {
            state = Mutex(State(now: Instant(offset: start)))
        }

        var now: Instant { state.withLock { $0.now } }

        var minimumResolution: Duration { .zero }

        /// Sleeps not yet woken or cancelled.
        var pendingSleepers: Int { state.withLock { $0.sleepers.count } }

        func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
            home.withLock { home in
                if let thread = home.thread, pthread_equal(thread, pthread_self()) == 0 { home.strayed = true }
            }
            let id = state.withLock { state in
                state.nextID += 1
                return state.nextID
            }
            try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    let immediate = state.withLock { state -> Result<Void, any Error>? in
                        if state.cancelled.remove(id) != nil { return .failure(CancellationError()) }
                        if deadline <= state.now { return .success(()) }
                        state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                        return nil
                    }
                    if let immediate { continuation.resume(with: immediate) }
                }
            } onCancel: {
                let sleeper = state.withLock { state in
                    let sleeper = state.sleepers.removeValue(forKey: id)
                    if sleeper == nil { state.cancelled.insert(id) }
                    return sleeper
                }
                sleeper?.continuation.resume(throwing: CancellationError())
            }
        }

        /// The earliest deadline of a sleeper not yet woken.
        var nextDeadline: Instant? {
            state.withLock { $0.sleepers.values.map(\.deadline).min() }
        }

        /// Moves time forward and wakes, in deadline order, every sleeper now due.
        func advance(by duration: Duration) {
            let due = state.withLock { state -> [Sleeper] in
                state.now = state.now.advanced(by: duration)
                let now = state.now
                let ids = state.sleepers.filter { $0.value.deadline <= now }.map(\.key)
                return ids.compactMap { state.sleepers.removeValue(forKey: $0) }
                    .sorted { $0.deadline < $1.deadline }
            }
            for sleeper in due { sleeper.continuation.resume() }
        }
    }
}
