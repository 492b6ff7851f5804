import Foundation
import GRDB
import Testing
@testable import Progress

@Suite("Progress store on disk")
struct ProgressStoreFileTests {
    @Test("records survive closing and reopening the file")
    func reopen() throws {
        let directory = try ProgressFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try ProgressStore(dataDirectory: directory).record(ProgressFixtures.attempt(score: 8, band: "Proficient"))
        let reopened = try ProgressStore(dataDirectory: directory)
        #expect(try reopened.attempts().map(\.score) == [8])
    }

    @Test("the data directory is created when missing")
    func createsDirectory() throws {
        let parent = try ProgressFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let directory = parent.appendingPathComponent("a/b/lectern")
        _ = try ProgressStore(dataDirectory: directory)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("progress.sqlite").path))
    }

    @Test("the file database is in WAL mode")
    func walMode() throws {
        let directory = try ProgressFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try ProgressStore(dataDirectory: directory)
        let queue = try DatabaseQueue(path: DataDirectory.databaseURL(in: directory).path)
        #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test("the WAL file is kept after the store closes, so the next launch need not re-create it")
    func walFilePersists() throws {
        let directory = try ProgressFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            let store = try ProgressStore(dataDirectory: directory)
            try store.record(ProgressFixtures.attempt())
        }
        let wal = DataDirectory.databaseURL(in: directory).path + "-wal"
        #expect(FileManager.default.fileExists(atPath: wal))
        #expect(try ProgressStore(dataDirectory: directory).attempts().count == 1)
    }

    @Test("two connections writing at once both succeed, nothing lost")
    func concurrentWriters() async throws {
        let directory = try ProgressFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try ProgressStore(dataDirectory: directory)
        let second = try ProgressStore(dataDirectory: directory)
        let perWriter = 40
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (store, session) in [(first, "first"), (second, "second")] {
                group.addTask {
                    for index in 0..<perWriter {
                        try store.record(ProgressFixtures.attempt(session: session, minutesAfterStart: Double(index)))
                        try store.record(ProgressFixtures.grading(slug: session, minutesAfterStart: Double(index)))
                    }
                }
            }
            try await group.waitForAll()
        }
        let reader = try ProgressStore(dataDirectory: directory)
        #expect(try reader.attempts(sessionID: "first").count == perWriter)
        #expect(try reader.attempts(sessionID: "second").count == perWriter)
        #expect(try reader.gradings().count == 2 * perWriter)
    }

    @Test("a file that is not a database is reported as damaged and left untouched")
    func corruptFile() throws {
        let directory = try ProgressFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = DataDirectory.databaseURL(in: directory)
        let garbage = Data(repeating: 0x42, count: 4096)
        try garbage.write(to: file)
        let error = #expect(throws: ProgressStoreError.self) { try ProgressStore(dataDirectory: directory) }
        #expect(error?.reason == .corrupt)
        #expect(error?.description.contains(file.path) == true)
        #expect(try Data(contentsOf: file) == garbage)
    }

    @Test("a data directory that cannot be created is reported as unwritable")
    func directoryBlockedByFile() throws {
        let parent = try ProgressFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let blocker = parent.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let error = #expect(throws: ProgressStoreError.self) {
            try ProgressStore(dataDirectory: blocker.appendingPathComponent("lectern"))
        }
        #expect(error?.reason == .unwritable)
    }

    @Test("a read-only data directory is reported as unwritable", .enabled(if: getuid() != 0, "root may write anywhere"))
    func readOnlyDirectory() throws {
        let directory = try ProgressFixtures.temporaryDirectory()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)
            try? FileManager.default.removeItem(at: directory)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: directory.path)
        let error = #expect(throws: ProgressStoreError.self) { try ProgressStore(dataDirectory: directory) }
        #expect(error?.reason == .unwritable)
    }

    @Test("a database from a newer lectern is refused, not written to")
    func newerSchema() throws {
        let directory = try ProgressFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try ProgressStore(dataDirectory: directory)
        let queue = try DatabaseQueue(path: DataDirectory.databaseURL(in: directory).path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')") }
        try queue.close()
        let error = #expect(throws: ProgressStoreError.self) { try ProgressStore(dataDirectory: directory) }
        #expect(error?.reason == .newerSchema)
    }

    @Test("a database written before times and seeds were kept is migrated; its attempts read with neither")
    func migratesFirstSchema() throws {
        let directory = try ProgressFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = DataDirectory.databaseURL(in: directory).path
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        do {
            // The first lectern's schema and one of its rows, written as it wrote them.
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator.migrate(queue, upTo: "v1-grading")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO quizAttempt (attemptID, sessionID, sessionTitle, quizTitle, contentHash, answers, score,
                      total, bandLabel, isComplete, startedAt, finishedAt)
                    VALUES ('old', 's', 'S', 'Q', 'h', '[{"question":1,"chosen":"A","correct":"A","isCorrect":true}]', 1, 1,
                      'Perfect', 1, '2026-01-01 10:00:00.000', '2026-01-01 10:01:00.000')
                    """)
            }
            try queue.close()
        }
        let store = try ProgressStore(dataDirectory: directory)
        let old = try #require(try store.attempts().first)
        #expect(old.attemptID == "old")
        #expect(old.durationSeconds == nil)
        #expect(old.shuffleSeed == nil)
        #expect(old.answers.first?.seconds == nil)
        #expect(old.answers.first?.revealed == nil)
        let summary = try #require(try store.summary().sessions.first)
        #expect(summary.bestDurationSeconds == nil)
        #expect(summary.totalDurationSeconds == nil)
        var new = ProgressFixtures.attempt(session: "s")
        new.durationSeconds = 42
        new.shuffleSeed = String(UInt64.max)
        try store.record(new)
        #expect(try store.attempts(sessionID: "s").last?.shuffleSeed == String(UInt64.max))
    }
}
