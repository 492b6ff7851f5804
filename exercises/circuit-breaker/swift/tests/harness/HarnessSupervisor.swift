#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension LecternHarness {
    /// argv[1] of a worker process: it runs the scenarios named after it.
    static let workerFlag = "--lectern-worker"

    /// Crash isolation. A trap in learner code (`fatalError`, a failed force unwrap) ends the
    /// whole process, so scenarios run in a worker process; the supervisor forwards the
    /// worker's records to fd 3, and when the worker dies records an error for the scenario
    /// it was running and starts a new worker for the rest. Learner code never runs here.
    static func supervise() {
        let nonce = readLine(strippingNewline: true) ?? ""
        let requested = Array(CommandLine.arguments.dropFirst())
        var remaining = requested.isEmpty ? scenarios.map(\.id) : requested
        let channel = ObservationChannel(fileDescriptor: 3)
        while let current = remaining.first {
            guard let worker = Worker(arguments: [workerFlag] + remaining, nonce: nonce) else {
                channel.send(record(nonce: nonce, id: current, type: "HarnessError",
                                    message: "could not start the test process"))
                remaining.removeFirst()
                continue
            }
            let stderrTail = worker.forwardRecords { line in
                channel.send(line: line)
                if let id = remaining.first(where: { line.hasPrefix(prefix(nonce: nonce, id: $0)) }) {
                    remaining.removeAll { $0 == id }
                }
            }
            let ending = worker.wait()
            // The worker runs its scenarios in order: the first one unreported was running.
            if let running = remaining.first {
                channel.send(crash(nonce: nonce, id: running, ending: ending, stderr: stderrTail))
                remaining.removeFirst()
            }
        }
    }

    private static func prefix(nonce: String, id: String) -> String {
        JSON.object([("nonce", .string(nonce)), ("id", .string(id))]).encoded.dropLast() + ","
    }

    /// The error record of a scenario whose worker died; the runtime's own message and line
    /// when the trap was in the learner's file.
    private static func crash(nonce: String, id: String, ending: String, stderr: [UInt8]) -> JSON {
        var error: [(String, JSON)] = [("type", .string("Crash")), ("message", .string(ending))]
        let text = String(decoding: stderr, as: UTF8.self)
        let marker = "CircuitBreaker.swift:"
        for line in text.split(separator: "\n").reversed() {
            guard let found = line.firstRange(of: marker), line.contains("Fatal error")
            else { continue }
            let rest = line[found.upperBound...]
            if let number = Int(rest.prefix { $0.isNumber }) {
                let message = rest.drop { $0.isNumber || $0 == ":" || $0 == " " }
                error = [
                    ("type", .string("Crash")),
                    ("message", .string(String(message.prefix(300)))),
                    ("line", .int(number)),
                ]
            }
            break
        }
        return .object([("nonce", .string(nonce)), ("id", .string(id)), ("error", .object(error))])
    }

    private static func record(nonce: String, id: String, type: String, message: String) -> JSON {
        .object([
            ("nonce", .string(nonce)), ("id", .string(id)),
            ("error", .object([("type", .string(type)), ("message", .string(message))])),
        ])
    }

    /// A worker process: this executable with `arguments`, the nonce on its stdin and a pipe
    /// as its fd 3; its stdout and stderr are the supervisor's.
    struct Worker {
        let pid: pid_t
        let records: Int32
        let diagnostics: Int32

        init?(arguments: [String], nonce: String) {
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
            var line = Array((nonce + "\n").utf8)
            _ = line.withUnsafeMutableBytes { write(input[1], $0.baseAddress, $0.count) }
            line.removeAll()
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
        /// to ours, until it closes both; returns the tail of its stderr.
        func forwardRecords(_ handle: (String) -> Void) -> [UInt8] {
            var pending: [UInt8] = []
            var tail: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            var open: [Int32] = [records, diagnostics]
            while !open.isEmpty {
                var polled = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
                if poll(&polled, nfds_t(polled.count), -1) < 0 {
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
                    }
                }
            }
            return tail
        }

        /// Waits for the worker to end; says how, for a scenario it did not finish.
        func wait() -> String {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            let signal = status & 0x7f
            if signal == 0 {
                return "the test process exited (status \((status >> 8) & 0xff)) during this "
                    + "scenario: exit() called from the submission?"
            }
            return "the test process crashed (signal \(signal)) during this scenario: a runtime "
                + "trap such as fatalError, a failed force unwrap or an index out of range"
        }
    }
}

extension LecternHarness.ObservationChannel {
    /// Forwards one line a worker wrote, unchanged.
    func send(line: String) {
        send(raw: line)
    }
}
