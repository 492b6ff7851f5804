import Foundation
import Grading
import Testing

/// Hostile Swift submissions: compiled with swiftc and run in bubblewrap, one at a time (each
/// compile takes seconds of both cores). Each fixture is an attack planted in the track's
/// starter, kept as a patch (its first lines say the attack) that `RedTeam.grade(fixture:)`
/// applies to the starter before grading.
@Suite(.serialized) struct SwiftAttackTests {
    static let attacks: [Attack] = [
        Attack(fixture: "compile_never_ends.patch", statuses: [.timeout, .cpuTime]),
        Attack(fixture: "probes_the_harness_through_compiler_errors.patch", statuses: [.error],
               reportLacks: ["static func", "harness/", "Scenarios", "LecternHarness.swift", "expectations"]),
        Attack(fixture: "exits_zero_in_every_call.patch", statuses: [.graded], reportContains: ["exited (status 0)"]),
        // A crashing worker is restarted for the next scenario; each crash prints a stack trace,
        // so a run of crashes may also end at the output limit.
        Attack(fixture: "crashes_in_every_call.patch", statuses: [.graded, .output], reportContains: ["crashed (signal 11)"]),
        Attack(fixture: "spins_in_every_call.patch", statuses: [.graded, .timeout, .cpuTime]),
        // The harness's supervisor outlives each crashing worker, so these end by whichever
        // limit the restarts reach first (each crash prints a stack trace), or graded.
        Attack(fixture: "memory_bomb.patch", statuses: [.graded, .memory, .output, .timeout, .cpuTime],
               reportContains: ["failed to allocate"]),
        Attack(fixture: "process_flood.patch", statuses: [.graded, .processes, .output, .timeout, .cpuTime],
               reportContains: ["Cannot fork"]),
        Attack(fixture: "reads_hidden_files.patch", statuses: [.graded, .output], reportContains: ["found: []"]),
        Attack(fixture: "dumps_environment.patch", statuses: [.graded, .output], reportContains: ["environment: ["]),
        Attack(fixture: "forges_records.patch", statuses: [.graded]),
    ]

    @Test(arguments: attacks)
    func aHostileSubmissionScoresNoMoreThanAnEmptyOneAndLeavesNothing(_ attack: Attack) async throws {
        let listener = try TrapListener()
        let empty = try await RedTeam.emptyScore("swift")
        let graded = try await RedTeam.grade(fixture: "swift/" + attack.fixture)
        let report = graded.report
        let text = RedTeam.text(of: report)

        #expect(attack.statuses.contains(report.status), "status \(report.status): \(report.message ?? "")")
        #expect(report.score <= empty, "scored \(report.score), the empty submission \(empty)")
        #expect(report.duration <= RedTeam.limits.compileWallSeconds + RedTeam.limits.wallSeconds + 1, "took \(report.duration) s")
        for needle in attack.reportContains.map({ $0.replacingOccurrences(of: RedTeam.canaryPlaceholder, with: graded.canary) }) {
            #expect(text.contains(needle), "the report lacks \(needle): \(report.message ?? "") \(report.output)")
        }
        for needle in attack.reportLacks + [RedTeam.secret] {
            #expect(!text.contains(needle), "the report shows \(needle)")
        }
        #expect(HostProbe.canariesFound(graded.canary).isEmpty)
        #expect(HostProbe.markedProcesses(graded.marker).isEmpty)
        #expect(!listener.wasContacted())
    }
}
