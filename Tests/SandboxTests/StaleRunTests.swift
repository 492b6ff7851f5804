import Foundation
import Glibc
import TestSupport
import Testing
@testable import Sandbox

/// A run's staging folder holds the hidden harness; a lectern killed with SIGKILL cannot
/// remove it, so the next run does (issue 11, item 12). "Stale" means its owner is dead, never
/// just "old": other lecterns on the machine, and other gradings of this one, run at the same
/// time, and their folders are kept.
@Suite(.serialized) struct StaleRunTests {
    /// A pid that was just used by a process that has ended, and its start time.
    func deadProcess() throws -> (pid: pid_t, start: UInt64) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sleep")
        process.arguments = ["0.2"]
        try process.run()
        let start = try #require(RunFolderName.startTime(of: process.processIdentifier))
        process.waitUntilExit()
        return (process.processIdentifier, start)
    }

    func folder(_ base: TemporaryFolder, _ name: String, withLock: Bool = false) throws -> URL {
        let url = base.url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.appendingPathComponent("input/harness"), withIntermediateDirectories: true)
        try Data("hidden".utf8).write(to: url.appendingPathComponent("input/harness/run.py"))
        if withLock { try Data().write(to: url.appendingPathComponent(RunFolderName.lockName)) }
        return url
    }

    @Test func aRunFolderIsPrivateNamedForItsOwnerAndLockedWhileItLives() throws {
        let base = TemporaryFolder()
        defer { base.remove() }
        let scratch = try ScratchDirectory(in: base.url.path)
        var info = stat()
        #expect(stat(scratch.url.path, &info) == 0 && info.st_mode & 0o777 == 0o700)
        let name = try #require(RunFolderName(scratch.url.lastPathComponent))
        #expect(name.pid == getpid())
        #expect(name.start == RunFolderName.startTime(of: getpid()))
        let lock = open(scratch.url.appendingPathComponent(RunFolderName.lockName).path, O_RDONLY | O_CLOEXEC)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX | LOCK_NB) != 0, "the run holds its lock")
        scratch.remove()
        #expect(!FileManager.default.fileExists(atPath: scratch.url.path))
    }

    @Test func theFolderOfADeadRunIsRemovedAndWhatStillUsesItIsKilled() async throws {
        let base = TemporaryFolder()
        defer { base.remove() }
        let dead = try deadProcess()
        let stale = try folder(base, "lectern-run-\(dead.pid)-\(dead.start)-AbC123", withLock: true)
        func sleeper(_ arguments: [String], in directory: URL? = nil) throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = ["-c", "import time; time.sleep(600)"] + arguments
            if let directory { process.currentDirectoryURL = directory }
            try process.run()
            return process
        }
        // SIGKILL, not terminate(): a child of a Swift concurrency thread inherits its blocked
        // SIGTERM, and a sleeper left behind holds the test runner's output open for ten minutes.
        var sleepers: [Process] = []
        defer { for process in sleepers where process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }
        // A bubblewrap orphaned in its first milliseconds binds the folder at /run/lectern; an
        // unsandboxed command runs in its work/; someone else merely names the folder.
        let orphan = try sleeper(["--ro-bind", stale.appendingPathComponent("stage").path, "/run/lectern"])
        try FileManager.default.createDirectory(at: stale.appendingPathComponent("work"), withIntermediateDirectories: true)
        let unsandboxed = try sleeper([], in: stale.appendingPathComponent("work"))
        let bystander = try sleeper([stale.path])
        sleepers = [orphan, unsandboxed, bystander]

        let removed = StaleRuns.sweep(in: base.url.path)
        #expect(removed == [stale.path])
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        for process in [orphan, unsandboxed] {
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        }
        #expect(bystander.isRunning)
    }

    @Test func aLiveRunsFolderIsKept() throws {
        let base = TemporaryFolder()
        defer { base.remove() }
        let live = try ScratchDirectory(in: base.url.path)
        defer { live.remove() }
        let me = try #require(RunFolderName.startTime(of: getpid()))
        let unlocked = try folder(base, "lectern-run-\(getpid())-\(me)-XyZ789")
        #expect(StaleRuns.sweep(in: base.url.path).isEmpty)
        #expect(FileManager.default.fileExists(atPath: live.url.path))
        #expect(FileManager.default.fileExists(atPath: unlocked.path))
    }

    @Test func aFolderWhoseLockIsHeldIsKeptWhateverItsName() throws {
        // A run in another pid namespace sharing /tmp: its pid means nothing here, its lock does.
        let base = TemporaryFolder()
        defer { base.remove() }
        let dead = try deadProcess()
        let held = try folder(base, "lectern-run-\(dead.pid)-\(dead.start)-Held01", withLock: true)
        let lock = open(held.appendingPathComponent(RunFolderName.lockName).path, O_RDONLY | O_CLOEXEC)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX) == 0)
        #expect(StaleRuns.sweep(in: base.url.path).isEmpty)
        #expect(FileManager.default.fileExists(atPath: held.path))
    }

    @Test func aReusedPidIsNotItsOwner() throws {
        let base = TemporaryFolder()
        defer { base.remove() }
        let me = try #require(RunFolderName.startTime(of: getpid()))
        let stale = try folder(base, "lectern-run-\(getpid())-\(me + 1)-Reused", withLock: true)
        #expect(StaleRuns.sweep(in: base.url.path) == [stale.path])
    }

    @Test func foldersNotNamedByThisLecternAreKept() throws {
        let base = TemporaryFolder()
        defer { base.remove() }
        let dead = try deadProcess()
        let names = ["lectern-run-SXNSa5", "lectern-run-\(dead.pid)-\(dead.start)", "lectern-runner-\(dead.pid)-\(dead.start)-AbC123",
                     "lectern-run-\(dead.pid)-x-AbC123"]
        for name in names { _ = try folder(base, name) }
        let file = base.url.appendingPathComponent("lectern-run-\(dead.pid)-\(dead.start)-File01")
        try Data().write(to: file)
        #expect(StaleRuns.sweep(in: base.url.path).isEmpty)
        for name in names { #expect(FileManager.default.fileExists(atPath: base.url.appendingPathComponent(name).path)) }
        #expect(FileManager.default.fileExists(atPath: file.path))
    }

    @Test func removingAStaleFolderNeverFollowsItsLinks() throws {
        let base = TemporaryFolder()
        defer { base.remove() }
        let victim = TemporaryFolder()
        defer { victim.remove() }
        try FileManager.default.createDirectory(at: victim.url.appendingPathComponent("keep"), withIntermediateDirectories: true)
        chmod(victim.url.path, 0o755)
        let dead = try deadProcess()
        let stale = try folder(base, "lectern-run-\(dead.pid)-\(dead.start)-Links1", withLock: true)
        try FileManager.default.createSymbolicLink(at: stale.appendingPathComponent("input/out"), withDestinationURL: victim.url)
        #expect(StaleRuns.sweep(in: base.url.path) == [stale.path])
        #expect(FileManager.default.fileExists(atPath: victim.url.appendingPathComponent("keep").path))
        var info = stat()
        #expect(stat(victim.url.path, &info) == 0 && info.st_mode & 0o777 == 0o755)
    }
}
