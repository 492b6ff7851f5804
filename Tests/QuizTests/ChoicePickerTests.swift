import Testing
@testable import Quiz

@Suite("Choosing with single keys")
struct ChoicePickerTests {
    func picker(_ count: Int = 4, shortcuts: ChoicePicker.Shortcuts = .lettersAndNumbers, confirm: Bool = false) -> ChoicePicker {
        ChoicePicker(count: count, shortcuts: shortcuts, confirm: confirm)
    }

    @Test("a letter in either case or a number picks its option at once", arguments: [
        (Key.character("b"), 1), (.character("B"), 1), (.character("4"), 3), (.character("1"), 0),
    ])
    func letterOrNumberPicks(key: Key, index: Int) {
        var picker = picker()
        #expect(picker.press(key) == .choose(index))
    }

    @Test("with confirm, a letter or number only highlights; another changes it; Enter picks it")
    func confirmWaitsForEnter() {
        var picker = picker(confirm: true)
        #expect(picker.press(.character("a")) == .redraw)
        #expect(picker.highlighted == 0)
        #expect(picker.press(.character("3")) == .redraw)
        #expect(picker.highlighted == 2)
        #expect(picker.press(.enter) == .choose(2))
    }

    @Test("down from nothing highlights the first, up the last; both wrap around")
    func arrowsWrap() {
        var down = picker()
        #expect(down.press(.down) == .redraw)
        #expect(down.highlighted == 0)
        for _ in 0..<4 { _ = down.press(.down) }
        #expect(down.highlighted == 0)
        var up = picker()
        _ = up.press(.up)
        #expect(up.highlighted == 3)
        _ = up.press(.up)
        #expect(up.highlighted == 2)
        _ = up.press(.home)
        #expect(up.highlighted == 0)
        _ = up.press(.end)
        #expect(up.highlighted == 3)
    }

    @Test("Enter picks the highlighted option, and with nothing highlighted says what to press")
    func enter() {
        var picker = picker()
        guard case .hint(let hint) = picker.press(.enter) else {
            Issue.record("Enter with no highlight should hint")
            return
        }
        #expect(hint.contains("A-D or 1-4"))
        _ = picker.press(.down)
        _ = picker.press(.down)
        #expect(picker.press(.enter) == .choose(1))
    }

    @Test("the space bar picks the highlighted option of a one-answer question")
    func space() {
        var picker = picker()
        _ = picker.press(.down)
        #expect(picker.press(.character(" ")) == .choose(0))
    }

    @Test("? asks for help; q and Escape ask to quit; left, right and function keys do nothing", arguments: [
        (Key.character("?"), ChoicePicker.Action.help), (.character("q"), .quit), (.character("Q"), .quit),
        (.escape, .quit), (.other, .ignore),
    ])
    func commands(key: Key, action: ChoicePicker.Action) {
        var picker = picker()
        #expect(picker.press(key) == action)
    }

    @Test("q is an option, not quit, when a question has seventeen options or more")
    func qAsAnOption() {
        var picker = picker(17)
        #expect(picker.press(.character("q")) == .choose(16))
    }

    @Test("a letter or number beyond the options, or another key, gets a one-line hint naming the keys",
          arguments: [Key.character("e"), .character("5"), .character("0"), .character("!"), .character("é")])
    func outOfRange(key: Key) {
        var picker = picker()
        guard case .hint(let hint) = picker.press(key) else {
            Issue.record("\(key) should hint")
            return
        }
        #expect(hint.contains("A-D or 1-4"))
        #expect(!hint.contains("\n"))
        #expect(picker.highlighted == nil)
    }

    @Test("with twelve items a 1 waits: a second digit completes 10-12, Enter takes 1, another digit is refused")
    func twoDigitNumbers() {
        var twelve = picker(12, shortcuts: .numbers)
        #expect(twelve.press(.character("1")) == .redraw)
        #expect(twelve.typedNumber == "1")
        #expect(twelve.highlighted == 0)
        #expect(twelve.press(.character("2")) == .choose(11))
        var one = picker(12, shortcuts: .numbers)
        _ = one.press(.character("1"))
        #expect(one.press(.enter) == .choose(0))
        var wrong = picker(12, shortcuts: .numbers)
        _ = wrong.press(.character("1"))
        guard case .hint = wrong.press(.character("5")) else {
            Issue.record("15 of 12 should hint")
            return
        }
        var three = picker(12, shortcuts: .numbers)
        #expect(three.press(.character("3")) == .choose(2))
    }

    @Test("a list of sessions takes numbers, not letters")
    func numbersOnly() {
        var picker = picker(3, shortcuts: .numbers)
        #expect(picker.keysText == "1-3")
        guard case .hint = picker.press(.character("b")) else {
            Issue.record("a letter should hint in a numbered list")
            return
        }
        #expect(picker.press(.character("2")) == .choose(1))
    }

    @Test("Backspace takes back a digit being typed, and a selection waiting for Enter")
    func backspace() {
        var twelve = picker(12, shortcuts: .numbers)
        _ = twelve.press(.character("1"))
        #expect(twelve.press(.backspace) == .redraw)
        #expect(twelve.typedNumber.isEmpty)
        #expect(twelve.highlighted == nil)
        var confirm = picker(confirm: true)
        _ = confirm.press(.character("c"))
        #expect(confirm.press(.backspace) == .redraw)
        #expect(confirm.highlighted == nil)
        #expect(confirm.press(.backspace) == .ignore)
    }
}
