#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Searches of raw text by libc's memchr: line starts and markers in megabytes of course
/// text, where a Swift loop over every byte showed in profiles.
public enum ByteSearch {
    /// The offset of each occurrence of `byte` in `bytes`, in order.
    public static func offsets(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var found: [Int] = []
        guard let base = bytes.baseAddress else { return found }
        var from = base
        let end = base + bytes.count
        while from < end, let hit = memchr(from, Int32(byte), end - from) {
            let at = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
            found.append(at - base)
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
