import Course

/// A verdict reached outside a test's own checks (a differential scenario's).
public struct TestVerdict: Sendable, Equatable {
    public var status: TestStatus
    public var message: String?
    public var scenario: String?

    public init(status: TestStatus, message: String? = nil, scenario: String? = nil) {
        self.status = status
        self.message = message
        self.scenario = scenario
    }
}

/// Judges a run's observations against expectations, outside the sandbox
/// (docs/grading-protocol.md): each check in order, the first failing one is the message.
public enum Judge {
    /// Every expected test's verdict. `missing` says why a scenario without a record has none
    /// (e.g. the run was stopped by a limit); the verdict is `error`, never a pass.
    /// `overrides` are verdicts found another way (a differential scenario): one replaces a
    /// test's own verdict when that passed, or when the test has no checks of its own.
    public static func judge(_ expectations: Expectations, groups: [TestGroup], reading: ChannelReading,
                             learnerFile: String, missing: String = "the tests reported nothing for this scenario",
                             overrides: [String: TestVerdict] = [:]) -> [TestResult] {
        let weights = Dictionary(grouping: expectations.tests, by: \.group).mapValues { $0.reduce(0) { $0 + $1.weight } }
        let points = Dictionary(uniqueKeysWithValues: groups.map { ($0.id, $0.points) })
        return expectations.tests.map { test in
            let total = weights[test.group] ?? 0
            let maxPoints = total > 0 ? (points[test.group] ?? 0) * test.weight / total : 0
            var (status, message) = verdict(test, reading: reading, learnerFile: learnerFile, missing: missing)
            var scenario: String?
            if let override = overrides[test.id], status == .pass || test.checks.isEmpty {
                (status, message, scenario) = (override.status, override.message, override.scenario)
            }
            return TestResult(id: test.id, name: test.name, group: test.group, status: status, message: message,
                              scenario: scenario, points: status == .pass ? maxPoints : 0, maxPoints: maxPoints)
        }
    }

    /// The per-group scores of judged tests, in the exercise's group order.
    public static func groups(_ tests: [TestResult], groups: [TestGroup]) -> [GroupResult] {
        groups.map { group in
            let members = tests.filter { $0.group == group.id }
            return GroupResult(id: group.id, title: group.title,
                               points: members.reduce(0) { $0 + $1.points },
                               maxPoints: members.isEmpty ? 0 : members.reduce(0) { $0 + $1.maxPoints },
                               passed: members.filter { $0.status == .pass }.count, total: members.count)
        }
    }

    static func verdict(_ test: ExpectedTest, reading: ChannelReading, learnerFile: String, missing: String) -> (TestStatus, String?) {
        if test.checks.isEmpty && reading.outcomes[test.id] == nil {
            return (.error, "no result: \(missing)")
        }
        if reading.duplicated.contains(test.id) {
            return (.error, "the run reported this test more than once, so none of its reports counts")
        }
        switch reading.outcomes[test.id] {
        case nil:
            return (.error, "no result: \(missing)")
        case .raised(let error):
            return (.error, describe(error, learnerFile: learnerFile))
        case .observed(let observations):
            for check in test.checks where !check.expect.matches(observations[check.key]) {
                let got = observations[check.key]?.description ?? "nothing"
                return (.fail, "\(check.what): expected \(check.expect), got \(got)")
            }
            return (.pass, nil)
        }
    }

    /// An exception escaping a scenario, with the learner's line when known.
    static func describe(_ error: ScenarioError, learnerFile: String) -> String {
        var text = error.message.isEmpty ? error.type : "\(error.type): \(error.message)"
        if let line = error.line { text += " (\(learnerFile), line \(line))" }
        return text
    }
}
