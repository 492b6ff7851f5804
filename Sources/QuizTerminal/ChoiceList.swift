import Markdown
import Quiz

/// A list to choose from at the terminal: the options of a question, or the sessions of a
/// course. Items are labelled ("A", "1") and hold inline markdown.
public struct ChoiceList: Sendable {
    public var labels: [String]
    public var contents: [[MarkdownNode]]
    public var shortcuts: ChoicePicker.Shortcuts
    /// The prompt after the list, e.g. "Your answer (A-D): ".
    public var prompt: String
    /// One item, every right one (ticked), or none (a self-check item, revealed).
    public var mode: ChoicePicker.Mode

    public var count: Int { labels.count }

    public init(labels: [String], contents: [[MarkdownNode]], shortcuts: ChoicePicker.Shortcuts, prompt: String,
                mode: ChoicePicker.Mode = .single) {
        precondition(labels.count == contents.count, "one label per item")
        self.labels = labels
        self.contents = contents
        self.shortcuts = shortcuts
        self.prompt = prompt
        self.mode = mode
    }

    /// A question's options as shown (re-lettered when shuffled); `contents` replaces the
    /// options' own markdown (the review adds the content's letters). The prompt says how
    /// several answers are given: typed as `A+C` on a line, ticked one by one with keys.
    public init(question: PresentedQuestion, contents: [[MarkdownNode]]? = nil, input: InputStyle = .lines) {
        let shown = question.shownOptions
        let letters = Letters.range(count: shown.count)
        let mode: ChoicePicker.Mode = question.isSelfCheck ? .reveal : question.isMultipleAnswer ? .multiple : .single
        let prompt: String
        switch mode {
        case .single: prompt = "Your answer (\(letters)): "
        case .multiple: prompt = input == .lines ? "Your answers (\(letters), e.g. A+C): " : "Your answers: "
        case .reveal: prompt = "Press Enter to see the answer: "
        }
        self.init(labels: shown.map(\.letter), contents: contents ?? shown.map(\.choice.content),
                  shortcuts: .lettersAndNumbers, prompt: prompt, mode: mode)
    }

    /// An item's text without markup, for announcing it in plain mode.
    func text(at index: Int) -> String {
        MarkdownNode(.paragraph, children: contents[index]).plainText()
    }
}
