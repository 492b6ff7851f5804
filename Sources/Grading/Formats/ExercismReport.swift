import Support

/// Exercism's test-runner `results.json`, version 3: status pass/fail/error, a message when
/// the run errored, and per test name, status, message, test_code and output.
/// `test_code` is always empty: the hidden tests' code never leaves the grader. `output` is
/// null: the learner's output belongs to the whole run, not to one test.
enum ExercismReport {
    struct Results: Encodable {
        var version = 3
        var status: String
        var message: String?
        var tests: [Test]

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(version, forKey: .version)
            try container.encode(status, forKey: .status)
            if let message { try container.encode(message, forKey: .message) }
            try container.encode(tests, forKey: .tests)
        }

        enum CodingKeys: String, CodingKey { case version, status, message, tests }
    }

    struct Test: Encodable {
        var name: String
        var status: String
        var message: String?
        var test_code = ""
        var output: String?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(status, forKey: .status)
            try container.encode(message, forKey: .message)
            try container.encode(test_code, forKey: .test_code)
            try container.encode(output, forKey: .output)
        }

        enum CodingKeys: String, CodingKey { case name, status, message, test_code, output }
    }

    static func render(_ report: GradingReport) -> String {
        let status: String
        var message: String?
        switch report.status {
        case .error:
            status = "error"
            message = report.message ?? "the submission could not be run"
        case .graded:
            status = report.isFullMarks ? "pass" : "fail"
        default:
            status = "fail"
            message = report.message
        }
        if !report.warnings.isEmpty {
            message = ([message].compactMap { $0 } + report.warnings.map { "warning: \($0)" }).joined(separator: "\n")
        }
        let tests = report.tests.map { test in
            Test(name: test.name, status: test.status.rawValue,
                 message: test.scenario.map { [test.message, $0].compactMap { $0 }.joined(separator: "\n\n") } ?? test.message,
                 output: nil)
        }
        return StableJSON.encode(Results(status: status, message: message, tests: tests))
    }
}
