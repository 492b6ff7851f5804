#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the quiz writes: standard output and error in the binary, a buffer in tests.
public protocol TextOutput: AnyObject {
    func write(_ text: String)
    func writeError(_ text: String)
}

/// The process's stdout and stderr, written with write(2) so prompts appear at once and
/// nothing waits in a buffer when the process is interrupted.
public final class StandardOutput: TextOutput {
    public init() {}

    public func write(_ text: String) { Self.write(text, to: 1) }
    public func writeError(_ text: String) { Self.write(text, to: 2) }

    private static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { buffer in
                #if canImport(Glibc)
                Glibc.write(descriptor, buffer.baseAddress, buffer.count)
                #else
                Darwin.write(descriptor, buffer.baseAddress, buffer.count)
                #endif
            }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else if written < 0, errno == EINTR {
                continue
            } else {
                return  // the reader went away (closed pipe): nothing more can be shown
            }
        }
    }
}

/// Collects what would be printed (tests).
public final class CapturedOutput: TextOutput {
    public private(set) var standard = ""
    public private(set) var error = ""

    public init() {}

    public func write(_ text: String) { standard += text }
    public func writeError(_ text: String) { error += text }
}
