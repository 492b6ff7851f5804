#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension LecternHarness {
    /// A worker process: this executable with `arguments`, `message` (the nonce and the
    /// request line) on its stdin, a pipe as its fd 3 and another as its stderr (copied
    /// through); its stdout is the supervisor's.
    struct Worker {
        let pid: pid_t
        let records: Int32
        let diagnostics: Int32

        init?(arguments: [String], message: String) {
            var input: [Int32] = [0, 0]
            var output: [Int32] = [0, 0]
            var diagnostics: [Int32] = [0, 0]
            guard Self.closeOnExecPipe(&input) else { return nil }
            guard Self.closeOnExecPipe(&output) else {
                close(input[0]); close(input[1])
                return nil
            }
            guard Self.closeOnExecPipe(&diagnostics) else {
                for end in input + output { close(end) }
                return nil
            }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_adddup2(&actions, input[0], 0)
            posix_spawn_file_actions_adddup2(&actions, output[1], 3)
            posix_spawn_file_actions_adddup2(&actions, diagnostics[1], 2)
            let argv = ([CommandLine.arguments[0]] + arguments).map { strdup($0) } + [nil]
            defer { for pointer in argv { free(pointer) } }
            let envp = Self.environment().map { strdup($0) } + [nil]
            defer { for pointer in envp { free(pointer) } }
            var pid: pid_t = 0
            let spawned = posix_spawnp(&pid, CommandLine.arguments[0], &actions, nil, argv, envp)
            close(input[0])
            close(output[1])
            close(diagnostics[1])
            guard spawned == 0 else {
                close(input[1]); close(output[0]); close(diagnostics[0])
                return nil
            }
            let line = Array((message + "\n").utf8)
            var written = 0
            while written < line.count {
                let count = line.withUnsafeBytes { write(input[1], $0.baseAddress! + written, $0.count - written) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                written += count
            }
            close(input[1])
            self.pid = pid
            self.records = output[0]
            self.diagnostics = diagnostics[0]
        }

        /// The supervisor's environment, with Swift's crash backtracer off: a trap then prints
        /// only the runtime's one-line message (file:line of the learner's code), no harness
        /// frames, and ends the process at once.
        private static func environment() -> [String] {
            var entries: [String] = []
            var cursor = environ
            while let entry = cursor.pointee {
                let text = String(cString: entry)
                if !text.hasPrefix("SWIFT_BACKTRACE=") { entries.append(text) }
                cursor += 1
            }
            return entries + ["SWIFT_BACKTRACE=enable=no"]
        }

        /// A pipe whose ends the worker inherits only where they are dup2'ed (the supervisor
        /// is single-threaded, so nothing spawns between `pipe` and `fcntl`).
        private static func closeOnExecPipe(_ ends: inout [Int32]) -> Bool {
            guard pipe(&ends) == 0 else { return false }
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            return true
        }

        /// Hands over each complete line the worker writes to its fd 3, and copies its stderr
        /// to ours, until it closes both; kills the worker when it sends no record for
        /// `stallLimit`. Returns the tail of its stderr and whether it was killed.
        func forwardRecords(
            stallLimit: Duration, _ handle: (String) -> Void
        ) -> (stderr: [UInt8], stalled: Bool) {
            var pending: [UInt8] = []
            var tail: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            var open: [Int32] = [records, diagnostics]
            var lastRecord = ContinuousClock.now
            var stalled = false
            while !open.isEmpty {
                var wait: Int32 = -1
                if !stalled {
                    let left = stallLimit - lastRecord.duration(to: .now)
                    if left <= .zero {
                        kill(pid, SIGKILL)
                        stalled = true
                    } else {
                        wait = Int32(min(seconds(left) * 1000, 60_000).rounded(.up))
                    }
                }
                var polled = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
                if poll(&polled, nfds_t(polled.count), wait) < 0 {
                    if errno == EINTR { continue }
                    break
                }
                for entry in polled where entry.revents != 0 {
                    let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                    if count < 0 && errno == EINTR { continue }
                    if count <= 0 {
                        close(entry.fd)
                        open.removeAll { $0 == entry.fd }
                        continue
                    }
                    let chunk = buffer[0..<count]
                    if entry.fd == diagnostics {
                        _ = chunk.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
                        tail = Array((tail + chunk).suffix(4096))
                        continue
                    }
                    pending += chunk
                    while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                        handle(String(decoding: pending[..<newline], as: UTF8.self))
                        pending.removeSubrange(...newline)
                        lastRecord = .now
                    }
                }
            }
            return (tail, stalled)
        }

        /// Waits for the worker to end; says how, for a scenario it did not finish, and gives
        /// its exit status (nil when a signal ended it).
        func wait() -> (ending: String, status: Int32?) {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            let signal = status & 0x7f
            if signal == 0 {
                let code = (status >> 8) & 0xff
                return ("the test process exited (status \(code)) during this scenario: exit() "
                    + "called from the submission?", code)
            }
            return ("the test process crashed (signal \(signal)) during this scenario: a runtime "
                + "trap such as fatalError, a failed force unwrap or an index out of range", nil)
        }
    }
}
