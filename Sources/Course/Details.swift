import Foundation
import Markdown

/// A `<details>` block as CommonMark leaves it: raw HTML blocks around markdown. Its content
/// (after the `<summary>`) is a question's answer, revealed on request.
enum Details {
    /// What an HTML block opening `<details>` holds: nil inner text when the block only opens
    /// it (the content follows as markdown blocks); the text after the summary when the whole
    /// `<details>…</details>` is in this one block.
    struct Opening {
        var inner: String?
    }

    static func open(_ html: String) -> Opening? {
        let text = html.trimmedOfSpaces()
        guard text.lowercased().hasPrefix("<details") else { return nil }
        guard let close = text.range(of: "</details>", options: .caseInsensitive) else { return Opening(inner: nil) }
        var body = String(text[..<close.lowerBound])
        if let summaryEnd = body.range(of: "</summary>", options: .caseInsensitive) {
            body = String(body[summaryEnd.upperBound...])
        } else if let tagEnd = body.firstIndex(of: ">") {
            body = String(body[body.index(after: tagEnd)...])
        }
        return Opening(inner: body)
    }

    /// The blocks a reader opens: those of a collapsible admonition (`??? note "Answer"`) or of
    /// a `<details markdown>` element (its `<summary>` left out); nil for other blocks. The
    /// same reveal as a raw `<details>` block's, so a question's answer may be written either way.
    static func revealed(_ block: MarkdownNode) -> [MarkdownNode]? {
        switch block.kind {
        case .admonition(let admonition) where admonition.collapsible:
            return block.children
        case .htmlElement(tag: "details"):
            return block.children.filter { !($0.kind == .htmlBlock && $0.literal.trimmedOfSpaces().lowercased().hasPrefix("<summary")) }
        default:
            return nil
        }
    }

    /// Whether an HTML block inside a `<details>` block closes it.
    static func closes(_ html: String) -> Bool {
        html.lowercased().contains("</details>")
    }
}
