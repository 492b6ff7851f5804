import Foundation
import Support
import TextEscaping

/// The human report: a headline, the run's message, each group with its tests (✓ ✗ !) and
/// points, the learner's output, warnings. ANSI colour only when asked (a terminal, no NO_COLOR).
/// Every text that lectern did not write (the learner's output and messages, names) shows its
/// control characters as escapes (``VisibleText``), so only lectern's own codes reach a terminal;
/// a one-line field (a test's message, the submission's name) stays on its line.
public struct TextReport: Sendable {
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    /// "Circuit breaker (python): 85.33/100": the one-line summary.
    static func headline(_ report: GradingReport) -> String {
        let score = "\(Points.format(report.score))/\(Points.format(report.maxScore))"
        switch report.status {
        case .graded: return "\(report.exerciseTitle) (\(report.track)): \(score)"
        case .error: return "\(report.exerciseTitle) (\(report.track)): error, \(score)"
        default: return "\(report.exerciseTitle) (\(report.track)): \(report.status.rawValue), \(score)"
        }
    }

    public func render(_ report: GradingReport) -> String {
        var lines: [String] = []
        for warning in report.warnings { lines.append(paint("warning: ", .yellow) + VisibleText.lines(warning)) }
        lines.append(paint(VisibleText.line(Self.headline(report)), .bold) + "  \(VisibleText.line(report.submission))")
        if let message = report.message {
            lines.append("")
            lines.append(contentsOf: VisibleText.lines(message).split(separator: "\n", omittingEmptySubsequences: false).map { String($0) })
        }
        for group in report.groups {
            lines.append("")
            lines.append(paint("\(VisibleText.line(group.title))  \(Points.format(group.points))/\(Points.format(group.maxPoints))", .bold)
                + "  (\(group.passed) of \(group.total) passed)")
            guard report.status != .error else { continue }
            for test in report.tests where test.group == group.id {
                let points = "\(Points.format(test.points))/\(Points.format(test.maxPoints))"
                let name = VisibleText.line(test.name)
                switch test.status {
                case .pass: lines.append("  " + paint("✓", .green) + " \(name)  \(points)")
                case .fail: lines.append("  " + paint("✗", .red) + " \(name)  \(points)")
                case .error: lines.append("  " + paint("!", .red) + " \(name)  \(points)")
                }
                if let message = test.message {
                    lines.append("      " + paint(VisibleText.line(message), .dim))
                }
                if let scenario = test.scenario {
                    lines += VisibleText.lines(scenario).split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }
                }
            }
        }
        if let differential = report.differential {
            lines.append("")
            lines.append(Self.differentialLine(differential))
        }
        if !report.output.isEmpty {
            lines.append("")
            lines.append(paint("Your program's output (not graded):", .bold))
            lines.append(contentsOf: VisibleText.lines(report.output).split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 })
        }
        lines.append("")
        let total = "Total: \(Points.format(report.score))/\(Points.format(report.maxScore))"
            + "  (\(report.passedCount) passed, \(report.failedCount) failed, \(report.erroredCount) errors)"
        lines.append(paint(total, report.isFullMarks ? .green : .bold))
        return lines.joined(separator: "\n") + "\n"
    }

    /// "Random sequences: 32 fixed seeds (version 1) and 2 fresh (17 42); 34 compared with the
    /// reference, 1 differ": what a grading ran, so that it can be replayed.
    static func differentialLine(_ record: DifferentialRecord) -> String {
        let fresh = record.freshSeeds.isEmpty ? "no fresh ones"
            : "\(record.freshSeeds.count) fresh (\(record.freshSeeds.map(String.init).joined(separator: " ")))"
        return "Random sequences: \(record.fixedSeeds) fixed seeds (version \(record.version)) and \(fresh); "
            + "\(record.compared) compared with the reference, \(record.diverged) differ"
    }

    private func paint(_ text: String, _ attribute: TerminalStyle.Attribute) -> String {
        TerminalStyle(color: color).paint(text, attribute)
    }
}
