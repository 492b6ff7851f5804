import Foundation

/// A task executor with one thread that never exits, on which sandbox runs start.
///
/// Bubblewrap is started with `--die-with-parent`, which on Linux ties the sandbox to the
/// *thread* that spawned it: when that thread exits, the kernel kills the sandbox. Swift's
/// cooperative pool retires idle threads after a few seconds, so a run longer than that (a
/// Swift compile) started from a pool thread was killed midway. Starting runs from this
/// thread keeps their parent alive for as long as the grader runs.
final class SpawningExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = SpawningExecutor()

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    private init() {
        let thread = Thread { [unowned self] in self.loop() }
        thread.name = "lectern-sandbox-spawner"
        thread.start()
    }

    func enqueue(_ job: UnownedJob) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
