/// HTML escaping for text and attribute values.
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"` (and `'` when `apostrophes` is set) so `text` reads as
    /// itself in HTML text or an attribute.
    public static func escape(_ text: String, apostrophes: Bool = false) -> String {
        // Read eight bytes at a time: a word without a mark is passed over (or copied) whole.
        // Most text needs nothing, and one scan says so; otherwise one pass counts the room
        // the entities need and a second writes the result straight into the new string (the
        // marks are ASCII, so multi-byte UTF-8 sequences pass through whole).
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            let marks = Marks(apostrophes: apostrophes)
            var extra = 0
            marks.forEachByte(in: bytes) { extra += marks.extraRoom(for: $0) }
            guard extra > 0 else { return text }
            return String(unsafeUninitializedCapacity: bytes.count + extra) { buffer in
                var count = 0
                func put(_ entity: StaticString) {
                    entity.withUTF8Buffer { entityBytes in
                        for byte in entityBytes { buffer[count] = byte; count += 1 }
                    }
                }
                marks.forEachByte(in: bytes, cleanWord: { word in
                    UnsafeMutableRawPointer(buffer.baseAddress! + count).storeBytes(of: word, as: UInt64.self)
                    count += 8
                }) { byte in
                    switch byte {
                    case UInt8(ascii: "&"): put("&amp;")
                    case UInt8(ascii: "<"): put("&lt;")
                    case UInt8(ascii: ">"): put("&gt;")
                    case UInt8(ascii: "\""): put("&quot;")
                    case UInt8(ascii: "'") where apostrophes: put("&#39;")
                    default: buffer[count] = byte; count += 1
                    }
                }
                return count
            }
        }
    }

    /// The bytes `escape` replaces, found eight at a time.
    private struct Marks {
        let apostrophes: Bool
        private static let ones: UInt64 = 0x0101_0101_0101_0101

        /// Whether some byte of `word` is `mark`: the classic test for a zero byte, on the
        /// word XOR the mark in every byte.
        @inline(__always)
        private static func holds(_ word: UInt64, _ mark: UInt8) -> Bool {
            let x = word ^ (ones &* UInt64(mark))
            return (x &- ones) & ~x & (ones &* 0x80) != 0
        }

        @inline(__always)
        func isClean(_ word: UInt64) -> Bool {
            !(Self.holds(word, UInt8(ascii: "&")) || Self.holds(word, UInt8(ascii: "<")) || Self.holds(word, UInt8(ascii: ">"))
                || Self.holds(word, UInt8(ascii: "\"")) || (apostrophes && Self.holds(word, UInt8(ascii: "'"))))
        }

        /// How many bytes the entity for `byte` adds (0 for a byte kept as it is).
        @inline(__always)
        func extraRoom(for byte: UInt8) -> Int {
            switch byte {
            case UInt8(ascii: "&"): 4
            case UInt8(ascii: "<"), UInt8(ascii: ">"): 3
            case UInt8(ascii: "\""): 5
            case UInt8(ascii: "'") where apostrophes: 4
            default: 0
            }
        }

        /// Calls `cleanWord` with each run of eight bytes that holds no mark (as one word, in
        /// memory order) and `byte` with every other byte, in order.
        @inline(__always)
        func forEachByte(in bytes: UnsafeBufferPointer<UInt8>, cleanWord: (UInt64) -> Void = { _ in },
                         _ byte: (UInt8) -> Void) {
            guard let base = UnsafeRawPointer(bytes.baseAddress) else { return }
            var offset = 0
            while offset + 8 <= bytes.count {
                let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                if isClean(word) {
                    cleanWord(word)
                } else {
                    for index in offset..<(offset + 8) { byte(bytes[index]) }
                }
                offset += 8
            }
            while offset < bytes.count {
                byte(bytes[offset])
                offset += 1
            }
        }
    }

    /// Percent-encodes the characters of a URL that may not appear raw in an href, keeping
    /// already-encoded sequences, then HTML-escapes it. The characters kept are cmark's
    /// (`houdini_escape_href`): letters, digits and `-_.+!*'(),%#@?=;:/&$~`; `[` and `]`,
    /// like spaces and non-ASCII bytes, are encoded.
    public static func escapeURL(_ url: String) -> String {
        var out = ""
        out.reserveCapacity(url.utf8.count)
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                if "-_.+!*'(),%#@?=;:/&$~".utf8.contains(byte) {
                    out.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                }
            }
        }
        return escape(out)
    }

    /// Raw HTML with GFM's disallowed tags made harmless: the `<` of `<script`, `</style`,
    /// `<iframe` and the others the tagfilter extension lists becomes `&lt;`.
    public static func filterDisallowedTags(_ html: String) -> String {
        guard html.utf8.contains(UInt8(ascii: "<")) else { return html }
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "<"), isDisallowedTag(bytes, at: index) {
                out += Array("&lt;".utf8)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let disallowedTags = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]

    private static func isDisallowedTag(_ bytes: [UInt8], at index: Int) -> Bool {
        var start = index + 1
        if start < bytes.count, bytes[start] == UInt8(ascii: "/") { start += 1 }
        for tag in disallowedTags {
            let end = start + tag.utf8.count
            guard end <= bytes.count else { continue }
            let matches = zip(bytes[start..<end], tag.utf8).allSatisfy { $0 | 0x20 == $1 }
            guard matches else { continue }
            if end == bytes.count { return true }
            let next = bytes[end]
            if next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || next == Bytes.space || (next >= 0x09 && next <= 0x0D) { return true }
        }
        return false
    }

    /// Whether a link destination is safe to emit (no javascript:, vbscript:, file: or
    /// non-image data: URLs), following cmark's own safe mode.
    public static func isSafeURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where lower.hasPrefix(scheme) { return false }
        if lower.hasPrefix("data:") {
            return ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { lower.hasPrefix($0) }
        }
        return true
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
