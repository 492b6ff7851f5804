import Markdown

/// Finds a quiz in a page's cmark tree: questions, lettered options, ✅ marks, Correct Answer
/// lines, explanations and the Scoring Guide, in every variant design.md lists. Problems are
/// reported as diagnostics with the source position of the line they concern.
public struct QuizParser {
    private let page: Page
    private var diagnostics: [Diagnostic] = []
    private var questions: [Question] = []
    private var current: QuestionBuilder?
    private var guide: GuideBuilder?
    private var guideOpen = false
    private var paragraphID = 0

    /// Parses the quiz in `page`; nil when the page holds no question and no scoring guide.
    public static func parse(_ page: Page, diagnostics: inout [Diagnostic]) -> Quiz? {
        // Every quiz has a "Question N" or a "Scoring Guide"; most lesson pages have neither,
        // and a byte search is far cheaper than walking their every line.
        guard page.source.utf8.containsASCIICaseInsensitive("question", or: "scoring") else { return nil }
        var parser = QuizParser(page: page)
        let quiz = parser.run()
        diagnostics += parser.diagnostics
        return quiz
    }

    /// The UTF-8 offset at which each line of the page's source starts.
    private let lineStarts: [Int]

    private init(page: Page) {
        self.page = page
        var starts = [0]
        var source = page.source
        source.withUTF8 { bytes in
            for offset in bytes.indices where bytes[offset] == UInt8(ascii: "\n") { starts.append(offset + 1) }
        }
        lineStarts = starts
    }

    // MARK: Units

    /// What the parser consumes: paragraph lines one at a time, other blocks whole.
    private enum Unit {
        case line([MarkdownNode], SourcePosition, paragraph: Int)
        case heading(MarkdownNode)
        case rule
        case list(MarkdownNode)
        case block(MarkdownNode)
    }

    private mutating func units() -> [Unit] {
        var result: [Unit] = []
        for block in page.document.children {
            switch block.kind {
            case .paragraph:
                paragraphID += 1
                for (inlines, position) in lines(of: block) {
                    result.append(.line(inlines, position, paragraph: paragraphID))
                }
            case .heading: result.append(.heading(block))
            case .thematicBreak: result.append(.rule)
            case .list: result.append(.list(block))
            default: result.append(.block(block))
            }
        }
        return result
    }

    /// A paragraph's lines: its inlines split at soft and hard breaks, each with its position.
    private func lines(of paragraph: MarkdownNode) -> [([MarkdownNode], SourcePosition)] {
        var result: [([MarkdownNode], SourcePosition)] = []
        var line: [MarkdownNode] = []
        var lineNumber = paragraph.start.line
        var position = paragraph.start
        for inline in paragraph.children {
            switch inline.kind {
            case .softBreak, .lineBreak:
                result.append((line, position))
                line = []
                lineNumber += 1
                position = SourcePosition(line: lineNumber, column: firstColumn(ofLine: lineNumber))
            default:
                line.append(inline)
                if inline.kind == .htmlInline || inline.kind == .code {
                    lineNumber += inline.literal.filter { $0 == "\n" }.count
                }
            }
        }
        result.append((line, position))
        return result
    }

