#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The hidden-test driver of the circuit-breaker exercise (grading protocol: observe inside,
/// judge outside). It reads the run's nonce from stdin before touching learner code, runs the
/// scenarios named in argv (all when none), each in its own task with its own wall-clock
/// budget, and writes one JSON Lines record per scenario to file descriptor 3. Scenarios run
/// in a worker process (`supervise()`), so a crash costs the crashing scenario only.
enum LecternHarness {
    /// Real time a scenario may take; scenario time itself is virtual (`ManualClock`).
    static let budget: Duration = .seconds(1)

    /// Scenario ids of differential programs; their programs (or seeds) come on stdin's second line.
    static let differentialPrefix = "diff:"

    /// The exit status of a worker that stopped after a hung scenario, to be restarted.
    static let restartStatus: Int32 = 75

    /// A worker: runs the scenarios named in argv after `workerFlag`, in this process.
    static func work() async {
        let nonce = readLine(strippingNewline: true) ?? ""
        let request = JSON.parse(readLine(strippingNewline: true) ?? "") ?? .object([])
        let requested = Array(CommandLine.arguments.dropFirst(2))
        let ids = requested.isEmpty ? scenarios.map(\.id) : requested
        let channel = ObservationChannel(fileDescriptor: 3)
        let annotate = request["annotate"].map { if case .bool(true) = $0 { true } else { false } } ?? false
        for id in ids {
            let verdict: Verdict
            if id.hasPrefix(differentialPrefix) {
                if let spec = request["differential"]?[id] {
                    verdict = await run(Scenario(id) { differential(spec, annotate: annotate) })
                } else {
                    verdict = .threw(type: "UnknownScenario", message: "no program for \(id) in the request")
                }
            } else if let scenario = scenarios.first(where: { $0.id == id }) {
                verdict = await run(scenario)
            } else {
                verdict = .threw(type: "UnknownScenario", message: "no scenario named \(id)")
            }
            let body = verdict.record
            channel.send(.object([("nonce", .string(nonce)), ("id", .string(id)), body]))
            // A hung scenario may keep a thread spinning; let the supervisor start a fresh
            // worker for the rest.
            if case .hung = verdict { exit(restartStatus) }
        }
        // End now: do not wait for tasks the scenarios left behind.
        exit(0)
    }

    /// Runs one scenario as an unstructured task raced against its budget, so a scenario
    /// that never finishes is reported and left behind instead of stalling the run.
    static func run(_ scenario: Scenario) async -> Verdict {
        let once = Once<Verdict>()
        let work = Task {
            do {
                once.resume(with: .observed(try await scenario.body()))
            } catch {
                once.resume(with: .threw(type: typeName(of: error), message: describe(error)))
            }
        }
        let timer = Task {
            try await Task.sleep(for: budget)
            once.resume(with: .hung)
        }
        let verdict = await once.value
        timer.cancel()
        if case .hung = verdict { work.cancel() }
        return verdict
    }

    /// What a scenario produced, as the record's `obs` or `error` member.
    enum Verdict: Sendable {
        case observed(Observations)
        case threw(type: String, message: String)
        case hung

        var record: (key: String, value: JSON) {
            switch self {
            case .observed(let observations):
                return ("obs", observations.json)
            case .threw(let type, let message):
                return ("error", .object([("type", .string(type)), ("message", .string(message))]))
            case .hung:
                let message = "the scenario did not finish within \(seconds(budget)) s of real "
                    + "time: a call never returned"
                return ("error", .object([("type", .string("Hang")), ("message", .string(message))]))
            }
        }
    }
}
