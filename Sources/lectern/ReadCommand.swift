import ArgumentParser
import QuizTerminal

/// `lectern read [SESSION|PATH]`: read a session's lesson in the terminal.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read a session's lesson in the terminal: tables, admonitions and tabs drawn as text.",
        discussion: """
            Through $PAGER (default: less -R) when stdout is a terminal, as plain text otherwise. Exit codes: \
            0 shown, 1 the course or page cannot be read, 2 no such session.
            """
    )

    @Argument(help: "The session (its number or id) or a markdown file. Default: the course's only session.")
    var session: String?

    @OptionGroup var courseOption: CourseOption

    @OptionGroup var colorOption: ColorOption

    func run() throws {
        let code = LessonReader.main(reference: session, course: courseOption.course, color: colorOption.enabled())
        if code != 0 { throw ExitCode(code) }
    }
}
