import Markdown

/// mkdocs-quiz's question blocks: `<quiz>`, the question, `- [x]` / `- [ ]` answers (a `> …`
/// quote right under an answer is its feedback), then content shown once answered, `</quiz>`.
///
/// CommonMark ends an HTML block at the first blank line, so the tags do not enclose the
/// block in cmark's tree. The tags are found among the page's HTML nodes (never inside code),
/// and the lines between them are parsed as markdown on their own, keeping the file's line
/// numbers.
enum QuizBlocks {
    struct Block {
        /// From the `<quiz>` line to the `</quiz>` line.
        var lines: ClosedRange<Int>
        var position: SourcePosition
        /// The lines between the tags, parsed.
        var document: MarkdownNode
    }

    /// The page's `<quiz>` blocks, in order; an unclosed one is reported and left out.
    static func find(in page: Page, diagnostics: inout [Diagnostic]) -> [Block] {
        let openings = page.document.children.filter { block in
            block.kind == .htmlBlock && isOpening(block.literal)
        }
        guard !openings.isEmpty else { return [] }
        let lines = page.source.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        var code: [ClosedRange<Int>] = []
        for block in page.document.children where block.fenceInfo != nil {
            code.append(block.start.line...max(block.end.line, block.start.line))
        }
        var blocks: [Block] = []
        for opening in openings {
            let start = opening.start.line
            if let last = blocks.last, last.lines.contains(start) { continue }
            guard let end = (start..<lines.count).first(where: { index in
                let number = index + 1
                return number > start && !code.contains { $0.contains(number) }
                    && lines[index].trimmingCharacters(in: .whitespaces).lowercased().hasSuffix("</quiz>")
            }).map({ $0 + 1 }) else {
                diagnostics.append(.error(page.displayPath, (start, opening.start.column), "<quiz> is never closed: add a </quiz> line after its answers"))
                continue
            }
            let indent = lines[start - 1].prefix { $0 == " " || $0 == "\t" }.count
            var inner = lines[start..<(end - 1)].map { dedent($0, by: indent) }
            let closing = lines[end - 1]
            if let tag = closing.range(of: "</quiz>", options: .caseInsensitive) {
                let before = String(closing[..<tag.lowerBound])
                if !before.trimmingCharacters(in: .whitespaces).isEmpty { inner.append(dedent(Substring(before), by: indent)) }
            }
            // Blank lines in front keep cmark's line numbers the file's.
            let text = String(repeating: "\n", count: start) + inner.joined(separator: "\n") + "\n"
            blocks.append(Block(lines: start...end, position: opening.start, document: MarkdownParser().parse(text)))
        }
        return blocks
    }

    private static func isOpening(_ html: String) -> Bool {
        let firstLine = html.prefix { $0 != "\n" }.trimmingCharacters(in: .whitespaces).lowercased()
        return firstLine == "<quiz>" || (firstLine.hasPrefix("<quiz ") && firstLine.hasSuffix(">"))
    }

    private static func dedent(_ line: Substring, by count: Int) -> String {
        var line = line
        var removed = 0
        while removed < count, let first = line.first, first == " " || first == "\t" {
            line = line.dropFirst()
            removed += 1
        }
        return String(line)
    }

    /// The question a block asks: everything before the first task list is the question, the
    /// task lists (with their feedback quotes) the answers, the rest the content revealed after.
    static func question(from block: Block, number: Int, page: Page, diagnostics: inout [Diagnostic]) -> Question {
        let children = block.document.children
        var prompt: [MarkdownNode] = []
        var options: [Choice] = []
        var content: [MarkdownNode] = []
        var index = children.startIndex
        while index < children.endIndex, TaskAnswers.items(of: children[index]) == nil {
            prompt.append(children[index])
            index += 1
        }
        var lastWasAnswer = false
        while index < children.endIndex {
            let child = children[index]
            if let items = TaskAnswers.items(of: child) {
                for item in items {
                    options.append(Choice(letter: OptionLetters.letter(at: options.count), content: item.content,
                                          isCorrect: item.checked, position: item.position))
                }
                lastWasAnswer = true
            } else if child.kind == .blockQuote, lastWasAnswer, !options.isEmpty,
                      child.start.line == (options.last?.position.line ?? 0) + 1 || !options[options.count - 1].feedback.isEmpty {
                options[options.count - 1].feedback += child.children
            } else {
                break
            }
            index += 1
        }
        content = Array(children[index...])
        if options.isEmpty, prompt.count > 1 {
            // No answers: the first block asks, the rest is the answer revealed on request.
            content = Array(prompt.dropFirst())
            prompt = [prompt[0]]
        }
        let label = "the <quiz> block at line \(block.position.line)"
        if prompt.isEmpty {
            diagnostics.append(.error(page.displayPath, (block.position.line, block.position.column), "\(label) has no question before its answers"))
        }
        if options.isEmpty {
            diagnostics.append(.warning(page.displayPath, (block.position.line, block.position.column),
                                        "\(label) has no '- [x]' / '- [ ]' answers; it is shown as a self-check item"))
        } else if options.count == 1 {
            diagnostics.append(.error(page.displayPath, (block.position.line, block.position.column), "\(label) has only one answer; a question needs at least two"))
        } else if options.count > 26 {
            diagnostics.append(.error(page.displayPath, (options[26].position.line, options[26].position.column),
                                      "\(label) has \(options.count) answers; a question has at most 26 (A-Z)"))
        }
        // The content is revealed once answered: an explanation, or a self-check item's answer.
        return Question(number: number, title: nil, prompt: prompt, options: options,
                        explanation: options.isEmpty ? [] : content, position: block.position,
                        answer: options.isEmpty ? content : [], lastLine: block.lines.upperBound)
    }
}
