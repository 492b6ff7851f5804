import Foundation
import Grading
import Testing

/// One hostile submission and the statuses its grading may end with.
struct Attack: Sendable, CustomTestStringConvertible {
    var fixture: String
    var statuses: Set<GradeStatus>
    /// Text the report must contain (what the attack saw, or the limit that stopped it).
    var reportContains: [String] = []
    /// Text the report must not contain.
    var reportLacks: [String] = []

    var testDescription: String { fixture }
}

/// Hostile Python submissions (issue 6, item 5): each is graded in bubblewrap; none scores more
/// than the empty submission, none hangs past its limit plus a second and what grading the
/// starter costs at the moment (the machine's load), none leaves anything
/// behind on the host, and none changes how the next submission is graded.
/// One at a time: a bomb's CPU and memory would otherwise slow its neighbours past their limits.
@Suite(.serialized) struct PythonAttackTests {
    static let graded: Set<GradeStatus> = [.graded, .error]

    static let attacks: [Attack] = [
        Attack(fixture: "exit_zero_at_import.py", statuses: graded),
        Attack(fixture: "system_exit_at_import.py", statuses: graded),
        Attack(fixture: "exit_zero_inside_call.py", statuses: graded),
        Attack(fixture: "system_exit_through_call.py", statuses: graded),
        Attack(fixture: "keyboard_interrupt_through_call.py", statuses: graded),
        Attack(fixture: "equal_to_everything.py", statuses: graded),
        Attack(fixture: "patches_builtins_and_unittest.py", statuses: graded),
        Attack(fixture: "forged_stdout.py", statuses: graded),
        Attack(fixture: "atexit_forgery.py", statuses: graded),
        Attack(fixture: "thread_forgery.py", statuses: graded),
        Attack(fixture: "nonce_theft.py", statuses: graded),
        Attack(fixture: "patches_the_harness.py", statuses: graded),
        Attack(fixture: "replaces_modules.py", statuses: graded),
        Attack(fixture: "rewrites_the_harness.py", statuses: graded),
        Attack(fixture: "reads_hidden_files.py", statuses: [.error], reportContains: ["found: []"]),
        Attack(fixture: "dumps_environment.py", statuses: [.error], reportContains: ["environment: ["], reportLacks: ["LECTERN_REDTEAM_SECRET"]),
        Attack(fixture: "infinite_loop_at_import.py", statuses: [.timeout, .cpuTime]),
        Attack(fixture: "ignores_sigterm.py", statuses: [.timeout]),
        Attack(fixture: "fork_flood.py", statuses: [.processes, .timeout, .cpuTime]),
        // The harness survives a MemoryError or an OSError at import and reports it as the
        // submission's import failure (status error), or the run ends at the limit itself.
        Attack(fixture: "memory_bomb.py", statuses: [.memory, .error], reportContains: ["MemoryError"]),
        Attack(fixture: "output_flood.py", statuses: [.output]),
        Attack(fixture: "disk_fill.py", statuses: [.disk, .error], reportContains: ["No space left on device"]),
        // Inside, /tmp is the sandbox's own (/sandbox/tmp); nothing else outside /sandbox is writable.
        Attack(fixture: "writes_everywhere.py", statuses: [.error], reportContains: ["wrote: ['/sandbox'"],
               reportLacks: ["'/root'", "'/work", "'/home'", "'/run", "'/usr", "'/etc", "'/opt", "'/var", "'/dev", "'/'"]),
        Attack(fixture: "connects_to_host.py", statuses: [.error, .timeout, .cpuTime], reportLacks: ["connected: [("]),
        Attack(fixture: "kills_the_parent.py", statuses: graded),
        Attack(fixture: "leaves_a_daemon.py", statuses: graded),
        Attack(fixture: "closes_the_channel.py", statuses: graded),
    ]

    @Test(arguments: attacks)
    func aHostileSubmissionScoresNoMoreThanAnEmptyOneAndLeavesNothing(_ attack: Attack) async throws {
        let listener = try TrapListener()
        let empty = try await RedTeam.emptyScore("python")
        let overhead = try await RedTeam.gradingOverhead("python")
        let graded = try await RedTeam.grade(fixture: "python/" + attack.fixture)
        let report = graded.report
        let text = RedTeam.text(of: report)

        #expect(attack.statuses.contains(report.status), "status \(report.status): \(report.message ?? "")")
        #expect(report.score <= empty, "scored \(report.score), the empty submission \(empty)")
        #expect(report.passedCount <= 1, "\(report.passedCount) tests passed")
        #expect(report.duration <= RedTeam.limits.wallSeconds + 1 + overhead, "took \(report.duration) s (a starter's grading: \(overhead) s)")
        #expect(report.sandbox == "bubblewrap")
        for needle in attack.reportContains.map({ $0.replacingOccurrences(of: RedTeam.canaryPlaceholder, with: graded.canary) }) {
            #expect(text.contains(needle), "the report lacks \(needle): \(report.message ?? "")")
        }
        for needle in attack.reportLacks + [RedTeam.secret] {
            #expect(!text.contains(needle), "the report shows \(needle)")
        }
        #expect(HostProbe.canariesFound(graded.canary).isEmpty)
        #expect(HostProbe.markedProcesses(graded.marker).isEmpty)
        #expect(!listener.wasContacted())
    }
}
