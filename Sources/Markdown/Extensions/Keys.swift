/// pymdownx.keys: `++ctrl+alt+del++` is a key combination, each key a `<kbd>`. A key is a word
/// (`ctrl`, `page-down`, `f5`, `a`) or a quoted label (`++ctrl+"My Key"++`).
public struct Keys: MarkdownExtension {
    public init() {}

    public func rewrite(_ document: inout MarkdownNode, in context: inout ExtensionContext) {
        guard context.source.contains("++") else { return }
        var rewriter = InlineTextMatches(trigger: UInt8(ascii: "+")) { bytes, index in
            guard let (keys, length) = Self.keys(bytes, index) else { return nil }
            return (MarkdownNode(.keys(keys)), length)
        }
        document = rewriter.visit(document) ?? document
    }

    /// The keys of `++…++` at `start` and its length.
    static func keys(_ bytes: [UInt8], _ start: Int) -> ([String], Int)? {
        let plus = UInt8(ascii: "+")
        guard start + 4 < bytes.count, bytes[start] == plus, bytes[start + 1] == plus else { return nil }
        var index = start + 2
        var keys: [String] = []
        while true {
            let keyStart = index
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != plus { index += 1 }
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), index > keyStart + 1 else { return nil }
                keys.append(String(decoding: bytes[(keyStart + 1)..<index], as: UTF8.self))
                index += 1
            } else {
                while index < bytes.count, Bytes.isASCIIAlphanumeric(bytes[index]) || bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "_") { index += 1 }
                guard index > keyStart else { return nil }
                keys.append(String(decoding: bytes[keyStart..<index], as: UTF8.self).lowercased())
            }
            guard index < bytes.count, bytes[index] == plus else { return nil }
            index += 1
            if index < bytes.count, bytes[index] == plus { return (keys, index + 1 - start) }
        }
    }

    /// How a key is labelled: the names pymdownx.keys knows, else the key as written.
    public static func label(_ key: String) -> String {
        if let known = names[key] { return known }
        if key.count == 1 { return key.uppercased() }
        return key.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    private static let names: [String: String] = [
        "ctrl": "Ctrl", "control": "Ctrl", "alt": "Alt", "option": "Option", "shift": "Shift", "cmd": "Cmd",
        "command": "Cmd", "meta": "Meta", "windows": "Win", "win": "Win", "super": "Super", "fn": "Fn",
        "enter": "Enter", "return": "Return", "tab": "Tab", "space": "Space", "esc": "Esc", "escape": "Esc",
        "backspace": "Backspace", "del": "Del", "delete": "Del", "insert": "Ins", "ins": "Ins", "home": "Home", "end": "End",
        "page-up": "Page Up", "page-down": "Page Down", "arrow-up": "↑", "arrow-down": "↓", "arrow-left": "←",
        "arrow-right": "→", "up": "↑", "down": "↓", "left": "←", "right": "→", "caps-lock": "Caps Lock",
        "print-screen": "Print Screen", "plus": "+", "minus": "-",
    ]
}
