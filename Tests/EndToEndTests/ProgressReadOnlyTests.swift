import Foundation
import Testing
import TestSupport

/// `lectern progress` reads a store it cannot write: another user's 0444 file in a folder
/// they cannot write, and a read-only mount. Root ignores file permissions, so as root the
/// permission cases run lectern as `nobody` (setpriv), and the mount case uses a real
/// read-only bind mount (bubblewrap).
@Suite("lectern progress on a read-only database")
struct ProgressReadOnlyTests {
    static let key = "D,D,A,A,C,C,D,B,A,C"

    /// A data directory holding one attempt by `ada`, made by a real `lectern quiz`.
    static func storeWithOneAttempt() throws -> URL {
        let data = QuizProcess.dataDirectory()
        let quiz = try QuizProcess.run(["quiz", "--answers", key, "--learner", "ada", "--data-dir", data.path])
        #expect(quiz.exitCode == 0, "\(quiz.stderr)")
        return data
    }

    /// Makes the folder and everything in it read-only (0444 files, a 0555 folder).
    static func makeReadOnly(_ directory: URL) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: directory.appendingPathComponent(name).path)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
    }

    static func remove(_ directory: URL) {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
        try? FileManager.default.removeItem(at: directory)
    }

    /// `lectern ARGUMENTS`, as `nobody` when this test runs as root (else as the caller, whom
    /// the 0444 permissions already bind).
    static func runAsOtherUser(_ arguments: [String]) throws -> QuizProcessResult {
        guard getuid() == 0 else { return try QuizProcess.run(arguments) }
        return try Command.run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "--",
                                                    LecternProcess.binary.path] + arguments)
    }

    @Test("another user's 0444 database, with its WAL files, in a folder they cannot write")
    func otherUsersReadOnlyFile() throws {
        let data = try Self.storeWithOneAttempt()
        defer { Self.remove(data) }
        try Self.makeReadOnly(data)
        let before = try FileManager.default.contentsOfDirectory(atPath: data.path).sorted()
        let run = try Self.runAsOtherUser(["progress", "--learner", "ada", "--data-dir", data.path])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("1 attempt, best 10/10 (100%) Expert level"))
        #expect(run.stderr.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.path).sorted() == before)
    }

    @Test("a read-only database file alone, without WAL files, in a folder nobody can write to")
    func readOnlyFileWithoutWALFiles() throws {
        let data = try Self.storeWithOneAttempt()
        defer { Self.remove(data) }
        for suffix in ["-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: data.appendingPathComponent("progress.sqlite" + suffix).path)
        }
        try Self.makeReadOnly(data)
        let run = try Self.runAsOtherUser(["progress", "--learner", "ada", "--format", "json", "--data-dir", data.path])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["learner"] as? String == "ada")
        #expect((json["sessions"] as? [[String: Any]])?.first?["bestScore"] as? Int == 10)
    }

    @Test("a database on a read-only mount", .enabled(if: Command.bubblewrapWorks, "bubblewrap cannot make mounts here"))
    func readOnlyMount() throws {
        let data = try Self.storeWithOneAttempt()
        defer { Self.remove(data) }
        let run = try Command.run("/usr/bin/bwrap", ["--dev-bind", "/", "/", "--ro-bind", data.path, data.path, "--",
                                                     LecternProcess.binary.path, "progress", "--learner", "ada", "--data-dir", data.path])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("1 attempt, best 10/10 (100%) Expert level"))
    }
}

/// Runs any executable, capturing what it prints.
enum Command {
    static func run(_ executable: String, _ arguments: [String]) throws -> QuizProcessResult {
        let result = try LecternProcess.run(executable: URL(fileURLWithPath: executable), arguments)
        return QuizProcessResult(stdout: result.stdout, stderr: result.stderr, exitCode: result.status)
    }

    /// Whether bubblewrap can make a read-only bind mount on this machine.
    static let bubblewrapWorks: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/bwrap") else { return false }
        return (try? run("/usr/bin/bwrap", ["--dev-bind", "/", "/", "--ro-bind", "/tmp", "/tmp", "--", "/bin/true"]).exitCode) == 0
    }()
}
