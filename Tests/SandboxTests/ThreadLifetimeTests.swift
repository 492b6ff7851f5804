import Foundation
import Testing
import Sandbox

/// A task executor that runs every job on a brand-new thread, which exits a moment after it
/// (long enough for bubblewrap to have tied itself to that thread).
final class ThreadPerJobExecutor: TaskExecutor {
    func enqueue(_ job: UnownedJob) {
        let executor = asUnownedTaskExecutor()
        Thread {
            job.runSynchronously(on: executor)
            Thread.sleep(forTimeInterval: 0.3)
        }.start()
    }
}

/// bubblewrap's `--die-with-parent` follows the thread that spawned it; a run must not die
/// because the thread its caller happened to be on went away.
@Suite struct ThreadLifetimeTests {
    @Test func aRunOutlivesTheThreadItWasStartedFrom() async throws {
        let result = try await withTaskExecutorPreference(ThreadPerJobExecutor()) {
            try await runPython("import time; time.sleep(1); print('survived')")
        }
        #expect(result.termination == .exited(0))
        #expect(result.stdoutText == "survived\n")
    }
}
