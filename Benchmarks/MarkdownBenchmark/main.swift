// Renders markdown files to HTML on standard output with Lectern's parser (GFM and the
// Material dialect, smart punctuation) and HTML renderer (raw HTML on), as the cmark CLI renders them: the markdown
// benchmark (Benchmarks/markdown/bench) runs both on the same inputs. Reads standard input
// when given no file.
import Foundation
import Markdown

// MARKDOWN_EXTENSIONS=none|gfm|standard (default standard) times the layer's parts apart.
let extensions: [any MarkdownExtension] = switch ProcessInfo.processInfo.environment["MARKDOWN_EXTENSIONS"] {
case "none": MarkdownExtensions.none
case "gfm": MarkdownExtensions.gfm
default: MarkdownExtensions.standard
}
let parser = MarkdownParser(extensions: extensions)
let renderer = HTMLRenderer(allowRawHTML: true)
let paths = Array(CommandLine.arguments.dropFirst())
var inputs: [Data] = []
if paths.isEmpty {
    inputs.append(FileHandle.standardInput.readDataToEndOfFile())
} else {
    for path in paths {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("MarkdownBenchmark: cannot read \(path)\n".utf8))
            exit(1)
        }
        inputs.append(data)
    }
}
for input in inputs {
    let html = renderer.render(parser.parse(String(decoding: input, as: UTF8.self)))
    FileHandle.standardOutput.write(Data(html.utf8))
}
