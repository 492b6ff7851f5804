import ArgumentParser
import Foundation
import Support

/// `--no-color`, as every command that paints its output takes it.
struct ColorOption: ParsableArguments {
    @Flag(help: "No ANSI colour (also when NO_COLOR is set, TERM=dumb, or the output is not a terminal).")
    var noColor = false

    /// Whether output written to `descriptor` gets colour (`TerminalInfo.useColor`).
    func enabled(for descriptor: Int32 = STDOUT_FILENO) -> Bool {
        TerminalInfo.useColor(noColorFlag: noColor, environment: ProcessInfo.processInfo.environment,
                              outputIsTerminal: TerminalInfo.isTerminal(descriptor))
    }
}
