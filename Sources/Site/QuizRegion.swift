import Course
import Markdown

/// Splits a page that holds a quiz into what comes before the quiz, the quiz itself
/// (questions, marked answers, explanations, scoring guide) and what follows it.
///
/// The quiz region is never rendered as plain markdown: it shows the answers. The quiz page
/// renders it as a form instead, and a lesson that holds its own quiz links to that page.
struct QuizRegion {
    var before: [MarkdownNode]
    var after: [MarkdownNode]

    init(page: Page, quiz: Quiz) {
        let blocks = page.document.children
        var lines: [Int] = []
        for question in quiz.questions {
            lines.append(question.position.line)
            lines += question.options.map(\.position.line)
            lines += question.explanation.map(\.end.line)
            lines += question.prompt.map(\.end.line)
        }
        if let guide = quiz.scoringGuide {
            lines.append(guide.position.line)
            lines += guide.bands.map(\.position.line)
        }
        let positive = lines.filter { $0 > 0 }
        guard let first = positive.min(), let last = positive.max() else {
            before = blocks
            after = []
            return
        }
        // A block belongs to the region when it overlaps [first, last]; the region then
        // extends to the ends of the blocks it touches.
        before = blocks.filter { $0.end.line < first && $0.start.line < first }
        after = blocks.filter { $0.start.line > last }
        // Drop rules and the question heading left dangling at the region's edges.
        while let tail = before.last, tail.kind == .thematicBreak { before.removeLast() }
        while let head = after.first, head.kind == .thematicBreak { after.removeFirst() }
    }
}
