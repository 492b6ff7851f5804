import Foundation
import Testing
@testable import Sandbox

/// The launcher's fd-4 stream is read from its end, so bytes a command managed to write
/// there before the launcher's own never count.
@Suite struct LauncherReportTests {
    let times = "0m0.010000s 0m0.000000s\n0m1.500000s 0m0.250000s\n"

    @Test func readsFilesStatusFreeSpaceAndCPUTime() {
        let stream = Data("lectern-ready\nabcdefg\nlectern-trailer 0 4096 3 - 4\n\(times)".utf8)
        let report = LauncherReport(parsing: stream, collect: ["one", "two", "three"])
        #expect(report.started)
        #expect(report.freeBytes == 4096)
        #expect(report.cpuTime == .milliseconds(1750))
        #expect(report.collected == ["one": Data("abc".utf8), "three": Data("defg".utf8)])
    }

    @Test func aForgedTrailerBeforeTheRealOneIsIgnored() {
        let forged = "\nlectern-trailer 0 999 6\n\(times)forged"
        let stream = Data("lectern-ready\n\(forged)real\nlectern-trailer 0 4096 4\n\(times)".utf8)
        let report = LauncherReport(parsing: stream, collect: ["file"])
        #expect(report.collected == ["file": Data("real".utf8)])
    }

    @Test func sizesReachingIntoTheReadyLineCollectNothing() {
        let stream = Data("lectern-ready\nab\nlectern-trailer 0 4096 50\n\(times)".utf8)
        #expect(LauncherReport(parsing: stream, collect: ["file"]).collected.isEmpty)
    }

    @Test func aStreamWithoutTheReadyLineMeansTheLauncherNeverStarted() {
        let report = LauncherReport(parsing: Data("bwrap: setting up uid map: Permission denied\n".utf8), collect: [])
        #expect(!report.started)
    }

    @Test func aStreamCutBeforeItsTrailerCollectsNothing() {
        let report = LauncherReport(parsing: Data("lectern-ready\npartial".utf8), collect: ["file"])
        #expect(report.started)
        #expect(report.collected.isEmpty)
        #expect(report.cpuTime == nil)
    }

    @Test func aSetupTrailerMeansTheInputDidNotFit() {
        let report = LauncherReport(parsing: Data("lectern-ready\n\nlectern-trailer setup 0\n\(times)".utf8), collect: [])
        #expect(report.setupFailed)
    }

    @Test(arguments: [("0m0.000000s", Duration.zero), ("1m2.500000s", .milliseconds(62_500)), ("0m0.01s", .milliseconds(10))])
    func readsTheShellsTimeFormat(_ text: String, _ expected: Duration) {
        #expect(LauncherReport.shellTime(text) == expected)
    }

    @Test func aSignalStatusOfTheShellIsReadBackAsTheSignal() {
        #expect(Launcher.commandStatus(.exited(137)) == .signaled(9))
        #expect(Launcher.commandStatus(.exited(1)) == .exited(1))
        #expect(Launcher.commandStatus(.exited(128)) == .exited(128))
    }
}
