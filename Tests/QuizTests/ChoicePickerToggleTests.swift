import Testing
@testable import Quiz

/// A question with several right answers, ticked one option at a time and submitted with
/// Enter, and a self-check item, revealed with Enter or space (issue 18, item 5).
@Suite("Ticking several options and revealing with single keys")
struct ChoicePickerToggleTests {
    func picker(_ count: Int = 5, mode: ChoicePicker.Mode = .multiple, confirm: Bool = false) -> ChoicePicker {
        ChoicePicker(count: count, shortcuts: .lettersAndNumbers, confirm: confirm, mode: mode)
    }

    @Test("a letter or number ticks its option, again unticks it; nothing is answered until Enter submits the set")
    func lettersAndNumbersToggle() {
        var picker = picker()
        #expect(picker.press(.character("a")) == .toggled(0))
        #expect(picker.press(.character("3")) == .toggled(2))
        #expect(picker.press(.character("D")) == .toggled(3))
        #expect(picker.ticked == [0, 2, 3])
        #expect(picker.press(.character("d")) == .toggled(3))
        #expect(picker.ticked == [0, 2])
        #expect(picker.highlighted == 3)
        #expect(picker.press(.enter) == .submit([0, 2]))
    }

    @Test("space ticks and unticks the highlighted option; the arrows move without ticking")
    func spaceTogglesHighlighted() {
        var picker = picker()
        #expect(picker.press(.down) == .redraw)
        #expect(picker.press(.character(" ")) == .toggled(0))
        #expect(picker.press(.down) == .redraw)
        #expect(picker.press(.down) == .redraw)
        #expect(picker.press(.character(" ")) == .toggled(2))
        #expect(picker.press(.up) == .redraw)
        #expect(picker.ticked == [0, 2])
        #expect(picker.press(.up) == .redraw)
        #expect(picker.press(.character(" ")) == .toggled(0))
        #expect(picker.ticked == [2])
        #expect(picker.press(.enter) == .submit([2]))
    }

    @Test("space with nothing highlighted says how to tick")
    func spaceWithoutHighlight() {
        var picker = picker()
        guard case .hint(let hint) = picker.press(.character(" ")) else {
            Issue.record("space with no highlight should hint")
            return
        }
        #expect(hint == "Move with ↑/↓ first, or press A-E or 1-5 to tick an option; ? for help, q to quit.")
        #expect(picker.ticked.isEmpty)
    }

    @Test("Enter with nothing ticked is refused with a hint, also after unticking the last one")
    func emptySetRefused() {
        var picker = picker()
        let refused = ChoicePicker.Action.hint(
            "Nothing is ticked yet: tick every right option with A-E or 1-5 or space, then press Enter; ? for help, q to quit.")
        #expect(picker.press(.enter) == refused)
        _ = picker.press(.character("b"))
        _ = picker.press(.character("b"))
        #expect(picker.press(.enter) == refused)
        _ = picker.press(.down)
        #expect(picker.press(.enter) == refused)  // a highlight alone is not an answer
    }

    @Test("with twelve options a 1 waits for another digit; Enter then ticks option 1 rather than submitting")
    func twoDigitNumbers() {
        var picker = picker(12)
        #expect(picker.press(.character("1")) == .redraw)
        #expect(picker.typedNumber == "1")
        #expect(picker.press(.character("2")) == .toggled(11))
        #expect(picker.press(.character("1")) == .redraw)
        #expect(picker.press(.enter) == .toggled(0))
        #expect(picker.typedNumber == "")
        #expect(picker.press(.enter) == .submit([0, 11]))
    }

    @Test("Backspace takes back a digit being typed and unticks nothing; confirm mode changes nothing")
    func backspaceAndConfirm() {
        var picker = picker(12, confirm: true)
        #expect(picker.press(.character("b")) == .toggled(1))
        #expect(picker.press(.character("1")) == .redraw)
        #expect(picker.press(.backspace) == .redraw)
        #expect(picker.press(.backspace) == .ignore)
        #expect(picker.ticked == [1])
        #expect(picker.highlighted == nil)  // the typed 1 highlighted option 1; taken back, nothing is
    }

    @Test("a key naming no option gets a hint that says how to tick and submit", arguments: ["f", "7", "+"])
    func outsideHint(key: String) {
        var picker = picker()
        guard case .hint(let hint) = picker.press(.character(Character(key))) else {
            Issue.record("\(key) should hint")
            return
        }
        #expect(hint.contains("tick options with A-E or 1-5, or ↑/↓ and space; Enter submits them"))
    }

    @Test("? asks for help, q and Escape to quit; q ticks an option when there are seventeen or more")
    func commands() {
        var picker = picker()
        #expect(picker.press(.character("?")) == .help)
        #expect(picker.press(.character("q")) == .quit)
        #expect(picker.press(.escape) == .quit)
        var long = self.picker(17)
        #expect(long.press(.character("q")) == .toggled(16))
    }

    @Test("a self-check item is revealed by Enter or space", arguments: [Key.enter, .character(" ")])
    func revealKeys(key: Key) {
        var picker = picker(0, mode: .reveal)
        #expect(picker.press(key) == .reveal)
    }

    @Test("at a self-check item ? helps, q and Escape quit, arrows do nothing, letters and numbers ask for Enter",
          arguments: [(Key.character("?"), ChoicePicker.Action.help), (.character("q"), .quit), (.escape, .quit),
                      (.down, .ignore), (.other, .ignore),
                      (.character("a"), .hint("This question is for you to think about: press Enter to see the answer; ? for help, q to quit.")),
                      (.character("2"), .hint("This question is for you to think about: press Enter to see the answer; ? for help, q to quit."))])
    func revealOtherKeys(key: Key, action: ChoicePicker.Action) {
        var picker = picker(3, mode: .reveal)  // a self-check item may show options, which are not choices
        #expect(picker.press(key) == action)
        #expect(picker.highlighted == nil && picker.ticked.isEmpty)
    }
}
