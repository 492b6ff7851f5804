import Foundation

/// Moodle's GIFT format: one question per paragraph, answers in braces, `=` the right one,
/// `~` the others, `#` feedback, `####` general feedback, `$CATEGORY:` lines.
///
/// Text is written as `[html]` (Lectern's rendered HTML) on one line: GIFT's special
/// characters `~ = # { } :` and the backslash are escaped with a backslash and newlines are
/// written `\n`, as Moodle's own exporter (`qformat_gift::repchar`) does.
public enum GIFTWriter {
    public static func write(_ banks: [QuestionBank], header: String) -> String {
        var out = "// \(oneLine(header))\n"
        for bank in banks {
            out += "\n$CATEGORY: $course$/top/\(CategoryPath.escape(bank.category))\n"
            for question in bank.questions {
                out += "\n" + write(question)
            }
        }
        return out
    }

    static func write(_ question: BankQuestion) -> String {
        var out = "// question \(question.number)\n"
        out += "::" + escape(question.name) + "::" + text(question.text, marked: true) + "{\n"
        let single = question.isSingleAnswer
        for option in question.options {
            let prefix: String
            if single {
                prefix = option.isCorrect ? "=" : "~"
            } else {
                // Multiple answers: each option's share, as `~%50%` (Moodle reads -99..99).
                prefix = option.fraction == 0 ? "~" : "~%" + percent(option.fraction) + "%"
            }
            out += "\t" + prefix + text(option.text, marked: false)
            if let feedback = option.feedback, !feedback.isEmpty { out += "#" + text(feedback, marked: false) }
            out += "\n"
        }
        if let general = question.generalFeedback, !general.isEmpty {
            out += "\t####" + text(general, marked: false) + "\n"
        }
        out += "}\n"
        return out
    }

    /// The text with its format marker (only on the question text: answers and feedback
    /// take the question's format in Moodle's reader).
    static func text(_ text: RichText, marked: Bool) -> String {
        switch text {
        case .html(let html): return (marked ? "[html]" : "") + escape(html)
        case .markdown(let markdown): return (marked ? "[markdown]" : "") + escape(markdown)
        case .plain(let plain): return (marked ? "[plain]" : "") + escape(plain)
        }
    }

    /// Escapes GIFT's control characters, as `qformat_gift::repchar`.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "~", "=", "#", "{", "}", ":": out += "\\" + String(character)
            case "\n", "\r\n": out += "\\n"
            case "\r": break
            default: out.append(character)
            }
        }
        return out
    }

    public static func percent(_ fraction: Double) -> String {
        fraction == fraction.rounded() ? String(Int(fraction)) : String(format: "%.5f", fraction)
    }

    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ")
    }
}
