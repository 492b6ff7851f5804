import Foundation

/// Reads course text files, turning every way a file can be unusable into a diagnostic
/// instead of a crash: missing, unreadable, a directory, empty, binary, not UTF-8.
public enum SourceReader {
    /// The text of `url`, or nil with a diagnostic appended. A UTF-8 byte order mark is dropped.
    public static func read(_ url: URL, displayPath: String, diagnostics: inout [Diagnostic]) -> String? {
        // One plain stat answers missing, folder and empty: FileManager's checks cost a stat
        // each, and its attributes also look up the owner's user and group names.
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            diagnostics.append(.error(displayPath, "file not found"))
            return nil
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            diagnostics.append(.error(displayPath, "expected a file, found a directory"))
            return nil
        }
        // An empty file never reaches Data(contentsOf:), which leaks its read buffer on
        // zero-length files (seen under LeakSanitizer with swift-foundation 6.3).
        if info.st_size == 0 {
            diagnostics.append(.error(displayPath, "file is empty"))
            return nil
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let reason = FileManager.default.isReadableFile(atPath: url.path) ? "could not be read" : "permission denied"
            diagnostics.append(.error(displayPath, "cannot read file: \(reason)"))
            return nil
        }
        return decode(data, displayPath: displayPath, diagnostics: &diagnostics)
    }

    /// Decodes bytes as course text; see `read`.
    public static func decode(_ data: Data, displayPath: String, diagnostics: inout [Diagnostic]) -> String? {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let nul = bytes.prefix(8192).firstIndex(of: 0) {
            let position = lineAndColumn(of: nul, in: bytes)
            diagnostics.append(.error(displayPath, position, "binary file (NUL byte), not markdown or YAML text"))
            return nil
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8Offset(bytes) ?? 0
            diagnostics.append(.error(displayPath, lineAndColumn(of: bad, in: bytes), "invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)))"))
            return nil
        }
        if text.allSatisfy({ $0.isWhitespace }) {
            diagnostics.append(.error(displayPath, "file is empty"))
            return nil
        }
        return text
    }

    /// 1-based line and byte column of a byte offset.
    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }

    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            if index + length > bytes.count { return index }
            for next in 1..<max(length, 1) where bytes[index + next] & 0xC0 != 0x80 { return index }
            if length > 1, String(validating: bytes[index..<index + length], as: UTF8.self) == nil { return index }
            index += length
        }
        return nil
    }
}
