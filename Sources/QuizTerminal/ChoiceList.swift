import Markdown
import Quiz

/// A list to choose one item from at the terminal: the options of a question, or the
/// sessions of a course. Items are labelled ("A", "1") and hold inline markdown.
public struct ChoiceList: Sendable {
    public var labels: [String]
    public var contents: [[MarkdownNode]]
    public var shortcuts: ChoicePicker.Shortcuts
    /// The prompt after the list, e.g. "Your answer (A-D): ".
    public var prompt: String

    public var count: Int { labels.count }

    public init(labels: [String], contents: [[MarkdownNode]], shortcuts: ChoicePicker.Shortcuts, prompt: String) {
        precondition(labels.count == contents.count, "one label per item")
        self.labels = labels
        self.contents = contents
        self.shortcuts = shortcuts
        self.prompt = prompt
    }

    /// A question's options as shown (re-lettered when shuffled); `contents` replaces the
    /// options' own markdown (the review adds the content's letters).
    public init(question: PresentedQuestion, contents: [[MarkdownNode]]? = nil) {
        let shown = question.shownOptions
        self.init(labels: shown.map(\.letter), contents: contents ?? shown.map(\.choice.content),
                  shortcuts: .lettersAndNumbers, prompt: "Your answer (\(Letters.range(count: shown.count))): ")
    }

    /// An item's text without markup, for announcing it in plain mode.
    func text(at index: Int) -> String {
        MarkdownNode(.paragraph, children: contents[index]).plainText()
    }
}
