import GRDB

/// The store's schema as append-only migrations: never edit a shipped one, add a new one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-quizAttempt") { db in
            try db.create(table: "quizAttempt") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("attemptID", .text).notNull().unique()
                t.column("sessionID", .text).notNull()
                t.column("sessionTitle", .text).notNull()
                t.column("quizTitle", .text).notNull()
                t.column("contentHash", .text).notNull()
                t.column("answers", .jsonText).notNull()
                t.column("score", .integer).notNull()
                t.column("total", .integer).notNull()
                t.column("bandLabel", .text)
                t.column("isComplete", .boolean).notNull()
                t.column("startedAt", .datetime).notNull()
                t.column("finishedAt", .datetime).notNull()
            }
            try db.create(index: "quizAttempt_on_session", on: "quizAttempt", columns: ["sessionID", "finishedAt"])
        }
        migrator.registerMigration("v1-grading") { db in
            try db.create(table: "grading") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("exerciseSlug", .text).notNull()
                t.column("track", .text).notNull()
                t.column("submissionPath", .text).notNull()
                t.column("submissionHash", .text).notNull()
                t.column("status", .text).notNull()
                t.column("score", .double).notNull()
                t.column("maxScore", .double).notNull()
                t.column("reportJSON", .jsonText).notNull()
                t.column("startedAt", .datetime).notNull()
                t.column("finishedAt", .datetime).notNull()
                t.column("duration", .double).notNull()
            }
            try db.create(index: "grading_on_exercise", on: "grading", columns: ["exerciseSlug", "finishedAt"])
        }
        // `lectern quiz --resume` rebuilds a shuffled attempt from its seed (as decimal text:
        // SQLite integers are signed, a seed is any UInt64); the time taken is kept per
        // attempt here and per answer in `answers`. Older rows have neither.
        migrator.registerMigration("v2-quizAttempt-resume-and-duration") { db in
            try db.alter(table: "quizAttempt") { t in
                t.add(column: "shuffleSeed", .text)
                t.add(column: "durationSeconds", .double)
            }
            try db.create(index: "quizAttempt_on_incomplete", on: "quizAttempt", columns: ["isComplete", "finishedAt"])
        }
        // Learners: one store can hold a class. Rows recorded before have no learner (NULL).
        migrator.registerMigration("v2-learner") { db in
            try db.alter(table: "quizAttempt") { t in t.add(column: "learner", .text) }
            try db.alter(table: "grading") { t in t.add(column: "learner", .text) }
            try db.create(index: "quizAttempt_on_learner", on: "quizAttempt", columns: ["learner", "sessionID"])
        }
        // Spaced review (`lectern review`): one row per question asked, the FSRS rating it earned.
        migrator.registerMigration("v2-review") { db in
            try db.create(table: "review") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("learner", .text).notNull()
                t.column("sessionID", .text).notNull()
                t.column("question", .integer).notNull()
                t.column("questionHash", .text).notNull()
                t.column("chosen", .text).notNull()
                t.column("correct", .text).notNull()
                t.column("rating", .integer).notNull()
                t.column("reviewedAt", .datetime).notNull()
            }
            try db.create(index: "review_on_learner", on: "review", columns: ["learner", "sessionID", "reviewedAt"])
        }
        return migrator
    }
}
