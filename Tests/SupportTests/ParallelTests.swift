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
}
