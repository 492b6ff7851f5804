import Support
import Testing

/// memchr-based searches, held to a plain loop over the bytes.
@Suite struct ByteSearchTests {
    static func plainOffsets(of byte: UInt8, in text: [UInt8]) -> [Int] {
        text.indices.filter { text[$0] == byte }
    }

    @Test(arguments: ["", "\n", "no line feed", "\nstarts", "ends\n", "a\nb\n\nc\r\nd", String(repeating: "é\n", count: 300)])
    func offsetsAreThoseOfEveryOccurrence(text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(ByteSearch.offsets(of: UInt8(ascii: "\n"), in: buffer) == Self.plainOffsets(of: UInt8(ascii: "\n"), in: bytes))
            #expect(ByteSearch.contains(UInt8(ascii: "\r"), in: buffer) == bytes.contains(UInt8(ascii: "\r")))
        }
    }

    /// Random texts over a few bytes, so matches come at every place and in runs.
    @Test func matchesAPlainLoopOnRandomTexts() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0...200, using: &generator)).map { _ in [0x0A, 0x0D, 0x61, 0xC3][Int.random(in: 0...3, using: &generator)] as UInt8 }
            let from = Int.random(in: 0...bytes.count + 1, using: &generator)
            bytes.withUnsafeBufferPointer { buffer in
                #expect(ByteSearch.offsets(of: 0x0A, in: buffer) == Self.plainOffsets(of: 0x0A, in: bytes))
                #expect(ByteSearch.firstOffset(of: 0x0A, in: buffer, from: from) == Self.plainOffsets(of: 0x0A, in: bytes).first { $0 >= from })
                #expect(ByteSearch.contains(0x0D, in: buffer) == bytes.contains(0x0D))
            }
        }
    }
}
