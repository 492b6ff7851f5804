import Foundation

/// What the terminal wants: colour only on a TTY and without NO_COLOR.
enum Terminal {
    static func isTTY(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    static var wantsColor: Bool {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return isTTY(STDOUT_FILENO) && !noColor
    }
}
