import Foundation
import TextEscaping

/// Moodle XML (`<quiz>` of `<question>` elements), as Moodle's `qformat_xml` writes it: a
/// category question per bank, then each question as `multichoice` with HTML text, its
/// images embedded as base64 `<file>` elements referred to by `@@PLUGINFILE@@/name`.
public enum MoodleXMLWriter {
    public static func write(_ banks: [QuestionBank], assets: [BankAsset], header: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n"
        out += "<!-- \(XMLText.content(header).replacingOccurrences(of: "--", with: "- -")) -->\n"
        let files = Dictionary(assets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for bank in banks {
            out += """
                  <question type="category">
                    <category>
                      <text>\(XMLText.content("$course$/top/" + CategoryPath.escape(bank.category)))</text>
                    </category>
                  </question>

                """
            for question in bank.questions {
                out += write(question, files: files)
            }
        }
        out += "</quiz>\n"
        return out
    }

    static func write(_ question: BankQuestion, files: [String: BankAsset]) -> String {
        let single = question.isSingleAnswer
        var out = "  <question type=\"multichoice\">\n"
        out += "    <name>\n      <text>\(XMLText.content(question.name))</text>\n    </name>\n"
        out += text("questiontext", question.text, indent: "    ", files: files)
        out += text("generalfeedback", question.generalFeedback ?? .html(""), indent: "    ", files: files)
        out += """
                <defaultgrade>1</defaultgrade>
                <penalty>0.3333333</penalty>
                <hidden>0</hidden>
                <idnumber></idnumber>
                <single>\(single)</single>
                <shuffleanswers>\(question.shuffle)</shuffleanswers>
                <answernumbering>ABCD</answernumbering>
                <showstandardinstruction>0</showstandardinstruction>
                <correctfeedback format="html">
                  <text></text>
                </correctfeedback>
                <partiallycorrectfeedback format="html">
                  <text></text>
                </partiallycorrectfeedback>
                <incorrectfeedback format="html">
                  <text></text>
                </incorrectfeedback>

            """
        for option in question.options {
            let (format, body) = formatAndText(option.text)
            out += "    <answer fraction=\"\(GIFTWriter.percent(option.fraction))\" format=\"\(format)\">\n"
            out += "      <text>\(body)</text>\n" + embedded(option.text, indent: "      ", files: files)
            out += text("feedback", option.feedback ?? .html(""), indent: "      ", files: files)
            out += "    </answer>\n"
        }
        out += "  </question>\n\n"
        return out
    }

    /// `<tag format="…"><text>…</text><file …/></tag>`.
    static func text(_ tag: String, _ rich: RichText, indent: String, files: [String: BankAsset]) -> String {
        let (format, body) = formatAndText(rich)
        return "\(indent)<\(tag) format=\"\(format)\">\n\(indent)  <text>\(body)</text>\n"
            + embedded(rich, indent: indent + "  ", files: files) + "\(indent)</\(tag)>\n"
    }

    /// Moodle's format name and the text, HTML in CDATA as Moodle writes it.
    static func formatAndText(_ rich: RichText) -> (String, String) {
        switch rich {
        case .html(let html): return ("html", html.isEmpty ? "" : XMLText.cdata(html))
        case .markdown(let markdown): return ("markdown", XMLText.content(markdown))
        case .plain(let plain): return ("plain_text", XMLText.content(plain))
        }
    }

    /// The `<file>` elements of the images a text refers to, in name order.
    static func embedded(_ rich: RichText, indent: String, files: [String: BankAsset]) -> String {
        guard case .html(let html) = rich, html.contains(ImagePlacement.moodlePluginFile.url(for: "")!) else { return "" }
        var out = ""
        for name in files.keys.sorted() where html.contains(ImagePlacement.moodlePluginFile.url(for: name)! + "\"") {
            let data = Data(files[name]!.data).base64EncodedString()
            out += "\(indent)<file name=\"\(XMLText.attribute(name))\" path=\"/\" encoding=\"base64\">\(data)</file>\n"
        }
        return out
    }
}
