/// The YAML front matter of a markdown page: `---` on the first line, YAML, `---` or `...`.
public struct FrontMatter: Hashable, Sendable {
    /// Every scalar key of the front matter, as text.
    public var values: [String: String]

    public init(values: [String: String] = [:]) {
        self.values = values
    }

    public var title: String? { values["title"] }
    public var summary: String? { values["summary"] }
    public var session: Int? { values["session"].flatMap { Int($0) } }

    /// Splits `text` into front matter and body. The body keeps one empty line per front
    /// matter line, so cmark's line numbers are the file's line numbers.
    static func split(_ text: String, path: String, diagnostics: inout [Diagnostic]) -> (FrontMatter, String) {
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else { return (FrontMatter(), text) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let close = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\r", with: "")
            return line == "---" || line == "..."
        }) else {
            diagnostics.append(.error(path, (1, 1), "front matter starts with '---' but never ends (add a closing '---' line)"))
            return (FrontMatter(), text)
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        var front = FrontMatter()
        if let document = YAMLDocument.parse(yaml, path: path, lineOffset: 1, diagnostics: &diagnostics),
           let mapping = document.mapping(diagnostics: &diagnostics) {
            front.values = document.flatStrings(mapping)
        }
        for index in 0...close { lines[index] = "" }
        return (front, lines.joined(separator: "\n"))
    }
}

import Foundation
