import Support

/// Gradescope's autograder `results.json`: score, max_score, output, visibility and one entry
/// per test with name, score, max_score, status (passed/failed) and output.
enum GradescopeReport {
    struct Results: Encodable {
        var score: Double
        var max_score: Double
        var output: String
        var output_format = "text"
        var visibility = "visible"
        var stdout_visibility = "hidden"
        var execution_time: Double
        var tests: [Test]
    }

    struct Test: Encodable {
        var name: String
        var name_format = "text"
        var number: String
        var score: Double
        var max_score: Double
        var status: String
        var output: String
        var output_format = "text"
        var visibility = "visible"
    }

    static func render(_ report: GradingReport) -> String {
        var output = TextReport.headline(report)
        if let message = report.message { output += "\n\n" + message }
        for warning in report.warnings { output += "\n\nwarning: " + warning }
        if let differential = report.differential { output += "\n\n" + TextReport.differentialLine(differential) }
        let tests = report.tests.enumerated().map { index, test in
            Test(name: test.name, number: String(index + 1), score: Points.round(test.points),
                 max_score: Points.round(test.maxPoints), status: test.status == .pass ? "passed" : "failed",
                 output: test.status == .pass ? "" : (test.status == .error ? "error: " : "") + (test.message ?? "")
                    + (test.scenario.map { "\n\n" + $0 } ?? ""))
        }
        return StableJSON.encode(Results(score: report.score, max_score: report.maxScore, output: output,
                                         execution_time: (report.duration * 1000).rounded() / 1000, tests: tests))
    }
}
