import Synchronization

extension LecternHarness {
    /// A task executor that runs nothing by itself: jobs wait in a queue until the driver
    /// drains it on its own thread. Tasks started with this executor as their preference run
    /// their child tasks, and the actors they call, here too, one job at a time in order, so
    /// a differential program runs the same way every time and the driver knows when every
    /// task waits (the queue is empty).
    final class SerialExecutor: TaskExecutor, @unchecked Sendable {
        private let jobs = Mutex<[UnownedJob]>([])

        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            jobs.withLock { $0.append(job) }
        }

        /// Runs queued jobs, and those they enqueue, until none is left or `limit` have run;
        /// how many ran.
        func drain(limit: Int) -> Int {
            var ran = 0
            while ran < limit, let job = jobs.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) {
                job.runSynchronously(on: asUnownedTaskExecutor())
                ran += 1
            }
            return ran
        }

        var isIdle: Bool { jobs.withLock { $0.isEmpty } }
    }
}
