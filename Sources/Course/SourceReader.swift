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
        if info.st_size == 0 {
            diagnostics.append(.error(displayPath, "file is empty"))
            return nil
        }
        guard let bytes = readBytes(url.path, size: Int(info.st_size)) else {
            let reason = FileManager.default.isReadableFile(atPath: url.path) ? "could not be read" : "permission denied"
            diagnostics.append(.error(displayPath, "cannot read file: \(reason)"))
            return nil
        }
        return decode(bytes, displayPath: displayPath, diagnostics: &diagnostics)
    }

    /// The file's bytes, read straight into an array sized by its `stat` (a file that grew
    /// meanwhile is read to its end); nil when it cannot be opened or read. The end is found
    /// with a read into a small buffer, so the array grows only for a file that did grow.
    private static func readBytes(_ path: String, size: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: max(size, 1))
        var count = 0
        while true {
            let read: Int
            if count < bytes.count {
                read = bytes.withUnsafeMutableBytes { buffer in
                    Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                }
            } else {
                read = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { probe in
                    let read = Foundation.read(descriptor, probe.baseAddress!, probe.count)
                    if read > 0 { bytes += probe[..<read] }
                    return read
                }
            }
            if read < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if read == 0 { break }
            count += read
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// Decodes bytes as course text; see `read`.
    public static func decode(_ bytes: [UInt8], displayPath: String, diagnostics: inout [Diagnostic]) -> String? {
        var bytes = bytes
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
