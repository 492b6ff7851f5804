#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension LecternHarness {
    /// Writes records as JSON Lines to one file descriptor, one `write(2)` per line so a
    /// crash later in the run keeps every record already sent.
    struct ObservationChannel {
        let fileDescriptor: Int32

        func send(_ record: LecternHarness.JSON) {
            send(raw: record.encoded)
        }

        func send(raw line: String) {
            let bytes = Array((line + "\n").utf8)
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { buffer in
                    write(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                }
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
