import Markdown
import Support

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
    /// Inside a `<details>` block of the current question: its content is the answer.
    private var detailsOpen = false
    /// mkdocs-quiz `<quiz>` blocks of the page, parsed on their own.
    private var blocks: [QuizBlocks.Block] = []

    /// Parses the quiz in `page`; nil when the page holds no question and no scoring guide.
    public static func parse(_ page: Page, diagnostics: inout [Diagnostic]) -> Quiz? {
        // Every quiz has a "Question N" or a "Scoring Guide"; most lesson pages have neither,
        // and a byte search is far cheaper than walking their every line.
        guard page.source.utf8.containsASCIICaseInsensitive("question", or: "scoring")
            || page.source.utf8.containsASCIICaseInsensitive("<quiz>", or: "<quiz ") else { return nil }
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
            starts += ByteSearch.offsets(of: UInt8(ascii: "\n"), in: bytes).map { $0 + 1 }
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

    /// Feeds the page's blocks to the state machine, paragraphs line by line. A line outside
    /// a question and a guide whose first letter cannot start either is passed over without
    /// copying its inlines: most of a lesson's lines are such prose.
    private mutating func consumeBlocks() {
        for block in page.document.children {
            if blocks.contains(where: { $0.lines.contains(block.start.line) }) { continue }
            switch block.kind {
            case .paragraph:
                paragraphID += 1
                let paragraph = paragraphID
                Self.forEachLine(of: block, lineStarts: lineStarts, source: page.source) { inlines, position in
                    if current == nil, !guideOpen {
                        // Outside a question and a guide only a question or a guide can start, and
                        // both start with a letter (q, s) that most lines' first letter rules out.
                        detailsOpen = false
                        guard let first = InlineEditing.firstNonSpaceByte(inlines),
                              first | 0x20 == UInt8(ascii: "q") || first | 0x20 == UInt8(ascii: "s") else { return }
                    }
                    consume(.line(Array(inlines), position, paragraph: paragraph))
                }
            case .heading: consume(.heading(block))
            case .thematicBreak: consume(.rule)
            case .list: consume(.list(block))
            default: consume(.block(block))
            }
        }
    }

    /// Calls `body` with each line of a paragraph: its inlines split at soft and hard breaks,
    /// with the line's position.
    private static func forEachLine(of paragraph: MarkdownNode, lineStarts: [Int], source: String,
                                    _ body: (ArraySlice<MarkdownNode>, SourcePosition) -> Void) {
        let inlines = paragraph.children
        var lineStart = 0
        var lineNumber = paragraph.start.line
        var position = paragraph.start
        for index in inlines.indices {
            switch inlines[index].kind {
            case .softBreak, .lineBreak:
                body(inlines[lineStart..<index], position)
                lineStart = index + 1
                lineNumber += 1
                position = SourcePosition(line: lineNumber, column: firstColumn(ofLine: lineNumber, lineStarts: lineStarts, source: source))
            case .htmlInline, .code:
                lineNumber += inlines[index].literal.filter { $0 == "\n" }.count
            default:
                break
            }
        }
        body(inlines[lineStart...], position)
    }

    /// A paragraph's lines, as `forEachLine` finds them.
    private func lines(of paragraph: MarkdownNode) -> [([MarkdownNode], SourcePosition)] {
        var result: [([MarkdownNode], SourcePosition)] = []
        Self.forEachLine(of: paragraph, lineStarts: lineStarts, source: page.source) { inlines, position in
            result.append((Array(inlines), position))
        }
        return result
    }

    /// The first column (1-based, in bytes) of non-blank text on a source line.
    private static func firstColumn(ofLine line: Int, lineStarts: [Int], source: String) -> Int {
        guard line >= 1, line <= lineStarts.count else { return 1 }
        let utf8 = source.utf8
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
        blocks = QuizBlocks.find(in: page, diagnostics: &diagnostics)
        consumeBlocks()
        finishQuestion()
        finishGuide()
        if !blocks.isEmpty {
            // Each `<quiz>` block is one question, numbered by its place among the page's questions.
            var all = questions.map { ($0.position.line, $0) }
            for block in blocks { all.append((block.lines.lowerBound, QuizBlocks.question(from: block, number: 0, page: page, diagnostics: &diagnostics))) }
            all.sort { $0.0 < $1.0 }
            let seedNumbers = questions.isEmpty
            questions = all.enumerated().map { index, item in
                var question = item.1
                if seedNumbers || question.number == 0 { question.number = index + 1 }
                return question
            }
        }
        guard !questions.isEmpty || guide != nil else { return nil }
        // Bands count the questions that can be scored: a question without options is a
        // self-check item.
        let scorable = questions.filter { !$0.options.isEmpty }.count
        let scoringGuide = guide.map { builder in
            ScoringGuide(bands: builder.bands.map { band in
                var band = band
                if band.upperBound == Int.max { band.upperBound = scorable }
                return band
            }, position: builder.position, lastLine: builder.lastLine)
        }
        validateGuide(scoringGuide, total: scorable)
        if questions.isEmpty {
            diagnostics.append(.error(page.displayPath, (1, 1), "the page has a Scoring Guide but no questions"))
        }
        var scoring = ScoringRule.allOrNothing
        if let setting = page.frontMatter.values["quiz_scoring"] {
            if let rule = ScoringRule(setting: setting) {
                scoring = rule
            } else {
                diagnostics.append(.error(page.displayPath, (1, 1), "quiz_scoring is '\(setting)'; write all-or-nothing or partial"))
            }
        }
        return Quiz(title: page.title, questions: questions, scoringGuide: scoringGuide, displayPath: page.displayPath, scoring: scoring)
    }

    private mutating func consume(_ unit: Unit) {
        if detailsOpen, current != nil {
            consumeInDetails(unit)
            return
        }
        detailsOpen = false
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
            guard current != nil else { return }
            if block.kind == .htmlBlock, let details = Details.open(block.literal) {
                current?.extend(to: block.end.line)
                if let inner = details.inner {
                    // `<details>…</details>` in one block: its text after the summary is markdown.
                    let parsed = MarkdownParser().parse(String(repeating: "\n", count: max(block.start.line - 1, 0)) + inner)
                    for child in parsed.children { addToAnswer(child) }
                } else {
                    detailsOpen = true
                }
                return
            }
            if let revealed = Details.revealed(block) {
                current?.extend(to: block.end.line)
                for child in revealed { addToAnswer(child) }
                return
            }
            if block.kind == .blockQuote, current?.addFeedback(block) == true { return }
            current?.addBlock(block)
            if let warning = current?.takeWarning() { warn(warning, at: block.start) }
        }
    }

    /// A unit inside a question's `<details>` block: the answer revealed on request, where an
    /// `Answer: B` or `Correct Answer: B` line keys the question.
    private mutating func consumeInDetails(_ unit: Unit) {
        switch unit {
        case .block(let block) where block.kind == .htmlBlock:
            current?.extend(to: block.end.line)
            if Details.closes(block.literal) { detailsOpen = false }
        case .line(let inlines, let position, let paragraph):
            current?.extend(to: position.line)
            let text = InlineEditing.plainText(inlines).trimmedOfSpaces()
            if let letters = QuizMarkers.correctAnswer(text, plain: true), !letters.isEmpty, current?.correctAnswer == nil {
                current?.correctAnswer = (letters, position)
            }
            if !text.isEmpty { current?.addAnswerLine(InlineEditing.trimLeadingWhitespace(inlines), at: position, paragraph: paragraph) }
        case .heading(let block), .list(let block), .block(let block):
            addToAnswer(block)
        case .rule:
            break
        }
    }

    private mutating func addToAnswer(_ block: MarkdownNode) {
        if block.kind == .paragraph {
            paragraphID += 1
            for (inlines, position) in lines(of: block) {
                consumeInDetails(.line(inlines, position, paragraph: paragraphID))
            }
            return
        }
        current?.extend(to: block.end.line)
        current?.addAnswerBlock(block)
    }

    private mutating func consumeLine(_ inlines: [MarkdownNode], at position: SourcePosition, paragraph: Int) {
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
            current?.extend(to: position.line)
            reportStrays()
            recordCorrectAnswer(answer, at: position)
        } else if let length = QuizMarkers.explanation(text) {
            current?.extend(to: position.line)
            reportStrays()
            current?.startExplanation(InlineEditing.dropLeading(length, from: trimmed), at: position, paragraph: paragraph)
        } else if current?.acceptsOptions == true,
                  let marker = QuizMarkers.option(text, continuing: current?.options.isEmpty == false) {
            current?.extend(to: position.line)
            addOption(marker.letter, InlineEditing.dropLeading(marker.markerLength, from: trimmed), at: position, paragraph: paragraph)
        } else {
            current?.addLine(trimmed, at: position, paragraph: paragraph)
        }
    }

    /// Text after a question's options is kept aside: when a Correct Answer line or an
    /// explanation follows, it was meant for the question and is reported as ignored;
    /// otherwise the question ended with its options and the text is the page's own prose.
    private mutating func reportStrays() {
        for (warning, position) in current?.takeStrays() ?? [] { warn(warning, at: position) }
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
        let continuing = current?.options.isEmpty == false
        let optionItems: [(String, [MarkdownNode], SourcePosition)] = list.children.compactMap { item in
            guard let first = item.children.first, first.kind == .paragraph,
                  let marker = QuizMarkers.option(first.plainText(), continuing: continuing) else { return nil }
            let inlines = InlineEditing.dropLeading(marker.markerLength, from: InlineEditing.trimLeadingWhitespace(first.children))
            return (marker.letter, inlines, first.start)
        }
        let tasks = TaskAnswers.items(of: list)
        if current?.acceptsOptions == true, !optionItems.isEmpty, optionItems.count == list.children.count {
            current?.extend(to: list.end.line)
            for (letter, inlines, position) in optionItems {
                paragraphID += 1
                addOption(letter, inlines, at: position, paragraph: paragraphID)
            }
        } else if current?.acceptsOptions == true, let tasks {
            // `- [x] right` / `- [ ] wrong`: lettered in order, continuing the options so far.
            current?.extend(to: list.end.line)
            for task in tasks {
                paragraphID += 1
                let letter = OptionLetters.letter(at: current?.options.count ?? 0)
                current?.addOption(Choice(letter: letter, content: task.content, isCorrect: task.checked, position: task.position),
                                   paragraph: paragraphID, fromTaskList: true)
            }
        } else {
            current?.addBlock(list)
        }
    }

    private mutating func addOption(_ letter: String, _ inlines: [MarkdownNode], at position: SourcePosition, paragraph: Int) {
        let (content, marks) = InlineEditing.removeCorrectMark(from: inlines)
        current?.addOption(Choice(letter: letter, content: content, isCorrect: marks > 0, position: position), paragraph: paragraph)
    }

    private mutating func recordCorrectAnswer(_ answer: [String], at position: SourcePosition) {
        guard !answer.isEmpty else {
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
        detailsOpen = false
        let question = builder.build()
        validate(question, builder: builder)
        questions.append(question)
    }

    private mutating func validate(_ question: Question, builder: QuestionBuilder) {
        let label = "question \(question.number)"
        // Counting the page's `<quiz>` blocks above it, which are questions too.
        let expectedNumber = questions.count + blocks.filter { $0.lines.lowerBound < question.position.line }.count + 1
        if question.number != expectedNumber {
            warn("\(label) is numbered \(question.number) but is question \(expectedNumber) of the page", at: question.position)
        }
        if question.prompt.isEmpty {
            error("\(label) has no question text", at: question.position)
        }
        if question.options.count == 1 {
            error("\(label) has only one option; a question needs at least two (A) …, B) …), or none for a self-check item", at: question.position)
        }
        if let past = question.options.first(where: { $0.letter.count > 1 }) {
            error("\(label): option \(past.letter) is past Z; a question has at most 26 options (A-Z)", at: past.position)
        } else {
            for (index, option) in question.options.enumerated() where option.letter != OptionLetters.letter(at: index) {
                let found = question.options.map(\.letter).joined(separator: ", ")
                error("\(label): expected option \(OptionLetters.letter(at: index)) here, found \(option.letter) (options must be lettered A, B, C, … in order; found \(found))", at: option.position)
                break
            }
        }
        let marked = question.options.filter(\.isCorrect)
        let named = builder.correctAnswer?.letters ?? []
        if marked.count > 1, !builder.fromTaskList, Set(named) != Set(marked.map(\.letter)) {
            error("\(label) has \(marked.count) options marked ✅ (\(marked.map(\.letter).joined(separator: ", "))); mark exactly one, "
                  + "or name them all in a 'Correct Answers: \(marked.map(\.letter).joined(separator: ", "))' line for a question with several right answers",
                  at: marked[1].position)
        }
        if let (letters, position) = builder.correctAnswer {
            let shown = letters.joined(separator: ", ")
            if let unknown = letters.first(where: { letter in !question.options.contains { $0.letter == letter } }) {
                error("\(label): 'Correct Answer: \(shown)' names \(unknown), which is no option of this question", at: position)
            } else if !builder.markedByLine, Set(letters) != Set(marked.map(\.letter)), marked.count == 1 || letters.count > 1 {
                error("\(label): 'Correct Answer: \(shown)' disagrees with the ✅ on option\(marked.count == 1 ? "" : "s") \(marked.map(\.letter).joined(separator: ", "))", at: position)
            }
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

    private mutating func validateGuide(_ guide: ScoringGuide?, total: Int) {
        guard let guide else { return }
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
    var lastLine: Int = 0
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
        lastLine = max(lastLine, position.line)
        bands.append(Band(lowerBound: bounds.0, upperBound: bounds.1, label: line.label, advice: line.advice, rangeText: line.rangeText, position: position))
    }
}

extension String.UTF8View {
    /// Whether `word` or `other` (lowercase ASCII letters, `<`, `>` or spaces) occurs,
    /// ignoring ASCII case. Sixteen bytes at a time, looking for where either needle's first
    /// two bytes stand, then checking those places whole: the pages of a course that hold no
    /// quiz are read to their end, and a byte at a time showed in profiles.
    func containsASCIICaseInsensitive(_ word: StaticString, or other: StaticString) -> Bool {
        let needles = [UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount),
                       UnsafeBufferPointer(start: other.utf8Start, count: other.utf8CodeUnitCount)]
        guard needles.allSatisfy({ !$0.isEmpty }) else { return true }
        return withContiguousStorageIfAvailable { haystack -> Bool in
            func matches(_ needle: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
                guard index + needle.count <= haystack.count else { return false }
                var matched = 0
                while matched < needle.count, haystack[index + matched] | 0x20 == needle[matched] { matched += 1 }
                return matched == needle.count
            }
            func matchesEither(at index: Int) -> Bool {
                matches(needles[0], at: index) || matches(needles[1], at: index)
            }
            var index = 0
            if needles.allSatisfy({ $0.count >= 2 }), let base = UnsafeRawPointer(haystack.baseAddress) {
                let lower = SIMD16<UInt8>(repeating: 0x20)
                let first = (SIMD16<UInt8>(repeating: needles[0][0]), SIMD16<UInt8>(repeating: needles[0][1]))
                let second = (SIMD16<UInt8>(repeating: needles[1][0]), SIMD16<UInt8>(repeating: needles[1][1]))
                while index + 17 <= haystack.count {
                    let here = base.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self) | lower
                    let next = base.loadUnaligned(fromByteOffset: index + 1, as: SIMD16<UInt8>.self) | lower
                    let starts = (here .== first.0) .& (next .== first.1) .| (here .== second.0) .& (next .== second.1)
                    if any(starts) {
                        for lane in 0..<16 where starts[lane] && matchesEither(at: index + lane) { return true }
                    }
                    index += 16
                }
            }
            while index < haystack.count {
                if matchesEither(at: index) { return true }
                index += 1
            }
            return false
        } ?? needles.contains { String(self).lowercased().contains(String(decoding: $0, as: UTF8.self)) }
    }
}
