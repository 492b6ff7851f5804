import Foundation

/// Bytes read from a pipe, kept up to a bound; whatever comes past it is dropped and noted.
struct BoundedBuffer {
    let bound: Int
    private(set) var data = Data()
    /// Whether more than `bound` bytes arrived.
    private(set) var overflowed = false

    init(bound: Int) {
        self.bound = max(0, bound)
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        let room = bound - data.count
        if bytes.count > room {
            overflowed = true
            if room > 0 { data.append(contentsOf: bytes.prefix(room)) }
        } else {
            data.append(contentsOf: bytes)
        }
    }
}
