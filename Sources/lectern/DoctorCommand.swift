import ArgumentParser
import Foundation
import Sandbox
import Support

/// `lectern doctor`: shows whether grading can be sandboxed on this machine.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check that the grading sandbox (bubblewrap, python3, swiftc) works here.",
        discussion: "Runs real probes inside the sandbox and says how to fix what fails. Exits 1 when sandboxed grading cannot work."
    )

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        let findings = await SandboxDoctor().check()
        switch format {
        case .json:
            print(StableJSON.encode(findings), terminator: "")
        case .text:
            for finding in findings {
                print("\(finding.status.rawValue.uppercased().padding(toLength: 7, withPad: " ", startingAt: 0)) \(finding.check): \(finding.detail)")
            }
            print(SandboxDoctor.canGrade(findings)
                ? "The sandbox works: lectern grade and the exercise checks run learner code inside it."
                : "Sandboxed grading cannot work here until the failures above are fixed (lectern grade refuses; --no-sandbox runs without isolation).")
        }
        if !SandboxDoctor.canGrade(findings) { throw ExitCode(1) }
    }
}
