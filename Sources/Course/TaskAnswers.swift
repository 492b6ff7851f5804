import Markdown

/// Answers written as a task list, as mkdocs-quiz has them: `- [x] right`, `- [ ] wrong`
/// (also `[X]` and `[]`, and `*` bullets).
///
/// The marker is read from the item's text, so this works whether or not the markdown layer
/// turns task items into nodes of their own.
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
            guard let first = item.children.first, first.kind == .paragraph,
                  let marker = QuizMarkers.task(first.plainText()) else { return nil }
            let content = InlineEditing.dropLeading(marker.markerLength, from: InlineEditing.trimLeadingWhitespace(first.children))
            items.append(Item(checked: marker.checked, content: InlineEditing.trimTrailingWhitespace(content), position: first.start))
        }
        return items
    }
}
