import Exchange
import Course
import Foundation

/// Reads Moodle XML as `qformat_xml` writes it: category questions switch the bank;
/// `multichoice` and `truefalse` questions become Lectern questions, their embedded
/// `<file>` images kept as assets; every other type is reported with its line and left out.
public enum MoodleXMLReader {
    public static func read(_ data: Data, path: String, defaultCategory: String) -> ImportResult {
        let root: ParsedElement
        switch XMLTree.parse(data) {
        case .success(let parsed): root = parsed
        case .failure(let problem):
            return ImportResult(banks: [], diagnostics: [Diagnostic(.error, path, line: problem.line, column: 1,
                                                                    "not well-formed XML: \(problem.message)")])
        }
        guard root.name == "quiz" else {
            return ImportResult(banks: [], diagnostics: [Diagnostic(.error, path, line: root.line, column: 1,
                                                                    "a Moodle XML file's root element is <quiz>, not <\(root.name)>")])
        }
        var collector = BankCollector(defaultCategory: defaultCategory)
        var assets: [BankAsset] = []
        var diagnostics: [Diagnostic] = []

        for element in root.elements("question") {
            let type = element.attributes["type"] ?? ""
            let name = element.element("name")?.element("text")?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let label = name.isEmpty ? "a \(type) question" : "\(type) question \"\(name)\""
            let named = name.isEmpty ? "" : " (\"\(name)\")"
            switch type {
            case "category":
                let path = element.element("category")?.element("text")?.text ?? ""
                let last = CategoryPath.lastName(path)
                collector.startCategory(last.isEmpty ? defaultCategory : last)
            case "multichoice", "truefalse":
                let number = collector.nextNumber
                var files: [BankAsset] = []
                let text = richText(element.element("questiontext"), files: &files)
                let general = element.element("generalfeedback").map { richText($0, files: &files) }
                var options: [BankOption] = []
                for answer in element.elements("answer") {
                    var optionText = richText(answer, files: &files)
                    if type == "truefalse", case .plain(let word) = optionText {
                        optionText = .plain(word.lowercased() == "true" ? "True" : word.lowercased() == "false" ? "False" : word)
                    }
                    let feedback = answer.element("feedback").map { richText($0, files: &files) }
                    let fraction = Double(answer.attributes["fraction"] ?? "0") ?? 0
                    options.append(BankOption(text: optionText, fraction: fraction, feedback: feedback.flatMap { $0.isEmpty ? nil : $0 }))
                }
                let title = name.isEmpty ? nil : name
                let question = BankQuestion(
                    name: name.isEmpty ? "Question \(number)" : name, title: title, number: number, text: text,
                    options: options, generalFeedback: general.flatMap { $0.isEmpty ? nil : $0 },
                    shuffle: boolean(element.element("shuffleanswers")?.text) ?? true, line: element.line)
                guard options.count >= 2 else {
                    diagnostics.append(Diagnostic(.error, path, line: element.line, column: 1, "\(label) has fewer than two answers; it is left out"))
                    continue
                }
                let single = type == "truefalse" || (boolean(element.element("single")?.text) ?? true)
                switch Supported.check(question, single: single) {
                case .success(let accepted):
                    collector.add(accepted.question)
                    for warning in accepted.warnings { diagnostics.append(Diagnostic(.warning, path, line: element.line, column: 1, warning)) }
                    for file in files where !assets.contains(where: { $0.name == file.name }) { assets.append(file) }
                case .failure(let refused):
                    diagnostics.append(Diagnostic(refused.severity, path, line: element.line, column: 1, refused.message))
                }
            default:
                let kind = kinds[type] ?? "a question of type '\(type)'"
                diagnostics.append(Diagnostic(.warning, path, line: element.line, column: 1,
                    "\(kind)\(named) is not a kind of question Lectern holds (single-answer multiple choice); it is left out"))
            }
        }
        collector.finish()
        return ImportResult(banks: collector.banks, assets: assets, diagnostics: diagnostics)
    }

    static let kinds = [
        "essay": "an essay question", "shortanswer": "a short-answer question", "numerical": "a numerical question",
        "matching": "a matching question", "multianswer": "an embedded-answers (cloze) question", "description": "a description",
        "calculated": "a calculated question", "calculatedsimple": "a calculated question", "calculatedmulti": "a calculated question",
        "ddwtos": "a drag-and-drop question", "ddimageortext": "a drag-and-drop question", "ddmarker": "a drag-and-drop question",
        "gapselect": "a select-missing-words question", "randomsamatch": "a random matching question",
    ]

    /// An element with `format` and a `<text>` child (and `<file>` children) as rich text;
    /// its files are added to `files`.
    static func richText(_ element: ParsedElement?, files: inout [BankAsset]) -> RichText {
        guard let element else { return .plain("") }
        let body = element.element("text")?.text ?? ""
        for file in element.elements("file") {
            guard let name = file.attributes["name"], !name.isEmpty,
                  let data = Data(base64Encoded: file.text.filter { !$0.isWhitespace }) else { continue }
            files.append(BankAsset(name: name, data: [UInt8](data)))
        }
        switch element.attributes["format"] ?? "html" {
        case "html": return .html(body.trimmingCharacters(in: .whitespacesAndNewlines))
        case "markdown": return .markdown(body.trimmingCharacters(in: .whitespacesAndNewlines))
        case "plain_text": return .plain(body.trimmingCharacters(in: .whitespacesAndNewlines))
        default: // moodle_auto_format
            let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
            return MoodleText.looksLikeHTML(trimmed) ? .html(trimmed) : .plain(trimmed)
        }
    }

    static func boolean(_ text: String?) -> Bool? {
        switch text?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: return nil
        }
    }
}
