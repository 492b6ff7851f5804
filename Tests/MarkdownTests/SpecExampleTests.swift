import Foundation
import Markdown
import Testing

/// The examples of the CommonMark and GFM specs (`Fixtures/spec`), each rendered with raw HTML
/// on and compared with the spec's HTML after both go through the spec runners' own
/// normaliser, as `spec_tests.py` compares them.
@Suite struct SpecExampleTests {
    /// CommonMark 0.30 with no extension: what cmark itself is held to.
    @Test(arguments: SpecFile.commonMark.examples)
    func commonMarkExample(_ example: SpecExample) {
        let result = SpecFile.commonMark.results[example.number]!
        #expect(result.actual == result.expected, "\(example.markdown.debugDescription) rendered as \(result.rendered.debugDescription)")
    }

    /// The extension examples of GFM 0.29 (tables, strikethrough, autolinks, disallowed raw
    /// HTML, task lists) with the GFM extensions on.
    @Test(arguments: SpecFile.gfm.examples)
    func gfmExtensionExample(_ example: SpecExample) {
        let result = SpecFile.gfm.results[example.number]!
        #expect(result.actual == result.expected, "\(example.markdown.debugDescription) rendered as \(result.rendered.debugDescription)")
    }

    /// cmark-gfm's own extension tests, footnotes included.
    @Test(arguments: SpecFile.extensions.examples)
    func cmarkGFMExtensionTest(_ example: SpecExample) {
        let result = SpecFile.extensions.results[example.number]!
        if example.html.trimmingCharacters(in: .whitespacesAndNewlines) == "<IGNORE>" {
            #expect(!result.rendered.isEmpty, "the example only has to render")
        } else {
            #expect(result.actual == result.expected, "\(example.markdown.debugDescription) rendered as \(result.rendered.debugDescription)")
        }
    }

    /// The CommonMark examples again with every GFM extension on: GFM is a superset, so each
    /// renders as in CommonMark but for the few where GFM differs on purpose, listed here
    /// with the reason. (The list is checked both ways: an example that starts to agree fails.)
    @Test(arguments: SpecFile.commonMarkUnderGFM.examples)
    func commonMarkExampleUnderGFM(_ example: SpecExample) {
        let result = SpecFile.commonMarkUnderGFM.results[example.number]!
        if let reason = SpecFile.gfmDifferences[example.number] {
            #expect(result.actual != result.expected, "example \(example.number) was expected to differ: \(reason)")
        } else {
            #expect(result.actual == result.expected, "\(example.markdown.debugDescription) rendered as \(result.rendered.debugDescription)")
        }
    }
}

/// One example of a spec file.
struct SpecExample: Sendable, CustomTestStringConvertible {
    var number: Int
    var section: String
    var markdown: String
    var html: String
    /// The word after `example` on its opening line (`table`, `autolink`, …), empty for none.
    var extensionName: String

    var testDescription: String { "example \(number) (\(section))" }
}

/// A spec file's examples and how Lectern renders them, normalised.
struct SpecFile: Sendable {
    struct Result: Sendable {
        var rendered: String
        var actual: String
        var expected: String
    }

    let examples: [SpecExample]
    let results: [Int: Result]

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent("spec")

    static let commonMark = SpecFile(
        "commonmark-0.30-spec.txt", where: { _ in true },
        parser: MarkdownParser(smartPunctuation: false, extensions: MarkdownExtensions.none),
        renderer: HTMLRenderer(allowRawHTML: true, filtersDisallowedTags: false))

    static let gfm = SpecFile(
        "gfm-0.29-spec.txt", where: { !$0.extensionName.isEmpty },
        parser: MarkdownParser(smartPunctuation: false),
        renderer: HTMLRenderer(allowRawHTML: true))

    static let extensions = SpecFile(
        "gfm-extensions.txt", where: { _ in true },
        parser: MarkdownParser(smartPunctuation: false),
        renderer: HTMLRenderer(allowRawHTML: true))

    static let commonMarkUnderGFM = SpecFile(
        "commonmark-0.30-spec.txt", where: { _ in true },
        parser: MarkdownParser(smartPunctuation: false),
        renderer: HTMLRenderer(allowRawHTML: true))

    /// CommonMark examples GFM renders otherwise, by design.
    static let gfmDifferences: [Int: String] = {
        var differences: [Int: String] = [:]
        for number in [170, 171, 172, 173, 176, 178] {
            differences[number] = "GFM's tag filter escapes <script>, <style> and <textarea> in raw HTML"
        }
        for number in [601, 605, 607, 610, 611] {
            differences[number] = "GFM links a bare URL or e-mail address that CommonMark leaves as text"
        }
        return differences
    }()

    init(_ name: String, where include: (SpecExample) -> Bool, parser: MarkdownParser, renderer: HTMLRenderer) {
        let text = try! String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
        examples = Self.parse(text).filter(include)
        let rendered = examples.map { renderer.render(parser.parse($0.markdown)) }
        let normalised = Self.normalise(rendered + examples.map(\.html))
        var results: [Int: Result] = [:]
        for (index, example) in examples.enumerated() {
            results[example.number] = Result(rendered: rendered[index], actual: normalised[index], expected: normalised[examples.count + index])
        }
        self.results = results
    }

    /// The examples in spec_tests.py's format: a fence of 32 backticks and `example`, the
    /// markdown, a `.` line, the HTML, the closing fence; `→` stands for a tab.
    static func parse(_ text: String) -> [SpecExample] {
        let fence = String(repeating: "`", count: 32)
        var examples: [SpecExample] = []
        var section = ""
        var state = 0  // 0 outside, 1 markdown, 2 html
        var markdown = "", html = "", name = ""
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if state == 0 {
                if line.hasPrefix(fence + " example") {
                    state = 1
                    markdown = ""
                    html = ""
                    name = line.dropFirst(fence.count + " example".count).trimmingCharacters(in: .whitespaces)
                } else if line.hasPrefix("#") {
                    section = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
                }
            } else if state == 1 {
                if line == "." { state = 2 } else { markdown += line + "\n" }
            } else if line == fence {
                number += 1
                examples.append(SpecExample(number: number, section: section,
                                            markdown: markdown.replacingOccurrences(of: "→", with: "\t"),
                                            html: html.replacingOccurrences(of: "→", with: "\t"), extensionName: name))
                state = 0
            } else {
                html += line + "\n"
            }
        }
        return examples
    }

    /// Runs the spec runners' normaliser (through `normalize_batch.py`) over all of `documents` at once.
    static func normalise(_ documents: [String]) -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-W", "ignore", directory.appendingPathComponent("normalize_batch.py").path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try! process.run()
        let payload = try! JSONSerialization.data(withJSONObject: documents)
        DispatchQueue.global().async {
            input.fileHandleForWriting.write(payload)
            try? input.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (try? JSONSerialization.jsonObject(with: data)) as? [String] ?? Array(repeating: "(the normaliser failed)", count: documents.count)
    }
}
