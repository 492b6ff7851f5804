
extension LecternHarness {
    /// argv[1] of a worker process: it runs the scenarios named after it.
    static let workerFlag = "--lectern-worker"

    /// Real time a worker may go without sending a record before it is killed: a scenario
    /// whose task hangs is reported by the worker itself after `budget`; this catches a
    /// worker that cannot even do that (its threads spinning in learner code).
    static let stallLimit: Duration = budget + .seconds(1)

    /// Crash isolation. A trap in learner code (`fatalError`, a failed force unwrap) ends the
    /// whole process, so scenarios run in a worker process; the supervisor forwards the
    /// worker's records to fd 3, and when the worker dies records an error for the scenario
    /// it was running and starts a new worker for the rest. Learner code never runs here.
    static func supervise() {
        let nonce = readLine(strippingNewline: true) ?? ""
        let request = readLine(strippingNewline: true) ?? ""
        let requested = Array(CommandLine.arguments.dropFirst())
        var remaining = requested.isEmpty ? scenarios.map(\.id) : requested
        let channel = ObservationChannel(fileDescriptor: 3)
        while let current = remaining.first {
            guard let worker = Worker(arguments: [workerFlag] + remaining, message: nonce + "\n" + request) else {
                channel.send(record(nonce: nonce, id: current, type: "HarnessError",
                                    message: "could not start the test process"))
                remaining.removeFirst()
                continue
            }
            var reported = 0
            let (stderrTail, stalled) = worker.forwardRecords(stallLimit: stallLimit) { line in
                channel.send(raw: line)
                if let id = remaining.first(where: { line.hasPrefix(prefix(nonce: nonce, id: $0)) }) {
                    remaining.removeAll { $0 == id }
                    reported += 1
                }
            }
            let (ending, status) = worker.wait()
            if status == restartStatus && reported > 0 && !stalled { continue }
            // The worker runs its scenarios in order: the first one unreported was running.
            if let running = remaining.first {
                if stalled {
                    channel.send(record(nonce: nonce, id: running, type: "Hang", message:
                        "the scenario did not finish within \(seconds(stallLimit)) s of real time and "
                        + "the test process stopped responding: a loop that never suspends?"))
                } else {
                    channel.send(crash(nonce: nonce, id: running, ending: ending, stderr: stderrTail))
                }
                remaining.removeFirst()
                // One random sequence that kills the test process shows all a crash can show:
                // the others are not run, so a submission that dies in every call costs one
                // restart per named scenario, not one per sequence too.
                if running.hasPrefix(differentialPrefix) {
                    for id in remaining where id.hasPrefix(differentialPrefix) {
                        channel.send(record(nonce: nonce, id: id, type: "NotRun",
                                            message: "not run: the test process died on an earlier random sequence"))
                    }
                    remaining.removeAll { $0.hasPrefix(differentialPrefix) }
                }
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
}
