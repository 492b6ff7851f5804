import Foundation
import Testing
import Support

/// Work spread over the cores, and work started on a thread of its own.
@Suite struct ParallelTests {
    @Test func resultsComeInInputOrder() {
        #expect(Parallel.map(1_000) { $0 * $0 } == (0..<1_000).map { $0 * $0 })
        #expect(Parallel.map(0) { $0 }.isEmpty)
    }

    /// The work runs on another thread, and its result is there once it is done.
    @Test func backgroundWorkGivesItsResultFromAnotherThread() {
        let caller = pthread_self()
        let work = Background { () -> Bool in pthread_equal(pthread_self(), caller) == 0 }
        #expect(work.wait())
    }

    /// Started before a parallel phase whose every iteration waits for it, the work still runs:
    /// it has its own thread, not one of the pool's.
    @Test func backgroundWorkRunsWhileAParallelPhaseWaitsForIt() {
        let count = ProcessInfo.processInfo.activeProcessorCount * 2
        let ready = DispatchSemaphore(value: 0)
        let work = Background { () -> Int in
            for _ in 0..<count { ready.signal() }
            return count
        }
        let waited = Parallel.map(count) { _ in ready.wait(timeout: .now() + 30) == .success }
        #expect(waited.allSatisfy { $0 })
        #expect(work.wait() == count)
    }

    /// A value let go of in the background is torn down there, not on the caller's thread.
    @Test func aDiscardedValueIsTornDownOnAnotherThread() {
        final class Probe: @unchecked Sendable {  // `onDeinit` is set once, before sharing
            var onDeinit: () -> Void = {}
            deinit { onDeinit() }
        }
        let caller = pthread_self()
        let done = DispatchSemaphore(value: 0)
        let elsewhere = LockedFlag()
        var probe: Probe? = Probe()
        probe!.onDeinit = {
            elsewhere.set(pthread_equal(pthread_self(), caller) == 0)
            done.signal()
        }
        discardInBackground(probe.take()!)
        #expect(done.wait(timeout: .now() + 30) == .success)
        #expect(elsewhere.value)
    }
}

/// A Bool written on one thread and read on another.
private final class LockedFlag: @unchecked Sendable {  // `stored` is read and written under `lock`
    private let lock = NSLock()
    private var stored = false
    func set(_ value: Bool) { lock.withLock { stored = value } }
    var value: Bool { lock.withLock { stored } }
}
