import Exchange
import Course
import Foundation

/// A question bank as a quiz page in Lectern's convention (design.md): a `#` title, then per
/// question `### Question N: Name`, the question, options `A)`… with ✅ on the right one, an
/// `**Explanation:**`, and `---` between questions.
public enum QuizPageWriter {
    /// The folder an imported page keeps its images in, beside the page.
    public static let imagesFolder = "images"

    /// The page's markdown and warnings (text that could not be carried over exactly).
    /// `path` names the file being imported, for diagnostics.
    public static func page(_ bank: QuestionBank, path: String) -> (markdown: String, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let converter = HTMLToMarkdown(rewriteURL: { url in
            let prefix = ImagePlacement.moodlePluginFile.url(for: "")!
            return url.hasPrefix(prefix) ? imagesFolder + "/" + url.dropFirst(prefix.count) : url
        })
        var sections: [String] = []
        for (index, question) in bank.questions.enumerated() {
            var notes: [String] = []
            let number = index + 1
            var heading = "### Question \(number)"
            if let title = question.title, title != "Question \(question.number)", !title.hasSuffix("?"),
               !title.isEmpty {
                heading += ": " + HTMLToMarkdown.escapeText(title.replacingOccurrences(of: "\n", with: " "))
            }
            var lines = [heading, ""]
            let prompt = blocks(question.text, converter: converter, notes: &notes)
            if prompt.isEmpty { notes.append("the question has no text") }
            lines.append(guardMarkers(prompt, notes: &notes))
            lines.append("")
            let correctHTML = question.options.first(where: \.isCorrect).flatMap { option -> String? in
                if case .html(let html) = option.text { return html } else { return nil }
            }
            var optionFeedback: [String] = []
            for (optionIndex, option) in question.options.enumerated() {
                let letter = Letters.letter(optionIndex)
                var text = inline(option.text, converter: converter, notes: &notes)
                    .replacingOccurrences(of: "✅", with: "")
                if text.isEmpty { text = "(empty)" }
                lines.append("\(letter)) \(text)\(option.isCorrect ? " ✅" : "")")
                if let feedback = option.feedback, !feedback.isEmpty {
                    let isGenerated: Bool
                    if case .html(let html) = feedback {
                        isGenerated = OptionFeedback.isGenerated(html, isCorrect: option.isCorrect, correctHTML: correctHTML)
                    } else {
                        isGenerated = false
                    }
                    if !isGenerated {
                        optionFeedback.append("- *\(text)*: " + inline(feedback, converter: converter, notes: &notes))
                    }
                }
            }
            var explanation = question.generalFeedback.map { blocks($0, converter: converter, notes: &notes) } ?? ""
            if !optionFeedback.isEmpty {
                explanation += (explanation.isEmpty ? "" : "\n\n") + optionFeedback.joined(separator: "\n")
            }
            if !explanation.isEmpty {
                lines.append("")
                // The first paragraph joins the marker; any other first block follows it.
                let startsWithParagraph = isParagraphStart(explanation)
                lines.append("**Explanation:**" + (startsWithParagraph ? " " : "\n\n") + explanation)
            }
            for note in notes {
                diagnostics.append(.warning(path, (question.line, 1), "question \(number) (\(question.name)): \(note)"))
            }
            sections.append(lines.joined(separator: "\n"))
        }
        let title = bank.category.replacingOccurrences(of: "\n", with: " ")
        let markdown = "# " + HTMLToMarkdown.escapeText(title) + "\n\n" + sections.joined(separator: "\n\n---\n\n") + "\n"
        return (markdown, diagnostics)
    }

    /// Whether markdown starts with a paragraph (not a list, quote or code block).
    static func isParagraphStart(_ markdown: String) -> Bool {
        if markdown.hasPrefix("```") || markdown.hasPrefix("- ") || markdown.hasPrefix("* ") || markdown.hasPrefix(">") {
            return false
        }
        let digits = markdown.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let after = markdown.dropFirst(digits.count).first, after == "." || after == ")" { return false }
        return true
    }

    static func blocks(_ text: RichText, converter: HTMLToMarkdown, notes: inout [String]) -> String {
        switch text {
        case .html(let html):
            let (markdown, lossy) = converter.blocks(html)
            if lossy { notes.append("some of its HTML has no markdown form and was simplified") }
            return markdown
        case .markdown(let markdown):
            return markdown.trimmingCharacters(in: .whitespacesAndNewlines)
        case .plain(let plain):
            return plain.components(separatedBy: "\n\n").map { HTMLToMarkdown.escapeText($0) }
                .filter { !$0.isEmpty }.joined(separator: "\n\n")
        }
    }

    static func inline(_ text: RichText, converter: HTMLToMarkdown, notes: inout [String]) -> String {
        let markdown: String
        switch text {
        case .html(let html):
            let (converted, lossy) = converter.inline(html)
            if lossy { notes.append("an answer's HTML has no one-line markdown form and was simplified") }
            markdown = converted
        case .markdown(let source):
            markdown = source.trimmingCharacters(in: .whitespacesAndNewlines)
        case .plain(let plain):
            markdown = HTMLToMarkdown.escapeText(plain.trimmingCharacters(in: .whitespacesAndNewlines), atLineStart: false)
        }
        // An answer is one line of the page: a blank line would end the options.
        return markdown.split(separator: "\n", omittingEmptySubsequences: true).joined(separator: "\n")
    }

    /// Lines of the question text that would read as quiz markers (`A) …`, `Explanation:`,
    /// `Correct Answer:`, `Question 3:`) are joined to the line before; at a paragraph's
    /// start they cannot be, and are reported.
    static func guardMarkers(_ markdown: String, notes: inout [String]) -> String {
        var out: [String] = []
        var inFence = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") { inFence.toggle() }
            if !inFence, looksLikeMarker(line) {
                if let last = out.last, !last.isEmpty, !last.hasPrefix("```") {
                    out[out.count - 1] = last + " " + line
                    continue
                }
                notes.append("a paragraph of its text starts like a quiz marker (\(line.prefix(20))…); check the page")
            }
            out.append(line)
        }
        return out.joined(separator: "\n")
    }

    static func looksLikeMarker(_ line: String) -> Bool {
        let plain = line.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "\\", with: "")
            .trimmingCharacters(in: .whitespaces)
        let characters = Array(plain)
        if characters.count >= 2, characters[0].isASCII, characters[0].isUppercase, ").:".contains(characters[1]),
           characters.count == 2 || characters[2] == " " {
            return true
        }
        let lower = plain.lowercased()
        if lower.hasPrefix("explanation:") || lower.hasPrefix("correct answer") { return true }
        if lower.hasPrefix("question "), lower.dropFirst(9).first?.isNumber == true { return true }
        return false
    }
}
