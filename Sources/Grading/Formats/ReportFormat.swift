import Foundation

/// The formats `lectern grade --format` writes.
public enum ReportFormat: String, Sendable, CaseIterable, Codable {
    /// Human text, coloured on a terminal.
    case text
    /// Lectern's own JSON (docs/grading.md).
    case json
    /// JUnit XML, for CI systems.
    case junit
    /// Gradescope's results.json.
    case gradescope
    /// Exercism's test-runner results.json, version 3.
    case exercism

    /// The file extension of a saved report (batch mode).
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .junit: "xml"
        case .json, .gradescope, .exercism: "json"
        }
    }

    /// The report rendered in this format. `color` applies to text only.
    public func render(_ report: GradingReport, color: Bool = false) -> String {
        switch self {
        case .text: TextReport(color: color).render(report)
        case .json: JSONReport.render(report)
        case .junit: JUnitReport.render(report)
        case .gradescope: GradescopeReport.render(report)
        case .exercism: ExercismReport.render(report)
        }
    }
}
