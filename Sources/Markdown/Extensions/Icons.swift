import Support

/// Material's icon and emoji shortcodes: `:material-check:`, `:fontawesome-brands-github:`,
/// `:octicons-heart-16:`, `:smile:`. Lectern loads no icon font: a shortcode becomes an `icon`
/// node with a local glyph when it has one, else its name shown as text. An icon set's name
/// (`material-`, `fontawesome-`, `octicons-`, `simple-`) is always a shortcode; other names
/// only when they are emoji Lectern knows, so `10:30:00` stays a time.
public struct Icons: MarkdownExtension {
    public init() {}

    public func rewrite(_ document: inout MarkdownNode, in context: inout ExtensionContext) {
        // Most pages hold colons and no shortcode: one pass over the source says so.
        guard context.source.containsAny(of: [UInt8(ascii: ":")]), Self.mayHoldShortcode(context.source.bytes) else { return }
        var rewriter = InlineTextMatches(trigger: UInt8(ascii: ":")) { bytes, index in
            guard let (name, length) = Self.shortcode(bytes, index) else { return nil }
            return (MarkdownNode(.icon(name: name), literal: Self.glyph(name) ?? ""), length)
        }
        document = rewriter.visit(document) ?? document
    }

    /// Whether some `:name:` in `bytes` is a shortcode (a colon's next colon is the only place
    /// one can end, so each byte is looked at a bounded number of times).
    static func mayHoldShortcode(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var from = 0
            while let colon = ByteSearch.firstOffset(of: UInt8(ascii: ":"), in: buffer, from: from) {
                if shortcode(bytes, colon) != nil { return true }
                from = colon + 1
            }
            return false
        }
    }

    static func shortcode(_ bytes: [UInt8], _ start: Int) -> (String, Int)? {
        var index = start + 1
        while index < bytes.count, index - start <= 64,
              Bytes.isASCIIAlphanumeric(bytes[index]) || bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "_") || bytes[index] == UInt8(ascii: "+") {
            index += 1
        }
        guard index > start + 1, index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        let name = String(decoding: bytes[(start + 1)..<index], as: UTF8.self)
        guard isIconSet(name) || emoji[name] != nil else { return nil }
        return (name, index + 1 - start)
    }

    static func isIconSet(_ name: String) -> Bool {
        ["material-", "fontawesome-", "octicons-", "simple-"].contains { name.hasPrefix($0) && name.count > $0.count }
    }

    /// A glyph for the shortcode: an emoji, or for an icon one that reads the same.
    public static func glyph(_ name: String) -> String? {
        if let glyph = emoji[name] { return glyph }
        var stem = name
        for set in ["material-", "fontawesome-solid-", "fontawesome-regular-", "fontawesome-brands-", "octicons-", "simple-"] where stem.hasPrefix(set) {
            stem = String(stem.dropFirst(set.count))
            break
        }
        // octicons carry their size (`-16`, `-24`); Material has `-outline`, `-circle` variants.
        for suffix in ["-16", "-24", "-outline", "-bold"] where stem.hasSuffix(suffix) { stem = String(stem.dropLast(suffix.count)) }
        return iconGlyphs[stem]
    }

    private static let iconGlyphs: [String: String] = [
        "check": "✓", "check-bold": "✓", "check-circle": "✔", "check-all": "✓", "close": "✗", "x": "✗", "close-circle": "✗",
        "alert": "⚠", "alert-circle": "⚠", "information": "ℹ", "information-circle": "ℹ", "info": "ℹ", "help-circle": "?",
        "arrow-right": "→", "arrow-left": "←", "arrow-up": "↑", "arrow-down": "↓", "star": "★", "heart": "♥",
        "clock": "◷", "clock-fast": "◷", "lightbulb": "💡", "book-open-variant": "📖", "book": "📖", "file-document": "📄",
        "folder": "📁", "code-tags": "</>", "code": "</>", "pencil": "✎", "link": "🔗", "lock": "🔒", "key": "🔑",
        "rocket-launch": "🚀", "rocket": "🚀", "bug": "🐞", "cog": "⚙", "gear": "⚙", "flag": "⚑", "play": "▶",
        "download": "⤓", "upload": "⤒", "magnify": "🔍", "search": "🔍", "email": "✉", "home": "⌂", "language-python": "🐍",
        "server": "🖥", "database": "🗄", "shield-check": "🛡", "console": ">_", "terminal": ">_",
        "minus": "−", "plus": "+", "thumb-up": "👍", "thumb-down": "👎", "school": "🎓", "target": "◎",
    ]

    private static let emoji: [String: String] = [
        "smile": "😄", "smiley": "😃", "grin": "😁", "wink": "😉", "heart": "❤️", "thumbsup": "👍", "+1": "👍",
        "thumbsdown": "👎", "-1": "👎", "white_check_mark": "✅", "heavy_check_mark": "✔️", "x": "❌",
        "warning": "⚠️", "rocket": "🚀", "tada": "🎉", "bulb": "💡", "fire": "🔥", "star": "⭐", "books": "📚",
        "book": "📖", "memo": "📝", "pencil": "📝", "pencil2": "✏️", "bug": "🐛", "lock": "🔒", "key": "🔑",
        "eyes": "👀", "zap": "⚡", "sparkles": "✨", "construction": "🚧", "information_source": "ℹ️",
        "question": "❓", "exclamation": "❗", "100": "💯", "clock": "🕐", "hourglass": "⌛", "mag": "🔍",
        "link": "🔗", "gear": "⚙️", "wrench": "🔧", "hammer": "🔨", "package": "📦", "computer": "💻",
        "snake": "🐍", "checkered_flag": "🏁", "trophy": "🏆", "dart": "🎯", "stop_sign": "🛑", "no_entry": "⛔",
        "point_right": "👉", "arrow_right": "➡️", "thinking": "🤔", "muscle": "💪", "clap": "👏", "wave": "👋",
    ]
}
