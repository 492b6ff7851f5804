import Quiz
import Testing
@testable import QuizTerminal

@Suite("Terminal bytes decoded into keys")
struct KeyDecoderTests {
    func decode(_ bytes: [UInt8], flush: Bool = true) -> [KeyEvent] {
        var decoder = KeyDecoder()
        return bytes.flatMap { decoder.feed($0) } + (flush ? decoder.flush() : [])
    }

    func decode(_ text: String) -> [KeyEvent] {
        decode(Array(text.utf8))
    }

    @Test("the arrow, Home and End keys in every form terminals send them", arguments: [
        ("\u{1B}[A", Key.up), ("\u{1B}[B", .down), ("\u{1B}OA", .up), ("\u{1B}OB", .down),
        ("\u{1B}[H", .home), ("\u{1B}[F", .end), ("\u{1B}OH", .home), ("\u{1B}OF", .end),
        ("\u{1B}[1~", .home), ("\u{1B}[7~", .home), ("\u{1B}[4~", .end), ("\u{1B}[8~", .end),
        ("\u{1B}[1;5A", .up), ("\u{1B}[1;2B", .down), ("\u{1B}[C", .other), ("\u{1B}[D", .other),
        ("\u{1B}[15~", .other), ("\u{1B}[5~", .other),
    ])
    func sequences(bytes: String, key: Key) {
        #expect(decode(bytes) == [.key(key)])
    }

    @Test("a lone ESC is Escape once the input goes quiet; before that it waits")
    func loneEscape() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(0x1B).isEmpty)
        #expect(decoder.isPending)
        #expect(decoder.flush() == [.key(.escape)])
        #expect(!decoder.isPending)
        #expect(decode("\u{1B}\u{1B}[A") == [.key(.escape), .key(.up)])
    }

    @Test("Enter as CR, LF or CRLF is one Enter each; Backspace as DEL or BS")
    func enterAndBackspace() {
        #expect(decode("\r") == [.key(.enter)])
        #expect(decode("\n") == [.key(.enter)])
        #expect(decode("\r\n") == [.key(.enter)])
        #expect(decode("\r\r") == [.key(.enter), .key(.enter)])
        #expect(decode([0x7F, 0x08]) == [.key(.backspace), .key(.backspace)])
    }

    @Test("Ctrl-C and Ctrl-D read as bytes (signals off) stop and end the input")
    func controlBytes() {
        #expect(decode([0x03]) == [.stopped(.interrupt)])
        #expect(decode([0x04]) == [.endOfInput])
        #expect(decode([0x01]) == [.key(.other)])
    }

    @Test("characters, ASCII and multi-byte UTF-8, typed ahead in one read")
    func characters() {
        #expect(decode("b?é✅ ") == [.key(.character("b")), .key(.character("?")), .key(.character("é")),
                                      .key(.character("✅")), .key(.character(" "))])
    }

    @Test("a broken UTF-8 sequence is one unknown key and the next byte still counts")
    func brokenUTF8() {
        #expect(decode([0xC3, 0x41]) == [.key(.other), .key(.character("A"))])
        #expect(decode([0x80]) == [.key(.other)])
    }

    @Test("Alt and a key is an unknown key, not Escape then the key")
    func altKey() {
        #expect(decode("\u{1B}q") == [.key(.other)])
    }
}