    /// The first column (1-based, in bytes) of non-blank text on a source line.
    private func firstColumn(ofLine line: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return 1 }
        let utf8 = page.source.utf8
        var index = utf8.index(utf8.startIndex, offsetBy: lineStarts[line - 1])
        var column = 1
        while index < utf8.endIndex, utf8[index] == UInt8(ascii: " ") || utf8[index] == UInt8(ascii: "\t") {
            column += 1
            index = utf8.index(after: index)
        }
        return column
    }

    // MARK: The state machine

    private mutating func run() -> Quiz? {
        for unit in units() {
            consume(unit)
        }
        finishQuestion()
        finishGuide()
        guard !questions.isEmpty || guide != nil else { return nil }
        let scoringGuide = guide.map { builder in
            ScoringGuide(bands: builder.bands.map { band in
                var band = band
                if band.upperBound == Int.max { band.upperBound = questions.count }
                return band
            }, position: builder.position)
        }
        validateGuide(scoringGuide)
        if questions.isEmpty {
            diagnostics.append(.error(page.displayPath, (1, 1), "the page has a Scoring Guide but no questions"))
        }
        return Quiz(title: page.title, questions: questions, scoringGuide: scoringGuide, displayPath: page.displayPath)
    }

    private mutating func consume(_ unit: Unit) {
        switch unit {
        case .heading(let heading):
            let text = heading.plainText()
            if let marker = QuizMarkers.question(text) {
                startQuestion(marker.number, lead: InlineEditing.dropLeading(marker.markerLength, from: heading.children), at: heading.start)
            } else if QuizMarkers.isScoringGuideTitle(text) {
                finishQuestion()
                startGuide(at: heading.start)
            } else {
                finishQuestion()
                finishGuide()
            }
        case .rule:
            finishQuestion()
            finishGuide()
        case .line(let inlines, let position, let paragraph):
            consumeLine(inlines, at: position, paragraph: paragraph)
        case .list(let list):
            consumeList(list)
        case .block(let block):
            finishGuide()
            current?.addBlock(block)
            if let warning = current?.takeWarning() { warn(warning, at: block.start) }
        }
    }

    private mutating func consumeLine(_ inlines: [MarkdownNode], at position: SourcePosition, paragraph: Int) {
        if current == nil, !guideOpen {
            // Outside a question and a guide only a question or a guide can start, and both
            // start with a letter (q, s) that most lines' first letter rules out cheaply.
            guard let first = InlineEditing.firstNonSpaceByte(inlines),
                  first | 0x20 == UInt8(ascii: "q") || first | 0x20 == UInt8(ascii: "s") else { return }
        }
        let text = InlineEditing.plainText(inlines).trimmedOfSpaces()
        if let marker = QuizMarkers.question(text) {
            startQuestion(marker.number, lead: InlineEditing.dropLeading(marker.markerLength, from: InlineEditing.trimLeadingWhitespace(inlines)), at: position)
            return
        }
        if QuizMarkers.isScoringGuideTitle(text) {
            finishQuestion()
            startGuide(at: position)
            return
        }
        if guideOpen {
            if text.isEmpty { return }
            if let band = QuizMarkers.band(text) {
                guide?.add(band, at: position)
                return
            }
            finishGuide()
        }
        guard current != nil else { return }
        if text.isEmpty { return }
        let trimmed = InlineEditing.trimLeadingWhitespace(inlines)
        if let answer = QuizMarkers.correctAnswer(text) {
            recordCorrectAnswer(answer, at: position)
        } else if let length = QuizMarkers.explanation(text) {
            current?.startExplanation(InlineEditing.dropLeading(length, from: trimmed), at: position, paragraph: paragraph)
        } else if current?.acceptsOptions == true, let marker = QuizMarkers.option(text) {
            addOption(marker.letter, InlineEditing.dropLeading(marker.markerLength, from: trimmed), at: position, paragraph: paragraph)
        } else {
            current?.addLine(trimmed, at: position, paragraph: paragraph)
            if let warning = current?.takeWarning() { warn(warning, at: position) }
        }
    }

    private mutating func consumeList(_ list: MarkdownNode) {
        if guideOpen {
            var sawBand = false
            for item in list.children {
                let first = item.children.first
                let text = first?.plainText() ?? ""
                let position = first?.start ?? item.start
                if let band = QuizMarkers.band(text) {
                    guide?.add(band, at: position)
                    sawBand = true
                } else {
                    warn("scoring guide entry is not a band; write 'N correct: Label - advice', 'N-M correct: …' or 'Below N: …'", at: position)
                }
            }
            if sawBand { return }
            finishGuide()
        }
        guard current != nil else { return }
        let optionItems: [(String, [MarkdownNode], SourcePosition)] = list.children.compactMap { item in
            guard let first = item.children.first, first.kind == .paragraph,
                  let marker = QuizMarkers.option(first.plainText()) else { return nil }
            let inlines = InlineEditing.dropLeading(marker.markerLength, from: InlineEditing.trimLeadingWhitespace(first.children))
            return (marker.letter, inlines, first.start)
        }
        if current?.acceptsOptions == true, !optionItems.isEmpty, optionItems.count == list.children.count {
            for (letter, inlines, position) in optionItems {
                paragraphID += 1
                addOption(letter, inlines, at: position, paragraph: paragraphID)
            }
        } else {
            current?.addBlock(list)
            if let warning = current?.takeWarning() { warn(warning, at: list.start) }
        }
    }

    private mutating func addOption(_ letter: String, _ inlines: [MarkdownNode], at position: SourcePosition, paragraph: Int) {
        let (content, marks) = InlineEditing.removeCorrectMark(from: inlines)
        current?.addOption(Choice(letter: letter, content: content, isCorrect: marks > 0, position: position), paragraph: paragraph)
    }

    private mutating func recordCorrectAnswer(_ answer: String?, at position: SourcePosition) {
        guard let answer else {
            warn("'Correct Answer' line names no option letter (write 'Correct Answer: B) …')", at: position)
            return
        }
        if current?.correctAnswer != nil {
            warn("a second 'Correct Answer' line in question \(current?.number ?? 0); only the first is checked", at: position)
            return
        }
        current?.correctAnswer = (answer, position)
        current?.phase = .afterOptions
    }

    // MARK: Questions

    private mutating func startQuestion(_ number: Int, lead: [MarkdownNode], at position: SourcePosition) {
        finishQuestion()
        finishGuide()
        current = QuestionBuilder(number: number, position: position, lead: InlineEditing.trimTrailingWhitespace(lead))
    }

    private mutating func finishQuestion() {
        guard let builder = current else { return }
        current = nil
        let question = builder.build()
        validate(question, builder: builder)
        questions.append(question)
    }

    private mutating func validate(_ question: Question, builder: QuestionBuilder) {
        let label = "question \(question.number)"
        let expectedNumber = questions.count + 1
        if question.number != expectedNumber {
            warn("\(label) is numbered \(question.number) but is question \(expectedNumber) of the page", at: question.position)
        }
        if question.prompt.isEmpty {
            error("\(label) has no question text", at: question.position)
        }
        if question.options.count < 2 {
            error("\(label) has \(question.options.count == 0 ? "no options" : "only one option"); a question needs at least two (A) …, B) …)", at: question.position)
        }
        for (index, option) in question.options.enumerated() {
            let expected = String(UnicodeScalar(UInt8(ascii: "A") + UInt8(min(index, 25))))
            if option.letter != expected {
                let found = question.options.map(\.letter).joined(separator: ", ")
                error("\(label): expected option \(expected) here, found \(option.letter) (options must be lettered A, B, C, … in order; found \(found))", at: option.position)
                break
            }
        }
        let marked = question.options.filter(\.isCorrect)
        if marked.isEmpty, question.options.count >= 2 {
            error("\(label) has no correct option: mark exactly one option with ✅", at: question.position)
        } else if marked.count > 1 {
            error("\(label) has \(marked.count) options marked ✅ (\(marked.map(\.letter).joined(separator: ", "))); mark exactly one", at: marked[1].position)
        }
        if let (letter, position) = builder.correctAnswer {
            if !question.options.contains(where: { $0.letter == letter }) {
                error("\(label): 'Correct Answer: \(letter)' names no option of this question", at: position)
            } else if marked.count == 1, marked[0].letter != letter {
                error("\(label): 'Correct Answer: \(letter)' disagrees with the ✅ on option \(marked[0].letter)", at: position)
            }
        }
        if question.explanation.isEmpty {
            warn("\(label) has no explanation (add an 'Explanation:' paragraph after the options)", at: question.position)
        }
    }

    // MARK: Scoring guide

    private mutating func startGuide(at position: SourcePosition) {
        if guide != nil {
            warn("a second Scoring Guide on the page; its bands are added to the first", at: position)
        } else {
            guide = GuideBuilder(position: position)
        }
        guideOpen = true
    }

    /// Stops collecting bands; the guide itself is kept for the end of the run.
    private mutating func finishGuide() {
        guideOpen = false
    }

    private mutating func validateGuide(_ guide: ScoringGuide?) {
        guard let guide else { return }
        let total = questions.count
        if guide.bands.isEmpty {
            error("the Scoring Guide lists no bands ('N correct: Label - advice')", at: guide.position)
            return
        }
        for band in guide.bands {
            if band.lowerBound > band.upperBound {
                error("band '\(band.rangeText)' is empty (its lower score is above its upper score)", at: band.position)
            } else if band.upperBound > total {
                error("band '\(band.rangeText)' names a score above the quiz's \(total) question\(total == 1 ? "" : "s")", at: band.position)
            }
            if band.label.isEmpty {
                error("band '\(band.rangeText)' has no label", at: band.position)
            }
        }
        for (index, band) in guide.bands.enumerated() {
            for earlier in guide.bands[..<index] {
                let low = max(band.lowerBound, earlier.lowerBound)
                let high = min(band.upperBound, earlier.upperBound)
                if low <= high {
                    let scores = low == high ? "\(low)" : "\(low)-\(high)"
                    error("band '\(band.rangeText)' overlaps band '\(earlier.rangeText)' (both cover \(scores) correct)", at: band.position)
                }
            }
        }
        var uncovered: [ClosedRange<Int>] = []
        for score in 0...max(total, 0) where !guide.bands.contains(where: { $0.contains(score) }) {
            if let last = uncovered.last, last.upperBound == score - 1 {
                uncovered[uncovered.count - 1] = last.lowerBound...score
            } else {
                uncovered.append(score...score)
            }
        }
        for gap in uncovered {
            let scores = gap.count == 1 ? "a score of \(gap.lowerBound)" : "scores \(gap.lowerBound)-\(gap.upperBound)"
            error("no band covers \(scores); the bands must cover every score from 0 to \(total)", at: guide.position)
        }
    }

    // MARK: Diagnostics

    private mutating func error(_ message: String, at position: SourcePosition) {
        diagnostics.append(.error(page.displayPath, (position.line, position.column), message))
    }

    private mutating func warn(_ message: String, at position: SourcePosition) {
        diagnostics.append(.warning(page.displayPath, (position.line, position.column), message))
    }
}

