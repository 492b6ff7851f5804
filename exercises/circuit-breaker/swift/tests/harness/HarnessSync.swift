import Synchronization

extension LecternHarness {
    /// A value delivered once, by whichever of several tasks gets there first.
    final class Once<Value: Sendable>: Sendable {
        private struct State {
            var value: Value?
            var waiter: CheckedContinuation<Value, Never>?
        }
        private let state = Mutex(State())

        func resume(with value: Value) {
            let waiter = state.withLock { state -> CheckedContinuation<Value, Never>? in
                guard state.value == nil else { return nil }
                state.value = value
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(returning: value)
        }

        var value: Value {
            get async {
                await withCheckedContinuation { continuation in
                    let ready = state.withLock { state -> Value? in
                        if state.value == nil { state.waiter = continuation }
                        return state.value
                    }
                    if let ready { continuation.resume(returning: ready) }
                }
            }
        }
    }

    /// A closed door operations wait at (`asyncio.Event`): `wait()` suspends until `open()`,
    /// and throws `CancellationError` if its task is cancelled first.
    final class Gate: Sendable {
        private struct State {
            var isOpen = false
            var nextID = 0
            var waiters: [Int: CheckedContinuation<Void, any Error>] = [:]
            var cancelled: Set<Int> = []
        }
        private let state = Mutex(State())

        func open() {
            let waiters = state.withLock { state in
                state.isOpen = true
                defer { state.waiters = [:] }
                return Array(state.waiters.values)
            }
            for waiter in waiters { waiter.resume() }
        }

        func wait() async throws {
            let id = state.withLock { state in
                state.nextID += 1
                return state.nextID
            }
            try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    let immediate = state.withLock { state -> Result<Void, any Error>? in
                        if state.cancelled.remove(id) != nil { return .failure(CancellationError()) }
                        if state.isOpen { return .success(()) }
                        state.waiters[id] = continuation
                        return nil
                    }
                    if let immediate { continuation.resume(with: immediate) }
                }
            } onCancel: {
                let waiter = state.withLock { state in
                    let waiter = state.waiters.removeValue(forKey: id)
                    if waiter == nil { state.cancelled.insert(id) }
                    return waiter
                }
                waiter?.resume(throwing: CancellationError())
            }
        }
    }

    /// A value shared between a scenario and the operations it hands to the breaker.
    final class Shared<Value: Sendable>: Sendable {
        private let state: Mutex<Value>

        init(_ value: Value) { state = Mutex(value) }

        var value: Value { state.withLock { $0 } }

        func update(_ change: (inout Value) -> Void) {
            state.withLock { change(&$0) }
        }
    }

    /// Counts events (operations entered, calls finished).
    final class Counter: Sendable {
        private let count = Shared(0)

        var value: Int { count.value }

        func bump() { count.update { $0 += 1 } }
    }

    /// Waits, in real time but briefly, until `condition` holds; false if it did not within
    /// `limit`. Used only to let spawned calls reach their suspension points.
    static func waitUntil(
        within limit: Duration = .milliseconds(500), _ condition: () -> Bool
    ) async -> Bool {
        let start = ContinuousClock.now
        var spins = 0
        while !condition() {
            if start.duration(to: .now) > limit { return false }
            spins += 1
            if spins < 100 {
                await Task.yield()
            } else {
                try? await Task.sleep(for: .microseconds(200))
            }
        }
        return true
    }
}
