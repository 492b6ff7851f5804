import Foundation
import GRDB
import GRDBSQLite

/// The learner's history: quiz attempts and exercise gradings in one SQLite database.
///
/// Opening migrates the schema; every write is one IMMEDIATE transaction, so two lectern
/// processes writing at once wait for each other (busy timeout) instead of failing, and an
/// interrupted command never leaves half a row. File databases use WAL mode.
public struct ProgressStore: Sendable {
    private let writer: any DatabaseWriter
    /// Where the database lives; nil in memory.
    public let path: String?

    /// Wraps an open database (tests pass an in-memory `DatabaseQueue`) and migrates it.
    public init(writer: any DatabaseWriter, path: String? = nil) throws {
        self.writer = writer
        self.path = path
        do {
            try Migrations.migrator.migrate(writer)
            let unknown = try writer.read { db in
                try Migrations.migrator.hasBeenSuperseded(db)
            }
            if unknown {
                throw ProgressStoreError(reason: .newerSchema, path: path ?? ":memory:", detail: "unknown migrations")
            }
        } catch {
            throw ProgressStoreError.classify(error, path: path ?? ":memory:")
        }
    }

    /// Opens (creating if needed) the database file at `url`, making its directory first.
    /// Throws `ProgressStoreError` when the place is unwritable or the file is damaged.
    public init(url: URL) throws {
        let path = url.path
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ProgressStoreError(reason: .unwritable, path: directory.path,
                                     detail: "the folder cannot be created")
        }
        if !FileManager.default.isWritableFile(atPath: directory.path) {
            throw ProgressStoreError(reason: .unwritable, path: path, detail: "the folder \(directory.path) is not writable")
        }
        if FileManager.default.fileExists(atPath: path), !FileManager.default.isWritableFile(atPath: path) {
            throw ProgressStoreError(reason: .unwritable, path: path, detail: "the file is read-only")
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: Self.configuration())
        } catch {
            throw ProgressStoreError.classify(error, path: path)
        }
        try self.init(writer: queue, path: path)
    }

    /// Opens the database file at `url` for reading only: nothing is created, migrated or
    /// written, so another user's read-only file or a read-only mount can be read. A file on
    /// a medium where SQLite cannot create its WAL index is opened as immutable; a file of an
    /// older schema is copied into memory and migrated there.
    public static func reading(_ url: URL) throws -> ProgressStore {
        let path = url.path
        do {
            var configuration = configuration()
            configuration.readonly = true
            let queue: DatabaseQueue
            do {
                let plain = try DatabaseQueue(path: path, configuration: configuration)
                _ = try plain.read { try $0.tableExists("grdb_migrations") }
                queue = plain
            } catch let error as DatabaseError
                where [.SQLITE_CANTOPEN, .SQLITE_READONLY].contains(error.resultCode.primaryResultCode) {
                // A WAL database whose -shm index cannot be created here (a read-only folder,
                // SQLITE_READONLY_CANTINIT): read it as immutable, which needs no index. Every
                // lectern run checkpoints on close, so the file holds every row; only a writer
                // that crashed could have left rows in the WAL, which this read does not see.
                queue = try DatabaseQueue(path: immutableURI(path), configuration: configuration)
            }
            let (complete, superseded) = try queue.read { db in
                (try Migrations.migrator.hasCompletedMigrations(db), try Migrations.migrator.hasBeenSuperseded(db))
            }
            if superseded {
                throw ProgressStoreError(reason: .newerSchema, path: path, detail: "unknown migrations")
            }
            if complete { return try ProgressStore(reader: queue, path: path) }
            // An older schema: migrate a copy in memory, never the file.
            let copy = try DatabaseQueue(configuration: Self.configuration())
            try queue.backup(to: copy)
            return try ProgressStore(writer: copy, path: path)
        } catch {
            throw ProgressStoreError.classify(error, path: path)
        }
    }

    /// A store over a database that is already at the current schema, for reading.
    private init(reader: DatabaseQueue, path: String) throws {
        self.writer = reader
        self.path = path
    }

    /// `file:` URI of `path` with `immutable=1` (Debian's SQLite accepts URI file names).
    static func immutableURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return "file:\(encoded)?immutable=1"
    }

    /// Opens the store in a data directory (see `DataDirectory.resolve`).
    public init(dataDirectory: URL) throws {
        try self.init(url: DataDirectory.databaseURL(in: dataDirectory))
    }

    /// A fresh, empty store in memory, with the same configuration and schema.
    public static func inMemory() throws -> ProgressStore {
        try ProgressStore(writer: DatabaseQueue(configuration: configuration()))
    }

    /// The connection settings every store shares.
    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        configuration.label = "lectern.progress"
        configuration.prepareDatabase { db in
            // Keep the WAL file when the last connection closes: each lectern run is short,
            // and re-creating the file (a write and an fsync) would cost every launch.
            var persist: Int32 = 1
            _ = sqlite3_file_control(db.sqliteConnection, nil, SQLITE_FCNTL_PERSIST_WAL, &persist)
        }
        return configuration
    }

    // MARK: Writes

    /// Saves an attempt in one transaction and returns it with its row id.
    @discardableResult
    public func record(_ attempt: AttemptRecord) throws -> AttemptRecord {
        try write { db in
            var saved = attempt
            try saved.insert(db)
            return saved
        }
    }

    /// Saves attempts recorded elsewhere (the study site's downloaded results) in one
    /// transaction, skipping any whose `attemptID` the store already holds: importing the same
    /// file twice adds nothing. Returns how many were added and how many were there already.
    public func importAttempts(_ attempts: [AttemptRecord]) throws -> (added: Int, alreadyThere: Int) {
        try write { db in
            var added = 0, present = 0
            for attempt in attempts {
                if try AttemptRecord.filter(Column("attemptID") == attempt.attemptID).fetchCount(db) > 0 {
                    present += 1
                    continue
                }
                var saved = attempt
                saved.id = nil
                try saved.insert(db)
                added += 1
            }
            return (added, present)
        }
    }

    /// Saves an attempt taken up again (`lectern quiz --resume`) over its own row, in one
    /// transaction: it stays one attempt, now with more answers.
    public func update(_ attempt: AttemptRecord) throws {
        try write { db in
            try attempt.update(db)
        }
    }

    /// Saves the reviews of one sitting in one transaction and returns them with their row ids.
    @discardableResult
    public func record(_ reviews: [ReviewRecord]) throws -> [ReviewRecord] {
        try write { db in
            try reviews.map { review in
                var saved = review
                try saved.insert(db)
                return saved
            }
        }
    }

    /// Saves a grading in one transaction and returns it with its row id.
    @discardableResult
    public func record(_ grading: GradingRecord) throws -> GradingRecord {
        try write { db in
            var saved = grading
            try saved.insert(db)
            return saved
        }
    }

    private func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw ProgressStoreError.classify(error, path: path ?? ":memory:")
        }
    }

    // MARK: Reads

    /// Every attempt, oldest first; only those of one session, one learner, when given.
    public func attempts(sessionID: String? = nil, learner: LearnerScope? = nil) throws -> [AttemptRecord] {
        try read { db in
            var request = AttemptRecord.order(AttemptRecord.Columns.finishedAt, Column("id"))
            if let sessionID { request = request.filter(AttemptRecord.Columns.sessionID == sessionID) }
            if let learner { request = request.filter(Self.matches(AttemptRecord.Columns.learner, learner)) }
            return try request.fetchAll(db)
        }
    }

    /// The most recent attempt that ended early, among `sessionIDs` (any session when nil),
    /// of one learner when given.
    public func lastIncompleteAttempt(sessionIDs: [String]? = nil, learner: LearnerScope? = nil) throws -> AttemptRecord? {
        try read { db in
            var request = AttemptRecord
                .filter(AttemptRecord.Columns.isComplete == false)
                .order(AttemptRecord.Columns.finishedAt.desc, Column("id").desc)
            if let sessionIDs { request = request.filter(sessionIDs.contains(AttemptRecord.Columns.sessionID)) }
            if let learner { request = request.filter(Self.matches(AttemptRecord.Columns.learner, learner)) }
            return try request.fetchOne(db)
        }
    }

    /// Every grading, oldest first; only those of one exercise, one learner, when given.
    public func gradings(exerciseSlug: String? = nil, learner: LearnerScope? = nil) throws -> [GradingRecord] {
        try read { db in
            var request = GradingRecord.order(GradingRecord.Columns.finishedAt, Column("id"))
            if let exerciseSlug { request = request.filter(GradingRecord.Columns.exerciseSlug == exerciseSlug) }
            if let learner { request = request.filter(Self.matches(GradingRecord.Columns.learner, learner)) }
            return try request.fetchAll(db)
        }
    }

    /// A learner's reviews, oldest first; only those of one session when given.
    public func reviews(learner: String, sessionID: String? = nil) throws -> [ReviewRecord] {
        try read { db in
            var request = ReviewRecord.filter(ReviewRecord.Columns.learner == learner)
                .order(ReviewRecord.Columns.reviewedAt, Column("id"))
            if let sessionID { request = request.filter(ReviewRecord.Columns.sessionID == sessionID) }
            return try request.fetchAll(db)
        }
    }

    /// Every learner named in the store, sorted.
    public func learners() throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT learner FROM quizAttempt WHERE learner IS NOT NULL
                UNION SELECT learner FROM grading WHERE learner IS NOT NULL
                UNION SELECT learner FROM review ORDER BY 1
                """)
        }
    }

    /// Per session and per exercise figures for `lectern progress`, sorted by id; one
    /// learner's when given.
    public func summary(learner: LearnerScope? = nil) throws -> ProgressSummary {
        ProgressSummary(
            sessions: Self.sessionSummaries(try attempts(learner: learner)),
            exercises: Self.exerciseSummaries(try gradings(learner: learner)))
    }

    private static func matches(_ column: Column, _ scope: LearnerScope) -> SQLExpression {
        scope.includesUnattributed ? (column == scope.name || column == nil) : column == scope.name
    }

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch {
            throw ProgressStoreError.classify(error, path: path ?? ":memory:")
        }
    }

    // MARK: Summaries

    static func sessionSummaries(_ attempts: [AttemptRecord]) -> [SessionProgress] {
        let bySession = Dictionary(grouping: attempts, by: \.sessionID)
        return bySession.keys.sorted().compactMap { sessionID in
            let all = bySession[sessionID]!
            guard let latest = all.last else { return nil }
            let current = all.filter { $0.contentHash == latest.contentHash }
            let complete = current.filter(\.isComplete)
            // Best: highest score; among equals, the earliest reached it.
            let best = complete.max { $0.score < $1.score || ($0.score == $1.score && $0.finishedAt > $1.finishedAt) }
            let timed = current.compactMap(\.durationSeconds)
            return SessionProgress(
                sessionID: sessionID,
                sessionTitle: latest.sessionTitle,
                quizTitle: latest.quizTitle,
                contentHash: latest.contentHash,
                attempts: current.count,
                completeAttempts: complete.count,
                earlierVersionAttempts: all.count - current.count,
                bestScore: best?.score,
                total: latest.total,
                bestBandLabel: best?.bandLabel,
                bestDurationSeconds: best?.durationSeconds,
                totalDurationSeconds: timed.isEmpty ? nil : timed.reduce(0, +),
                lastAttemptAt: latest.finishedAt)
        }
    }

    static func exerciseSummaries(_ gradings: [GradingRecord]) -> [ExerciseProgress] {
        let byExercise = Dictionary(grouping: gradings, by: \.exerciseSlug)
        return byExercise.keys.sorted().compactMap { slug in
            let all = byExercise[slug]!
            guard let latest = all.last else { return nil }
            let best = all.max { $0.score < $1.score } ?? latest
            return ExerciseProgress(
                exerciseSlug: slug,
                track: latest.track,
                gradings: all.count,
                bestScore: best.score,
                maxScore: best.maxScore,
                lastStatus: latest.status,
                lastGradedAt: latest.finishedAt)
        }
    }
}
