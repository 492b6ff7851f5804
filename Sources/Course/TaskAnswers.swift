import Markdown

/// Answers written as a task list, as mkdocs-quiz has them: `- [x] right`, `- [ ] wrong`
/// (also `[X]` and `[]`, and `*` bullets).
///
/// GFM task items come from the markdown layer with their box read; `[]`, which GFM leaves as
/// text, is read from the item's text.
enum TaskAnswers {
    struct Item {
        var checked: Bool
        /// The answer's inline content, without the marker.
        var content: [MarkdownNode]
        var position: SourcePosition
    }

    /// The answers of a list whose every item is a task item; nil for any other list.
    static func items(of list: MarkdownNode) -> [Item]? {
        guard list.listInfo?.ordered == false, !list.children.isEmpty else { return nil }
        var items: [Item] = []
        for item in list.children {
            if case .taskListItem(let checked) = item.kind {
                let paragraph = item.children.first.flatMap { $0.kind == .paragraph ? $0 : nil }
                let content = InlineEditing.trimLeadingWhitespace(paragraph?.children ?? [])
                items.append(Item(checked: checked, content: InlineEditing.trimTrailingWhitespace(content),
                                  position: paragraph?.start ?? item.start))
                continue
            }
            guard let first = item.children.first, first.kind == .paragraph,
                  let marker = QuizMarkers.task(first.plainText()) else { return nil }
            let content = InlineEditing.dropLeading(marker.markerLength, from: InlineEditing.trimLeadingWhitespace(first.children))
            items.append(Item(checked: marker.checked, content: InlineEditing.trimTrailingWhitespace(content), position: first.start))
        }
        return items
    }
}
