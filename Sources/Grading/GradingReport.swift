import Foundation

/// The verdict on one hidden test.
public enum TestStatus: String, Sendable, Codable, Equatable {
    /// Observed, and every check passed.
    case pass
    /// Observed, and a check failed.
    case fail
    /// No observation, or the scenario raised.
    case error
}

/// How a run as a whole ended (docs/grading-protocol.md, Verdicts).
public enum GradeStatus: String, Sendable, Codable, Equatable {
    /// The tests ran; each test has its own verdict.
    case graded
    /// The submission did not compile or import (see the report's message), or is missing.
    case error
    /// The run hit its wall-time limit.
    case timeout
    /// The run hit its CPU-time limit.
    case cpuTime = "cpu_time"
    /// The run hit its memory limit.
    case memory
    /// The run wrote more output than its limit.
    case output
    /// The run filled its disk quota.
    case disk
    /// The run started more processes or threads than its limit.
    case processes

    /// Whether a sandbox limit ended the run.
    public var isLimit: Bool { self != .graded && self != .error }

    /// How a report says what happened, for limit statuses.
    public var limitExplanation: String? {
        switch self {
        case .graded, .error: nil
        case .timeout: "the run took longer than its time limit and was stopped"
        case .cpuTime: "the run used more CPU time than its limit and was stopped"
        case .memory: "the run ran out of memory (past its memory limit)"
        case .output: "the run printed more than its output limit and was stopped"
        case .disk: "the run wrote more to disk than its limit"
        case .processes: "the run started more processes or threads than its limit"
        }
    }
}

/// One test's result as a learner sees it: its name, never its code.
public struct TestResult: Sendable, Codable, Equatable {
    /// The scenario id (stable, for tooling).
    public var id: String
    /// The learner-facing name from expectations.json.
    public var name: String
    public var group: String
    public var status: TestStatus
    /// What was expected and what happened (nil on a pass).
    public var message: String?
    /// A sequence of operations on which the submission differs from the reference, shrunk
    /// and written out step by step with what was expected and what happened at the first
    /// difference (several lines; nil unless a differential scenario failed this test).
    public var scenario: String?
    public var points: Double
    public var maxPoints: Double

    public init(id: String, name: String, group: String, status: TestStatus, message: String?, scenario: String? = nil,
                points: Double, maxPoints: Double) {
        self.id = id
        self.name = name
        self.group = group
        self.status = status
        self.message = message
        self.scenario = scenario
        self.points = points
        self.maxPoints = maxPoints
    }
}

/// The differential scenarios a grading ran (docs/grading-protocol.md): the fixed seeds of
/// the exercise version and the fresh ones, so a grading can be replayed with `--seeds`.
public struct DifferentialRecord: Sendable, Codable, Equatable {
    /// The exercise's differential version (it names the fixed seeds).
    public var version: String
    public var fixedSeeds: Int
    public var freshSeeds: [UInt64]
    /// Sequences compared with the reference, and those on which the submission differs.
    public var compared: Int
    public var diverged: Int

    public init(version: String, fixedSeeds: Int, freshSeeds: [UInt64], compared: Int, diverged: Int) {
        self.version = version
        self.fixedSeeds = fixedSeeds
        self.freshSeeds = freshSeeds
        self.compared = compared
        self.diverged = diverged
    }
}

/// One group's score.
public struct GroupResult: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    public var points: Double
    public var maxPoints: Double
    public var passed: Int
    public var total: Int
}

/// Everything known about one grading: what every format renders and the progress store keeps.
public struct GradingReport: Sendable, Codable, Equatable {
    /// The schema of lectern's JSON report (docs/grading.md).
    public static let schema = "lectern-grade/1"

    public var schema: String = GradingReport.schema
    /// The exercise's slug and title.
    public var exercise: String
    public var exerciseTitle: String
    public var track: String
    /// The submission as the learner named it (a file or folder name, or a batch id).
    public var submission: String
    public var status: GradeStatus
    /// Why the run is not fully graded: the compiler's or interpreter's message in the
    /// learner's own file names and lines, or the limit that stopped the run.
    public var message: String?
    public var score: Double
    public var maxScore: Double
    public var groups: [GroupResult]
    public var tests: [TestResult]
    /// The learner code's own stdout and stderr (bounded, harness frames removed). Never evidence.
    public var output: String
    /// Things the reader must know: no sandbox was used, the channel was tampered with, ….
    public var warnings: [String]
    /// The differential scenarios run, when the exercise has them.
    public var differential: DifferentialRecord?
    /// The sandbox that ran the code ("bubblewrap", "none (--no-sandbox)").
    public var sandbox: String
    /// Seconds from the start of grading to its end.
    public var duration: Double

    public init(exercise: String, exerciseTitle: String, track: String, submission: String, status: GradeStatus,
                message: String?, groups: [GroupResult], tests: [TestResult], output: String, warnings: [String],
                sandbox: String, duration: Double, differential: DifferentialRecord? = nil) {
        self.exercise = exercise
        self.exerciseTitle = exerciseTitle
        self.track = track
        self.submission = submission
        self.status = status
        self.message = message
        self.groups = groups
        self.tests = tests
        self.output = output
        self.warnings = warnings
        self.sandbox = sandbox
        self.duration = duration
        self.differential = differential
        self.score = Points.round(groups.reduce(0) { $0 + $1.points })
        self.maxScore = Points.round(groups.reduce(0) { $0 + $1.maxPoints })
    }

    /// Whether every test passed and the score is full marks.
    public var isFullMarks: Bool { status == .graded && !tests.isEmpty && tests.allSatisfy { $0.status == .pass } }

    public var passedCount: Int { tests.filter { $0.status == .pass }.count }
    public var failedCount: Int { tests.filter { $0.status == .fail }.count }
    public var erroredCount: Int { tests.filter { $0.status == .error }.count }
}

/// Points are shown and stored to two decimals.
enum Points {
    static func round(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    static func format(_ value: Double) -> String {
        let rounded = round(value)
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.2f", rounded).replacingOccurrences(of: #"0$"#, with: "", options: .regularExpression)
    }
}
