import Exchange
import Course
import Foundation

/// What an import read: the question banks (one per category, in file order) and every
/// problem, each with the line it starts on.
public struct ImportResult: Sendable {
    public var banks: [QuestionBank]
    /// Files the questions use (Moodle XML's embedded images), by name.
    public var assets: [BankAsset]
    public var diagnostics: [Diagnostic]

    public init(banks: [QuestionBank], assets: [BankAsset] = [], diagnostics: [Diagnostic]) {
        self.banks = banks
        self.assets = assets
        self.diagnostics = diagnostics
    }

    /// How many questions were read.
    public var questionCount: Int { banks.reduce(0) { $0 + $1.questions.count } }
}

/// Reads Moodle's GIFT format as Moodle's own importer (`qformat_gift::readquestion`) does:
/// questions separated by blank lines, `//` comment lines, `::name::`, `[format]` markers,
/// the answer block between the first `{` and the first `}`, `####` general feedback, and
/// backslash escapes. Multiple choice (including missing-word) and true/false questions
/// become Lectern questions; every other kind is reported with its line and left out.
public enum GIFTReader {
    public static func read(_ text: String, path: String, defaultCategory: String) -> ImportResult {
        var collector = BankCollector(defaultCategory: defaultCategory)
        var diagnostics: [Diagnostic] = []

        for block in blocks(of: text) {
            let joined = block.lines.filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
                .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !joined.isEmpty else { continue }
            let escaped = Escapes.protect(joined)
            if escaped.hasPrefix("$CATEGORY:") {
                let name = CategoryPath.lastName(Escapes.restore(String(escaped.dropFirst(10))))
                collector.startCategory(name.isEmpty ? defaultCategory : name)
                continue
            }
            switch question(escaped, number: collector.nextNumber, line: block.line) {
            case .success(let parsed):
                collector.add(parsed.question)
                for warning in parsed.warnings { diagnostics.append(.warning(path, (block.line, 1), warning)) }
            case .failure(let problem):
                diagnostics.append(Diagnostic(problem.severity, path, line: block.line, column: 1, problem.message))
            }
        }
        collector.finish()
        return ImportResult(banks: collector.banks, diagnostics: diagnostics)
    }

    /// A question that could not be read, or of a kind Lectern does not hold.
    struct Problem: Error {
        var severity: Severity
        var message: String
    }

    struct Parsed {
        var question: BankQuestion
        var warnings: [String]
    }

