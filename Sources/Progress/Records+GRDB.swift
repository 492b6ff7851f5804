import GRDB

// The rows of the store. Nested Codable values (an attempt's answers) are stored as JSON text.

extension AttemptRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "quizAttempt"

    /// The columns queries filter and sort on.
    public enum Columns {
        public static let sessionID = Column("sessionID")
        public static let contentHash = Column("contentHash")
        public static let finishedAt = Column("finishedAt")
        public static let isComplete = Column("isComplete")
        public static let learner = Column("learner")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension GradingRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "grading"

    /// The columns queries filter and sort on.
    public enum Columns {
        public static let exerciseSlug = Column("exerciseSlug")
        public static let finishedAt = Column("finishedAt")
        public static let learner = Column("learner")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension ReviewRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "review"

    /// The columns queries filter and sort on.
    public enum Columns {
        public static let learner = Column("learner")
        public static let sessionID = Column("sessionID")
        public static let reviewedAt = Column("reviewedAt")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
