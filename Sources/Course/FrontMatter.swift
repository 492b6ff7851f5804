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
        // Find the closing line by bytes; only the front matter's lines are ever split.
        let bytes = Array(text.utf8)
        var lineStart = bytes.firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.count
        var yamlLines: [String] = []
        var closeEnd: Int?
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            var line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
            if line.hasSuffix("\r") { line.removeLast() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "---" || trimmed == "..." {
                closeEnd = lineEnd
                break
            }
            yamlLines.append(line)
            lineStart = lineEnd + 1
        }
        guard let closeEnd else {
            diagnostics.append(.error(path, (1, 1), "front matter starts with '---' but never ends (add a closing '---' line)"))
            return (FrontMatter(), text)
        }
        var front = FrontMatter()
        if let document = YAMLDocument.parse(yamlLines.joined(separator: "\n"), path: path, lineOffset: 1, diagnostics: &diagnostics),
           let mapping = document.mapping(diagnostics: &diagnostics) {
            front.values = document.flatStrings(mapping)
        }
        // Blank out the front matter but keep its line breaks, so line numbers stay the file's.
        let blank = String(repeating: "\n", count: yamlLines.count + 1)
        return (front, blank + String(decoding: bytes[closeEnd...], as: UTF8.self))
    }
}

import Foundation
