import Foundation
import Support

/// `lectern stats` as text or JSON.
public struct ItemAnalysisReport: Sendable {
    public var analysis: ItemAnalysis
    public var sessionID: String
    public var sessionTitle: String
    /// Whether every complete attempt was used, not only each learner's first.
    public var allAttempts: Bool

    public init(analysis: ItemAnalysis, sessionID: String, sessionTitle: String, allAttempts: Bool) {
        self.analysis = analysis
        self.sessionID = sessionID
        self.sessionTitle = sessionTitle
        self.allAttempts = allAttempts
    }

    public func json() -> String {
        struct Document: Encodable {
            var session: [String: String]
            var attempts: String
            var groupSize: Int
            var test: ItemAnalysis.Test
            var questions: [ItemAnalysis.Question]
        }
        let document = Document(session: ["id": sessionID, "title": sessionTitle],
                                attempts: allAttempts ? "all" : "first", groupSize: analysis.groupSize,
                                test: analysis.test, questions: analysis.questions)
        return StableJSON.encode(document)
    }

    public var text: String {
        let test = analysis.test
        var lines: [String] = []
        lines.append("\(sessionTitle) (\(sessionID)): \(test.count) \(allAttempts ? "complete attempt" : "learner")\(test.count == 1 ? "" : "s")"
            + (allAttempts ? " (all attempts)" : " (first complete attempt of each)"))
        guard test.count > 0 else {
            lines.append("No complete attempts on the current version of the quiz yet.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("Test: mean \(number(test.mean))/\(test.maximum), median \(number(test.median)), SD \(number(test.standardDeviation)), "
            + "KR-20 \(number(test.kr20)), error ratio \(number(test.errorRatio)), SE \(number(test.standardError))")
        lines.append("")
        lines.append("  Q  facility  discrim.  effic.   options (overall / top \(analysis.groupSize) / bottom \(analysis.groupSize))")
        for question in analysis.questions {
            let options = question.options.map { option in
                "\(option.letter)\(option.isCorrect ? "*" : "") \(percent(option.share))/\(percent(option.topShare))/\(percent(option.bottomShare))"
            }.joined(separator: "  ")
            lines.append(pad("\(question.number)", 3) + "  " + pad(number(question.facility), 8) + "  " + pad(number(question.discrimination), 8)
                + "  " + pad(number(question.discriminativeEfficiency), 6) + "   " + options)
            for flag in question.flags {
                if flag == "negative-discrimination" {
                    lines.append("     ! negative discrimination: learners who did well on the rest of the test got it wrong more often")
                } else if flag.hasPrefix("unpicked-distractor:") {
                    lines.append("     ! nobody chose \(flag.dropFirst("unpicked-distractor:".count)): the distractor does no work")
                }
            }
        }
        lines.append("")
        lines.append("* the correct option. Formulas: Moodle's quiz statistics calculations (see `lectern stats --help`).")
        return lines.joined(separator: "\n") + "\n"
    }

    private func number(_ value: Double?) -> String {
        value.map { String(format: "%.2f", $0) } ?? "—"
    }

    private func percent(_ value: Double?) -> String {
        value.map { "\(Int(($0 * 100).rounded()))%" } ?? "—"
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
