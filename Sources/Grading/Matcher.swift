/// What one check expects of an observed value (docs/grading-protocol.md, expectations.json):
/// a literal compared exactly (numbers as doubles), or one of three matchers.
public enum Matcher: Sendable, Hashable, CustomStringConvertible {
    case literal(JSONValue)
    /// `{"$oneOf": [v1, v2, …]}`
    case oneOf([JSONValue])
    /// `{"$approx": x, "$tol": t}`
    case approx(Double, tolerance: Double)
    /// `{"$range": [lo, hi]}`
    case range(Double, Double)

    /// Whether `observed` (nil when the key was not observed) satisfies this matcher.
    /// An opaque `$repr` value never does, whatever it claims about itself.
    public func matches(_ observed: JSONValue?) -> Bool {
        guard let observed, !observed.containsOpaque else { return false }
        switch self {
        case .literal(let value): return value == observed
        case .oneOf(let values): return values.contains(observed)
        case .approx(let target, let tolerance):
            guard let number = observed.number, number.isFinite else { return false }
            return abs(number - target) <= tolerance
        case .range(let low, let high):
            guard let number = observed.number else { return false }
            return low <= number && number <= high
        }
    }

    /// How a failure message names what was expected.
    public var description: String {
        switch self {
        case .literal(let value): return value.description
        case .oneOf(let values): return "one of " + values.map(\.description).joined(separator: ", ")
        case .approx(let target, let tolerance):
            return "\(JSONValue.format(target)) ± \(JSONValue.format(tolerance))"
        case .range(let low, let high):
            return "a number from \(JSONValue.format(low)) to \(JSONValue.format(high))"
        }
    }

    /// The matcher an `expect` value denotes, or a reason it is malformed.
    static func from(_ value: JSONValue) -> Result<Matcher, MatcherError> {
        guard case .object(let members) = value, members.keys.contains(where: { $0.hasPrefix("$") }) else {
            return .success(.literal(value))
        }
        if let options = members["$oneOf"] {
            guard members.count == 1, case .array(let values) = options, !values.isEmpty else {
                return .failure(MatcherError("'$oneOf' takes a non-empty list of literals and nothing else"))
            }
            return .success(.oneOf(values))
        }
        if let target = members["$approx"] {
            guard let x = target.number, let tolerance = members["$tol"]?.number, tolerance >= 0,
                  members.count == 2 else {
                return .failure(MatcherError("'$approx' takes a number and '$tol', a non-negative number"))
            }
            return .success(.approx(x, tolerance: tolerance))
        }
        if let bounds = members["$range"] {
            guard members.count == 1, case .array(let pair) = bounds, pair.count == 2,
                  let low = pair[0].number, let high = pair[1].number, low <= high else {
                return .failure(MatcherError("'$range' takes [lo, hi], two numbers with lo ≤ hi"))
            }
            return .success(.range(low, high))
        }
        let known = "'$oneOf', '$approx' with '$tol', '$range'"
        return .failure(MatcherError("unknown matcher \(members.keys.sorted().joined(separator: ", ")) (known: \(known))"))
    }
}

/// Why an `expect` object is not a usable matcher.
struct MatcherError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
