import Foundation

/// A coding exercise, from `exercises/<slug>/exercise.yml` (see docs/grading-protocol.md).
public struct Exercise: Sendable {
    public var slug: String
    public var title: String
    /// The id of the session it belongs to.
    public var session: String?
    public var summary: String
    public var groups: [TestGroup]
    public var tracks: [Track]
    public var limits: ExerciseLimits
    /// Differential testing against the reference (exercise.yml's `differential:`), if any.
    public var differential: DifferentialSettings?
    public var directory: URL
    /// How diagnostics name the exercise folder.
    public var displayDirectory: String

    public init(slug: String, title: String, session: String?, summary: String, groups: [TestGroup], tracks: [Track],
                limits: ExerciseLimits, directory: URL, displayDirectory: String) {
        self.slug = slug
        self.title = title
        self.session = session
        self.summary = summary
        self.groups = groups
        self.tracks = tracks
        self.limits = limits
        self.directory = directory
        self.displayDirectory = displayDirectory
    }

    /// The learner-facing contract.
    public var readme: URL { directory.appendingPathComponent("README.md") }
    /// The contract as loaded and checked (links included), nil when the folder has none or it
    /// leads outside the folder: what every front end shows.
    public var readmePage: Page?

    public func track(named name: String) -> Track? {
        tracks.first { $0.name == name }
    }

    /// The exercise folder, as a tree nothing is read from through a link leading out of it.
    public var tree: CourseTree { CourseTree(root: directory, noun: "the exercise folder") }

    /// Whether `file` of the exercise (its README, a starter) may be read, and so shown and
    /// published: only when it resolves inside the exercise folder, so a starter linked to
    /// /etc/shadow is never read. The loader and the site builder both decide by this.
    public func mayRead(_ file: URL) -> Bool {
        if case .inside = tree.resolve(file.path) { return true }
        return false
    }
}

/// A group of tests scored together ("Core behaviour", 70 points).
public struct TestGroup: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    public var points: Double

    public init(id: String, title: String, points: Double) {
        self.id = id
        self.title = title
        self.points = points
    }
}

/// One language track of an exercise, with its fixed folder layout.
public struct Track: Hashable, Sendable {
    /// `python` or `swift`.
    public var name: String
    /// The file a learner submits, e.g. `circuit_breaker.py`.
    public var entry: String
    /// Compile argv inside the sandbox (compiled tracks only).
    public var compile: [String]?
    /// Run argv inside the sandbox.
    public var run: [String]
    public var directory: URL
    /// The id prefix of README rules that apply to this track alone (`PY` for **PY3**);
    /// rules with no track's prefix apply to every track.
    public var rulePrefix: String?

    public init(name: String, entry: String, compile: [String]?, run: [String], directory: URL, rulePrefix: String? = nil) {
        self.name = name
        self.entry = entry
        self.compile = compile
        self.run = run
        self.directory = directory
        self.rulePrefix = rulePrefix
    }

    public var starter: URL { directory.appendingPathComponent("starter").appendingPathComponent(entry) }
    /// The starter's text as loaded (nil when missing, unreadable or outside the exercise
    /// folder): what the study site publishes.
    public var starterSource: String?
    public var reference: URL { directory.appendingPathComponent("reference").appendingPathComponent(entry) }
    /// Files copied into the sandbox beside the submission.
    public var harness: URL { directory.appendingPathComponent("tests/harness") }
    /// The judged checks; never enters the sandbox.
    public var expectations: URL { directory.appendingPathComponent("tests/expectations.json") }
    /// The folder of the track's mutants.
    public var mutants: URL { directory.appendingPathComponent("mutants") }

    /// The track's mutants: the `*.patch` files of ``mutants``, sorted by name. Each is a
    /// unified diff against the reference that plants one bug, described on its first line
    /// (docs/grading-protocol.md), so a change to the reference is made once, not per mutant.
    public var mutantPatches: [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: mutants.path)) ?? [])
            .filter { !$0.hasPrefix(".") && $0.hasSuffix(".patch") }
            .sorted()
            .map { mutants.appendingPathComponent($0) }
    }

    /// The file extension submissions of this track have.
    public var fileExtension: String { (entry as NSString).pathExtension }
}

/// Differential testing (exercise.yml's `differential:`, docs/grading-protocol.md): seeded
/// random programs the harness runs against the submission and, in a sandbox of its own,
/// against the reference; the grader compares their traces.
public struct DifferentialSettings: Hashable, Sendable {
    /// Names the programs' meaning: a new version gives new fixed seeds and a fresh cache.
    public var version: String = "1"
    /// Seeds every grading of this version runs (their reference traces may be cached).
    public var fixedSeeds: Int = 32
    /// Seeds drawn afresh for each grading unless `--seeds` says otherwise.
    public var freshSeeds: Int = 8
    /// The test a divergence no named test explains fails, and the group its points come from.
    public var testID: String = "behaves_like_reference"
    public var testName: String = "Behaves like the reference on random sequences of operations"
    public var group: String

    public init(group: String) {
        self.group = group
    }
}

/// Resource limits of one graded run, from exercise.yml's `limits:`.
public struct ExerciseLimits: Hashable, Sendable, Codable {
    public var wallSeconds: Double = 10
    public var cpuSeconds: Int = 10
    public var memoryMB: Int = 512
    public var processes: Int = 64
    public var outputKB: Int = 256
    public var diskMB: Int = 32
    public var compileWallSeconds: Double = 120
    public var compileMemoryMB: Int = 2048

    public init() {}
}
