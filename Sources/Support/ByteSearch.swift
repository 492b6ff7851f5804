#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Searches of raw text by libc's memchr: line starts and markers in megabytes of course
/// text, where a Swift loop over every byte showed in profiles.
public enum ByteSearch {
    /// The offset of the first `byte` in `bytes` at or after `start`; nil when there is none.
    public static func firstOffset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count,
              let hit = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
    }

    /// The offset of each occurrence of `byte` in `bytes`, in order.
    public static func offsets(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var found: [Int] = []
        var from = 0
        while let at = firstOffset(of: byte, in: bytes, from: from) {
            found.append(at)
            from = at + 1
        }
        return found
    }

    /// Whether `bytes` holds `byte`.
    public static func contains(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    }
}
