import Course
import Foundation
import Markdown

/// A session's quiz to export: the quiz, its title, and where its page is (to find images).
public struct ExportSource: Sendable {
    public var quiz: Quiz
    /// The category the questions go in: the session's title.
    public var title: String
    /// The quiz page's folder, which relative image paths start from.
    public var pageDirectory: URL
    /// The course folder: images outside it are not read.
    public var courseRoot: URL

    public init(quiz: Quiz, title: String, pageDirectory: URL, courseRoot: URL) {
        self.quiz = quiz
        self.title = title
        self.pageDirectory = pageDirectory
        self.courseRoot = courseRoot
    }
}

/// How a format refers to a packaged image from inside question HTML.
public enum ImagePlacement: Sendable {
    /// Moodle XML: `@@PLUGINFILE@@/name`, the file embedded beside the text.
    case moodlePluginFile
    /// QTI packages: `images/name` inside the zip.
    case packageFolder
    /// GIFT cannot carry files: the source is kept as written, with a warning.
    case unpackaged

    public func url(for name: String) -> String? {
        switch self {
        case .moodlePluginFile: return "@@PLUGINFILE@@/" + name
        case .packageFolder: return "images/" + name
        case .unpackaged: return nil
        }
    }
}

/// Lectern's quizzes as question banks: question text, options and explanations as HTML
/// from Lectern's own renderer; images found, read and renamed for the package.
public enum QuizExport {
    /// The bank of one quiz, the images it uses, and warnings (an image that is missing,
    /// outside the course, or that the format cannot carry).
    public static func bank(_ source: ExportSource, placement: ImagePlacement,
                            assets: inout [BankAsset], diagnostics: inout [Diagnostic]) -> QuestionBank {
        let quiz = source.quiz
        var sourceToName: [String: String] = [:]
        for question in quiz.questions {
            let nodes = question.prompt + question.options.flatMap(\.content) + question.explanation
            for imageSource in imageSources(in: nodes) where sourceToName[imageSource] == nil {
                guard isLocal(imageSource) else { continue }
                let position = (question.position.line, question.position.column)
                guard placement.url(for: "") != nil else {
                    diagnostics.append(.warning(quiz.displayPath, position,
                        "question \(question.number): GIFT cannot carry the image \(imageSource); it keeps its path, which the LMS will not find"))
                    sourceToName[imageSource] = imageSource
                    continue
                }
                guard let data = readImage(imageSource, source: source) else {
                    diagnostics.append(.warning(quiz.displayPath, position,
                        "question \(question.number): the image \(imageSource) is missing or outside the course; it is not packaged"))
                    sourceToName[imageSource] = imageSource
                    continue
                }
                if let existing = assets.first(where: { $0.data == data }) {
                    sourceToName[imageSource] = placement.url(for: existing.name)
                    continue
                }
                let name = uniqueName(for: imageSource, taken: Set(assets.map(\.name)))
                assets.append(BankAsset(name: name, data: data))
                sourceToName[imageSource] = placement.url(for: name)
            }
        }
        let mapping = sourceToName
        let renderer = HTMLRenderer(allowRawHTML: false, headingIDs: false, rewriteURL: { mapping[$0] ?? $0 })
        let questions = quiz.questions.map { question in
            bankQuestion(question, renderer: renderer)
        }
        return QuestionBank(category: source.title, questions: questions)
    }

    /// One question as HTML: prompt blocks, each option's inline content, the explanation.
    static func bankQuestion(_ question: Question, renderer: HTMLRenderer) -> BankQuestion {
        let correct = question.correctOption.map { renderer.render($0.content) }
        let options = question.options.map { option in
            let html = renderer.render(option.content)
            return BankOption(text: .html(html), fraction: option.isCorrect ? 100 : 0,
                              feedback: .html(OptionFeedback.text(isCorrect: option.isCorrect, correctHTML: correct)))
        }
        let explanation = renderer.render(question.explanation).trimmingTrailingNewlines()
        return BankQuestion(
            name: question.title ?? "Question \(question.number)", title: question.title, number: question.number,
            text: .html(renderer.render(question.prompt).trimmingTrailingNewlines()), options: options,
            generalFeedback: explanation.isEmpty ? nil : .html(explanation))
    }

    /// Every image source in `nodes`, in document order.
    static func imageSources(in nodes: [MarkdownNode]) -> [String] {
        var collector = ImageCollector()
        for node in nodes { collector.visit(node) }
        return collector.sources
    }

    private struct ImageCollector: MarkdownWalker {
        var sources: [String] = []

        mutating func visitImage(_ node: borrowing MarkdownNode) {
            if case .image(let source, _) = node.kind { sources.append(source) }
            descendInto(node)
        }
    }

    /// A path inside the course, not a URL with a scheme, an absolute path or an anchor.
    static func isLocal(_ source: String) -> Bool {
        !source.isEmpty && !source.hasPrefix("/") && !source.hasPrefix("#") && !source.contains("://")
            && !source.lowercased().hasPrefix("data:") && !source.lowercased().hasPrefix("mailto:")
    }

    /// The bytes of a relative image, when it resolves (symlinks followed) inside the course.
    static func readImage(_ imageSource: String, source: ExportSource) -> [UInt8]? {
        let path = imageSource.split(separator: "#", maxSplits: 1).first.map(String.init) ?? imageSource
        let decoded = path.removingPercentEncoding ?? path
        let url = source.pageDirectory.appendingPathComponent(decoded).standardizedFileURL.resolvingSymlinksInPath()
        let root = source.courseRoot.standardizedFileURL.resolvingSymlinksInPath().path
        guard url.path.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { return nil }
        return FileManager.default.contents(atPath: url.path).map { [UInt8]($0) }
    }

    /// The image's file name, made unique within the export and safe in a URL.
    static func uniqueName(for imageSource: String, taken: Set<String>) -> String {
        let last = (imageSource.removingPercentEncoding ?? imageSource).split(separator: "/").last.map(String.init) ?? "image"
        let safe = String(last.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" ? $0 : "-" })
        var name = safe.isEmpty ? "image" : safe
        var counter = 2
        while taken.contains(name) {
            name = "\(counter)-\(safe)"
            counter += 1
        }
        return name
    }
}

/// The feedback Lectern writes for each option, so every format shows right and wrong the
/// same way; the importer recognises it and does not fold it into the explanation.
public enum OptionFeedback {
    public static let correct = "Correct."
    public static let incorrectPrefix = "Incorrect. The answer is: "

    /// "Correct." or "Incorrect. The answer is: Histogram" (as HTML).
    public static func text(isCorrect: Bool, correctHTML: String?) -> String {
        if isCorrect { return correct }
        guard let correctHTML else { return "Incorrect." }
        return incorrectPrefix + correctHTML
    }

    /// Whether `html` is the feedback Lectern would write for this option.
    public static func isGenerated(_ html: String, isCorrect: Bool, correctHTML: String?) -> Bool {
        html.trimmingCharacters(in: .whitespacesAndNewlines) == text(isCorrect: isCorrect, correctHTML: correctHTML)
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var copy = self
        while copy.hasSuffix("\n") { copy.removeLast() }
        return copy
    }
}
