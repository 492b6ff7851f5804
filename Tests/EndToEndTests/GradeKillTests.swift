import Foundation
import Testing
import TestSupport

/// `kill -9` of lectern in the middle of a grading (issue 11, item 12): nothing of that run may
/// keep running, and the next run removes its staging folder (which holds the hidden
/// harness), but never the folder of a grading that is still going on.
@Suite("A lectern killed mid-grading leaves nothing running, and the next run removes its folder", GradeSupport.needsSandbox)
struct GradeKillTests {
    /// A submission that sleeps at import until the sandbox's wall time stops it: it swallows
    /// the harness's own import alarm (5 s).
    static let sleeper = "import time\nwhile True:\n    try:\n        time.sleep(0.05)\n    except BaseException:\n        pass\n"

    /// The parent pid of every live process (zombies excepted), by pid.
    static func liveProcesses() -> [pid_t: pid_t] {
        var parents: [pid_t: pid_t] = [:]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(entry), let status = try? String(contentsOfFile: "/proc/\(entry)/status", encoding: .utf8) else { continue }
            var parent: pid_t?
            var zombie = false
            for line in status.split(separator: "\n") {
                if line.hasPrefix("PPid:") { parent = pid_t(line.dropFirst(5).trimmingCharacters(in: .whitespaces)) }
                if line.hasPrefix("State:") { zombie = line.contains("Z") || line.contains("X") }
            }
            if let parent, !zombie { parents[pid] = parent }
        }
        return parents
    }

    /// Every live process descended from `root`.
    static func descendants(of root: pid_t) -> Set<pid_t> {
        let parents = liveProcesses()
        var found: Set<pid_t> = []
        var frontier: Set<pid_t> = [root]
        while !frontier.isEmpty {
            let children = Set(parents.filter { frontier.contains($0.value) }.keys).subtracting(found)
            found.formUnion(children)
            frontier = children
        }
        return found
    }

    static func commandLine(_ pid: pid_t) -> [String] {
        guard let raw = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return [] }
        return raw.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The staging folders (the host side of bubblewrap's `--ro-bind … /run/lectern`) of the
    /// sandboxes lectern `pid` runs now.
    static func stagingFolders(of pid: pid_t) -> [String] {
        descendants(of: pid).compactMap { child in
            let argv = commandLine(child)
            return argv.indices.first(where: { argv[$0] == "/run/lectern" && $0 >= 2 && argv[$0 - 2] == "--ro-bind" })
                .map { argv[$0 - 1] }
        }
    }

    /// The staging folder of the sandbox in which lectern `pid` runs the learner's `file`: the
    /// reference, which grades beside it in a sandbox of its own, ends in a moment and removes
    /// its folder, so only the learner's sandbox is sure to outlast the checks. Polls with
    /// blocking sleeps, so a busy test process (whose async tasks may wait long for a thread)
    /// cannot make it give up early.
    static func learnerStagingFolder(of pid: pid_t, running file: Data) throws -> String {
        for _ in 0..<6000 {
            if let folder = stagingFolders(of: pid).first(where: {
                FileManager.default.contents(atPath: $0 + "/input/submission/circuit_breaker.py") == file
            }) {
                return folder
            }
            usleep(20_000)
        }
        throw KillTestError(description: "lectern \(pid) never started a sandbox for the learner's file")
    }

    struct KillTestError: Error, CustomStringConvertible { var description: String }

    /// `lectern grade EXERCISE FILE --no-record` started in the background, with `temporary`
    /// as its TMPDIR.
    static func startGrading(_ exercise: String, _ file: URL, temporary: URL) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = LecternProcess.binary
        process.arguments = ["grade", exercise, file.path, "--no-record"]
        process.currentDirectoryURL = LecternProcess.repository
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary.path]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, output)
    }

    @Test func killingLecternMidGradingLeavesNothingAndTheNextRunRemovesOnlyItsFolder() throws {
        let folder = try GradeSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sleeper = folder.appendingPathComponent("sleeper.py")
        try Data(Self.sleeper.utf8).write(to: sleeper)
        // The exercise with a 20 s wall time, so the live grading below outlasts the checks
        // however busy the machine is.
        let exercise = folder.appendingPathComponent("circuit-breaker")
        try FileManager.default.copyItem(at: LecternProcess.repository.appendingPathComponent("exercises/circuit-breaker"), to: exercise)
        let settings = exercise.appendingPathComponent("exercise.yml")
        let yaml = try String(contentsOf: settings, encoding: .utf8)
        try #require(yaml.contains("wall_seconds: 10\n"))
        try Data(yaml.replacingOccurrences(of: "wall_seconds: 10\n", with: "wall_seconds: 20\n").utf8).write(to: settings)

        // This test's gradings keep their run folders in a temporary folder of their own: every
        // grading removes the stale run folders it finds, and the other end-to-end tests, which
        // grade at the same time, would otherwise remove the killed run's before the checks.
        let temporary = folder.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let learnerFile = Data(Self.sleeper.utf8)
        let (killed, _) = try Self.startGrading(exercise.path, sleeper, temporary: temporary)
        let killedFolder = try Self.learnerStagingFolder(of: killed.processIdentifier, running: learnerFile)
        let ofTheRun = Self.descendants(of: killed.processIdentifier)
        #expect(!ofTheRun.isEmpty)
        kill(killed.processIdentifier, SIGKILL)
        killed.waitUntilExit()

        // Nothing of the killed run keeps running (zombies waiting for init to reap them aside).
        var left = ofTheRun.intersection(Self.liveProcesses().keys)
        for _ in 0..<500 where !left.isEmpty {
            usleep(20_000)
            left = ofTheRun.intersection(Self.liveProcesses().keys)
        }
        #expect(left.isEmpty, "still running: \(left.map { "\($0): \(Self.commandLine($0).prefix(3).joined(separator: " "))" })")
        #expect(FileManager.default.fileExists(atPath: killedFolder), "the killed run's folder is there until the next run")

        // A grading that is going on meanwhile, as another user's or another batch job's.
        let (live, liveOutput) = try Self.startGrading(exercise.path, sleeper, temporary: temporary)
        let liveFolder = try Self.learnerStagingFolder(of: live.processIdentifier, running: learnerFile)

        // The next run removes the dead run's folder, and keeps the live one's.
        let broken = folder.appendingPathComponent("broken.py")
        try Data("def broken(:\n".utf8).write(to: broken)
        let next = try LecternProcess.run(["grade", "circuit-breaker", broken.path, "--no-record"], environment: ["TMPDIR": temporary.path])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(!FileManager.default.fileExists(atPath: killedFolder), "the next run removes \(killedFolder)")
        let liveFolderKept = FileManager.default.fileExists(atPath: liveFolder)
        // Only if its sandbox still runs after that look was the folder in use all along.
        try #require(Self.stagingFolders(of: live.processIdentifier).contains(liveFolder),
                     "the live grading's sandbox must still run for the check to mean anything")
        #expect(liveFolderKept, "a live run's folder is kept")

        let report = String(decoding: liveOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        live.waitUntilExit()
        #expect(live.terminationStatus == 0)
        #expect(report.contains("timeout"), "\(report)")
        #expect(!FileManager.default.fileExists(atPath: liveFolder), "a finished run removes its own folder")
    }
}