/// The scoring guide as it is collected, band by band.
private struct GuideBuilder {
    var position: SourcePosition
    /// `N+ correct` bands have `Int.max` as upper bound until the question count is known.
    var bands: [Band] = []

    init(position: SourcePosition) {
        self.position = position
    }

    mutating func add(_ line: QuizMarkers.BandLine, at position: SourcePosition) {
        let bounds: (Int, Int)
        switch line.range {
        case .exactly(let n): bounds = (n, n)
        case .between(let low, let high): bounds = (low, high)
        case .below(let n): bounds = (0, n - 1)
        case .atLeast(let n): bounds = (n, Int.max)
        }
        bands.append(Band(lowerBound: bounds.0, upperBound: bounds.1, label: line.label, advice: line.advice, rangeText: line.rangeText, position: position))
    }
}

extension String.UTF8View {
    /// Whether `word` or `other` (lowercase ASCII letters) occurs, ignoring ASCII case; one
    /// pass over the bytes for both.
    func containsASCIICaseInsensitive(_ word: StaticString, or other: StaticString) -> Bool {
        let needles = [UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount),
                       UnsafeBufferPointer(start: other.utf8Start, count: other.utf8CodeUnitCount)]
        guard let first = needles[0].first, let otherFirst = needles[1].first else { return true }
        return withContiguousStorageIfAvailable { haystack -> Bool in
            func matches(_ needle: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
                guard index + needle.count <= haystack.count else { return false }
                var matched = 1
                while matched < needle.count, haystack[index + matched] | 0x20 == needle[matched] { matched += 1 }
                return matched == needle.count
            }
            for index in haystack.indices {
                let lower = haystack[index] | 0x20
                if lower == first, matches(needles[0], at: index) { return true }
                if lower == otherFirst, matches(needles[1], at: index) { return true }
            }
            return false
        } ?? needles.contains { String(self).lowercased().contains(String(decoding: $0, as: UTF8.self)) }
    }
}
