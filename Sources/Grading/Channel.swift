import Foundation

/// What the harness reported for one scenario on the observation channel.
public enum ScenarioOutcome: Sendable, Equatable {
    /// The scenario ran; these are the values it observed, by key.
    case observed([String: JSONValue])
    /// The scenario (or the import of the submission) blew up on learner code.
    case raised(ScenarioError)
}

/// An `error` record's body: an exception escaping a scenario, in the learner's terms.
public struct ScenarioError: Sendable, Equatable, Codable {
    public var type: String
    public var message: String
    /// The line in the learner's file, when the traceback has one.
    public var line: Int?
    public var column: Int?
    /// `import` when loading the submission failed (Python), so no scenario could run.
    public var phase: String?

    public init(type: String, message: String, line: Int? = nil, column: Int? = nil, phase: String? = nil) {
        self.type = type
        self.message = message
        self.line = line
        self.column = column
        self.phase = phase
    }

    public var isImportFailure: Bool { phase == "import" }

    /// Whether the harness gave up on the scenario (or the import) because its own time
    /// budget ran out: the type `Timeout` of docs/grading-protocol.md.
    public var isTimeout: Bool { type == "Timeout" }
}

/// The channel's records after the grader's filtering (docs/grading-protocol.md): records
/// without the run's nonce, for scenarios not asked for, or not JSON are dropped; the first
/// record of a scenario counts, and a second one marks the scenario (and the run) tampered.
public struct ChannelReading: Sendable, Equatable {
    public var outcomes: [String: ScenarioOutcome] = [:]
    /// Scenarios reported more than once.
    public var duplicated: Set<String> = []
    /// Lines dropped: wrong or missing nonce, unrequested id, malformed.
    public var dropped = 0

    public init(outcomes: [String: ScenarioOutcome] = [:], duplicated: Set<String> = [], dropped: Int = 0) {
        self.outcomes = outcomes
        self.duplicated = duplicated
        self.dropped = dropped
    }

    /// Whether something inside the sandbox wrote records the harness would not have.
    public var isTampered: Bool { !duplicated.isEmpty }

    /// The import failure every requested scenario reported, when the submission did not load.
    public func importFailure(of requested: [String]) -> ScenarioError? {
        var failure: ScenarioError?
        for id in requested {
            guard case .raised(let error)? = outcomes[id], error.isImportFailure else { return nil }
            failure = failure ?? error
        }
        return failure
    }
}

/// Parses the JSON Lines written to file descriptor 3.
public enum ChannelParser {
    public static func parse(_ data: Data, nonce: String, requested: Set<String>) -> ChannelReading {
        var reading = ChannelReading()
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.allSatisfy({ $0 == 32 || $0 == 13 }) {
            guard case .object(let record)? = JSONValue.parse(Data(line)),
                  record["nonce"]?.string == nonce,
                  let id = record["id"]?.string, requested.contains(id),
                  let outcome = outcome(of: record) else {
                reading.dropped += 1
                continue
            }
            if reading.outcomes[id] == nil {
                reading.outcomes[id] = outcome
            } else {
                reading.duplicated.insert(id)
            }
        }
        return reading
    }

    private static func outcome(of record: [String: JSONValue]) -> ScenarioOutcome? {
        if case .object(let observations)? = record["obs"], record["error"] == nil {
            return .observed(observations)
        }
        if case .object(let body)? = record["error"], record["obs"] == nil {
            return .raised(ScenarioError(
                type: body["type"]?.string ?? "Error",
                message: body["message"]?.string ?? "",
                line: body["line"]?.number.flatMap(positiveInt),
                column: (body["col"] ?? body["column"])?.number.flatMap(positiveInt),
                phase: body["phase"]?.string))
        }
        return nil
    }

    private static func positiveInt(_ value: Double) -> Int? {
        value.isFinite && value >= 1 && value < 1e9 ? Int(value) : nil
    }
}