    /// The lines of each question, with the line number of its first line (1-based).
    static func blocks(of text: String) -> [(line: Int, lines: [String])] {
        var result: [(line: Int, lines: [String])] = []
        var current: [String] = []
        var start = 1
        // "\r\n" is one Character in Swift: normalise line ends before splitting.
        var body = text.replacingOccurrences(of: "\r\n", with: "\n")
        if body.unicodeScalars.first == "\u{FEFF}" { body.unicodeScalars.removeFirst() }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !current.isEmpty { result.append((start, current)) }
                current = []
            } else {
                if current.isEmpty { start = index + 1 }
                current.append(line)
            }
        }
        if !current.isEmpty { result.append((start, current)) }
        return result
    }

    static func question(_ text: String, number: Int, line: Int) -> Result<Parsed, Problem> {
        var text = text
        var name: String?
        if text.hasPrefix("::") {
            text.removeFirst(2)
            if let end = text.range(of: "::") {
                name = Escapes.restore(String(text[..<end.lowerBound])).trimmingCharacters(in: .whitespaces)
                text = String(text[end.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        let open = text.firstIndex(of: "{")
        let close = text.firstIndex(of: "}")
        guard let open, let close else {
            if open == nil && close == nil {
                return .failure(Problem(severity: .warning, message: "a description (text with no answers) is not a question; it is left out"))
            }
            return .failure(Problem(severity: .error, message: "a '{' or '}' is missing around the answers; the question is left out"))
        }
        guard open < close else {
            return .failure(Problem(severity: .error, message: "a '}' comes before the '{' of the answers; the question is left out"))
        }
        var answers = String(text[text.index(after: open)..<close]).trimmingCharacters(in: .whitespacesAndNewlines)
        let questionText: String
        if text[close...].dropFirst().trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            questionText = String(text[..<open])
        } else {
            // Missing word: the answers stand for a blank in the sentence.
            questionText = String(text[..<open]) + "_____" + String(text[text.index(after: close)...])
        }
        var general = ""
        if let separator = answers.range(of: "####", options: .backwards) {
            general = String(answers[separator.upperBound...])
            answers = String(answers[..<separator.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let (format, body) = formatted(questionText.trimmingCharacters(in: .whitespacesAndNewlines), default: .moodle)
        let questionRich = format.rich(Escapes.restore(body))
        let generalRich = general.isEmpty ? nil : rich(general, default: format)
        let kind = kind(of: answers)
        let plainName = name.flatMap { $0.isEmpty ? nil : $0 }

        func make(_ options: [BankOption]) -> BankQuestion {
            BankQuestion(name: plainName ?? "Question \(number)", title: plainName, number: number, text: questionRich,
                         options: options, generalFeedback: generalRich, line: line)
        }

        switch kind {
        case .multichoice(let single):
            var options: [BankOption] = []
            let pieces = answers.replacingOccurrences(of: "=", with: "~=").split(separator: "~", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            for piece in pieces {
                var answer = Substring(piece)
                var fraction = 0.0
                if answer.hasPrefix("=") {
                    fraction = 100
                    answer = answer.dropFirst()
                } else if let (weight, rest) = weightPrefix(answer) {
                    fraction = weight
                    answer = rest
                }
                let parts = answer.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let optionText = rich(String(parts[0]), default: format)
                let feedback = parts.count > 1 ? rich(String(parts[1]), default: format) : nil
                options.append(BankOption(text: optionText, fraction: fraction, feedback: feedback.flatMap { $0.isEmpty ? nil : $0 }))
            }
            guard options.count >= 2 else {
                return .failure(Problem(severity: .error, message: "a multiple-choice question needs at least two answers; the question is left out"))
            }
            return Supported.check(make(options), single: single).map { Parsed(question: $0.question, warnings: $0.warnings) }
                .mapError { Problem(severity: $0.severity, message: $0.message) }
        case .truefalse(let isTrue, let wrongFeedback, let rightFeedback):
            let wrong = wrongFeedback.isEmpty ? nil : rich(wrongFeedback, default: format)
            let right = rightFeedback.isEmpty ? nil : rich(rightFeedback, default: format)
            let options = [
                BankOption(text: .plain("True"), fraction: isTrue ? 100 : 0, feedback: isTrue ? right : wrong),
                BankOption(text: .plain("False"), fraction: isTrue ? 0 : 100, feedback: isTrue ? wrong : right),
            ]
            return .success(Parsed(question: make(options), warnings: []))
        case .unsupported(let what):
            return .failure(Problem(severity: .warning, message: "\(what) is not a kind of question Lectern holds (single-answer multiple choice); it is left out"))
        }
    }

    enum Kind {
        case multichoice(single: Bool)
        case truefalse(isTrue: Bool, wrongFeedback: String, rightFeedback: String)
        case unsupported(String)
    }

    /// The question type, decided as Moodle decides it.
    static func kind(of answers: String) -> Kind {
        if answers.isEmpty { return .unsupported("an essay question ({})") }
        if answers.hasPrefix("#") { return .unsupported("a numerical question ({#…})") }
        if answers.contains("~") { return .multichoice(single: answers.contains("=")) }
        if answers.contains("="), answers.contains("->") { return .unsupported("a matching question (=…->…)") }
        let bits = answers.split(separator: "#", maxSplits: 2, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        switch bits[0] {
        case "T", "TRUE": return .truefalse(isTrue: true, wrongFeedback: bits.count > 1 ? bits[1] : "", rightFeedback: bits.count > 2 ? bits[2] : "")
        case "F", "FALSE": return .truefalse(isTrue: false, wrongFeedback: bits.count > 1 ? bits[1] : "", rightFeedback: bits.count > 2 ? bits[2] : "")
        default: return .unsupported("a short-answer question ({=…})")
        }
    }

    /// `%50%`, `%-33.3%` at the start of an answer: the weight in percent and the rest.
    static func weightPrefix(_ answer: Substring) -> (Double, Substring)? {
        guard answer.hasPrefix("%") else { return nil }
        let rest = answer.dropFirst()
        guard let end = rest.firstIndex(of: "%") else { return nil }
        let number = rest[..<end]
        guard let value = Double(number), (-100...100).contains(value) else { return nil }
        return (value, rest[rest.index(after: end)...])
    }

    /// GIFT's text formats: `[moodle]` (the default), `[html]`, `[plain]`, `[markdown]`.
    enum Format {
        case moodle, html, plain, markdown

        func rich(_ text: String) -> RichText {
            switch self {
            case .html: return .html(text)
            case .markdown: return .markdown(text)
            case .plain: return .plain(text)
            case .moodle: return MoodleText.looksLikeHTML(text) ? .html(text) : .plain(text)
            }
        }
    }

    /// A text in its format (its own `[format]` marker, else `fallback`).
    static func rich(_ text: String, default fallback: Format) -> RichText {
        let (format, body) = formatted(text.trimmingCharacters(in: .whitespacesAndNewlines), default: fallback)
        return format.rich(body)
    }

    /// A text's `[format]` marker (else the default) and the text without it, unescaped.
    static func formatted(_ text: String, default fallback: Format) -> (format: Format, text: String) {
        var format = fallback
        var body = text
        if text.hasPrefix("["), let end = text.firstIndex(of: "]") {
            let name = text[text.index(after: text.startIndex)..<end]
            let known: Format? = ["moodle": .moodle, "html": .html, "plain": .plain, "markdown": .markdown][String(name)]
            if let known {
                format = known
                body = String(text[text.index(after: end)...])
            }
        }
        return (format, Escapes.restore(body).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// GIFT's backslash escapes, swapped for private-use characters while the question is
/// split (as Moodle's `escapedchar_pre`/`escapedchar_post` do with placeholders).
enum Escapes {
    private static let pairs: [(String, Character)] = [
        ("\\:", "\u{E000}"), ("\\#", "\u{E001}"), ("\\=", "\u{E002}"), ("\\{", "\u{E003}"),
        ("\\}", "\u{E004}"), ("\\~", "\u{E005}"), ("\\n", "\u{E006}"),
    ]
    private static let backslash: Character = "\u{E007}"

    static func protect(_ text: String) -> String {
        var out = text.replacingOccurrences(of: "\\\\", with: String(backslash))
        for (escaped, placeholder) in pairs { out = out.replacingOccurrences(of: escaped, with: String(placeholder)) }
        return out.replacingOccurrences(of: String(backslash), with: "\\")
    }

    static func restore(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\u{E000}": out.append(":")
            case "\u{E001}": out.append("#")
            case "\u{E002}": out.append("=")
            case "\u{E003}": out.append("{")
            case "\u{E004}": out.append("}")
            case "\u{E005}": out.append("~")
            case "\u{E006}": out.append("\n")
            default: out.append(character)
            }
        }
        return out
    }
}

/// Moodle's "auto-format" text: HTML when it has tags, else plain.
enum MoodleText {
    static func looksLikeHTML(_ text: String) -> Bool {
        var previous: Character = " "
        for character in text {
            if previous == "<", character.isLetter || character == "/" { return true }
            previous = character
        }
        return false
    }
}
