import Course
import Markdown

/// A page that holds a quiz, cut into what the author wrote around it and the quiz itself,
/// so the quiz is rendered where it stands: as one form where its questions follow one
/// another, as several where prose stands between them (mkdocs-quiz blocks spread over a
/// lesson).
///
/// The quiz's own blocks (questions, marked answers, explanations, the scoring guide) are
/// never rendered as plain markdown: they show the answers. Each run of them becomes a form.
struct QuizSections {
    enum Section {
        case prose([MarkdownNode])
        /// The questions of one form, by index in `Quiz.questions`, and whether the
        /// scoring guide stands among them.
        case quiz([Int], guide: Bool)
    }

    var sections: [Section]

    init(blocks: [MarkdownNode], quiz: Quiz) {
        var spans: [(lines: ClosedRange<Int>, question: Int?)] = quiz.questions.enumerated().map { index, question in
            (question.position.line...max(question.lastLine, question.position.line), index)
        }
        if let guide = quiz.scoringGuide, guide.position.line > 0 {
            spans.append((guide.position.line...max(guide.lastLine, guide.position.line), nil))
        }
        var sections: [Section] = []
        var prose: [MarkdownNode] = []
        var group: [Int] = []
        var groupHasGuide = false
        var groupOpen = false
        var placed = Set<Int>()
        var guidePlaced = false
        func closeGroup() {
            if groupOpen { sections.append(.quiz(group, guide: groupHasGuide)) }
            group = []
            groupHasGuide = false
            groupOpen = false
        }
        for block in blocks {
            let line = block.start.line
            if let span = spans.first(where: { $0.lines.contains(line) }) {
                if !prose.isEmpty {
                    sections.append(.prose(prose))
                    prose = []
                }
                groupOpen = true
                if let index = span.question {
                    if placed.insert(index).inserted { group.append(index) }
                } else if !guidePlaced {
                    groupHasGuide = true
                    guidePlaced = true
                }
            } else if groupOpen, block.kind == .thematicBreak {
                continue  // a rule between questions stays inside the form
            } else {
                closeGroup()
                prose.append(block)
            }
        }
        closeGroup()
        if !prose.isEmpty { sections.append(.prose(prose)) }
        // A question with no block of its own on the page (its key and text from elsewhere)
        // joins the last form, or makes one at the end.
        let missing = quiz.questions.indices.filter { !placed.contains($0) }
        if !missing.isEmpty || (quiz.scoringGuide != nil && !guidePlaced) {
            let guide = quiz.scoringGuide != nil && !guidePlaced
            if let last = sections.lastIndex(where: { if case .quiz = $0 { return true } else { return false } }),
               case .quiz(let indices, let hasGuide) = sections[last] {
                sections[last] = .quiz((indices + missing).sorted(), guide: hasGuide || guide)
            } else {
                sections.append(.quiz(missing, guide: guide))
            }
        }
        self.sections = sections
    }

    /// Every prose block, for the page's outline and search.
    var allProse: [MarkdownNode] {
        sections.flatMap { section -> [MarkdownNode] in
            if case .prose(let blocks) = section { return blocks }
            return []
        }
    }
}
