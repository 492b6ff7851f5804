import Course
import Foundation

/// Which differential scenarios a grading runs: the exercise version's fixed seeds, then the
/// fresh ones (docs/grading-protocol.md, Differential scenarios). A seed names a program the
/// harness generates; a program may also be given outright (the shrinker's candidates).
public struct DifferentialPlan: Sendable, Equatable {
    /// One scenario: its id on the channel and what the harness runs.
    public struct Item: Sendable, Equatable {
        public var id: String
        public var source: Source

        public enum Source: Sendable, Equatable {
            case seed(UInt64)
            case program(JSONValue)
        }
    }

    public var items: [Item]
    /// The seeds of the exercise version (reference traces may be cached for these).
    public var fixedSeeds: [UInt64]
    /// The seeds drawn for this grading (recorded in the report).
    public var freshSeeds: [UInt64]

    /// Every seed's scenario id is `diff:<seed>`.
    public static let prefix = "diff:"

    /// The plan of a grading: the fixed seeds of `settings`' version for this exercise and
    /// track, then `fresh` (drawn at random when nil, `settings.freshSeeds` of them).
    public init(settings: DifferentialSettings, exercise: String, track: String, fresh: [UInt64]? = nil) {
        fixedSeeds = Self.fixedSeeds(settings, exercise: exercise, track: track)
        freshSeeds = fresh ?? Self.drawSeeds(settings.freshSeeds)
        var seen: Set<UInt64> = []
        items = (fixedSeeds + freshSeeds).filter { seen.insert($0).inserted }.map {
            Item(id: Self.prefix + String($0), source: .seed($0))
        }
    }

    /// A plan of given programs (the shrinker's candidates), ids `diff:p0`, `diff:p1`, ….
    public init(programs: [JSONValue]) {
        fixedSeeds = []
        freshSeeds = []
        items = programs.enumerated().map { Item(id: "\(Self.prefix)p\($0.offset)", source: .program($0.element)) }
    }

    /// A plan of these scenarios (the reference's runs take the ones not in the cache).
    init(items: [Item]) {
        fixedSeeds = []
        freshSeeds = []
        self.items = items
    }

    public var ids: [String] { items.map(\.id) }

    /// The request line the harness reads from stdin after the nonce.
    public func requestLine(annotate: Bool) -> String {
        var programs: [String: JSONValue] = [:]
        for item in items {
            switch item.source {
            case .seed(let seed): programs[item.id] = .object(["seed": .number(Double(seed))])
            case .program(let program): programs[item.id] = .object(["program": program])
            }
        }
        let request = JSONValue.object(["differential": .object(programs), "annotate": .bool(annotate)])
        return request.compactJSON
    }

    /// Seeds stay below 2^31 so that they read well and survive any JSON number type.
    public static let seedLimit: UInt64 = 1 << 31

    /// The fixed seeds: SHA-256 of the exercise, track, version and index, so they are the
    /// same on every machine and change only with the version.
    static func fixedSeeds(_ settings: DifferentialSettings, exercise: String, track: String) -> [UInt64] {
        (0..<settings.fixedSeeds).map { index in
            let digest = SHA256.digest(Array("lectern-differential/\(exercise)/\(track)/\(settings.version)/\(index)".utf8))
            return digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) } % seedLimit
        }
    }

    /// `count` seeds from the system's random source.
    public static func drawSeeds(_ count: Int) -> [UInt64] {
        var generator = SystemRandomNumberGenerator()
        return (0..<max(0, count)).map { _ in UInt64.random(in: 0..<seedLimit, using: &generator) }
    }
}

extension JSONValue {
    /// One line of JSON with sorted keys (for requests and caches).
    var compactJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
