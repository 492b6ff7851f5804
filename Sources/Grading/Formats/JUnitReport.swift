import Foundation
import TextEscaping

/// JUnit XML, as CI systems read it: one `<testsuite>` per group, one `<testcase>` per test
/// (`<failure>` for fail, `<error>` for error), and a suite-level `<error>` case when the
/// submission did not compile or import.
enum JUnitReport {
    static func render(_ report: GradingReport) -> String {
        let failures = report.failedCount
        var errors = report.erroredCount
        var lines = [#"<?xml version="1.0" encoding="UTF-8"?>"#]
        let runFailed = report.status != .graded
        if runFailed { errors += 1 }
        lines.append("<testsuites name=\"\(attribute(report.exerciseTitle))\" tests=\"\(report.tests.count + (runFailed ? 1 : 0))\" "
            + "failures=\"\(failures)\" errors=\"\(errors)\" time=\"\(seconds(report.duration))\">")
        if runFailed {
            lines.append("  <testsuite name=\"\(attribute(report.submission))\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">")
            lines.append("    <testcase name=\"\(report.status == .error ? "compile" : "run")\" classname=\"\(attribute(report.exercise)).\(attribute(report.track))\">")
            lines.append("      <error type=\"\(report.status.rawValue)\" message=\"\(attribute(firstLine(report.message ?? report.status.rawValue)))\">\(content(report.message ?? ""))</error>")
            lines.append("    </testcase>")
            lines.append("  </testsuite>")
        }
        for group in report.groups {
            let tests = report.tests.filter { $0.group == group.id }
            lines.append("  <testsuite name=\"\(attribute(group.title))\" tests=\"\(tests.count)\" "
                + "failures=\"\(tests.filter { $0.status == .fail }.count)\" errors=\"\(tests.filter { $0.status == .error }.count)\" skipped=\"0\">")
            lines.append("    <properties>")
            lines.append("      <property name=\"points\" value=\"\(Points.format(group.points))\"/>")
            lines.append("      <property name=\"max_points\" value=\"\(Points.format(group.maxPoints))\"/>")
            if let differential = report.differential {
                lines.append("      <property name=\"random_sequences\" value=\"\(attribute(TextReport.differentialLine(differential)))\"/>")
            }
            lines.append("    </properties>")
            for test in tests {
                let open = "    <testcase name=\"\(attribute(test.name))\" classname=\"\(attribute(report.exercise)).\(attribute(group.id))\""
                switch test.status {
                case .pass:
                    lines.append(open + "/>")
                case .fail, .error:
                    let element = test.status == .fail ? "failure" : "error"
                    let message = test.message ?? ""
                    let body = [message, test.scenario].compactMap { $0 }.joined(separator: "\n\n")
                    lines.append(open + ">")
                    lines.append("      <\(element) message=\"\(attribute(message))\">\(content(body))</\(element)>")
                    lines.append("    </testcase>")
                }
            }
            lines.append("  </testsuite>")
        }
        if !report.output.isEmpty {
            lines.append("  <system-out>\(content(report.output))</system-out>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Learner text as an attribute value: its control characters shown as visible escapes, as
    /// in the text report (line feeds and tabs kept), then XML-escaped.
    static func attribute(_ text: String) -> String {
        XMLText.attribute(VisibleText.lines(text))
    }

    /// Learner text as element content, escaped as `attribute` is.
    static func content(_ text: String) -> String {
        XMLText.content(VisibleText.lines(text))
    }

    private static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n", maxSplits: 1).first ?? "")
    }

    private static func seconds(_ value: Double) -> String { String(format: "%.3f", value) }
}
