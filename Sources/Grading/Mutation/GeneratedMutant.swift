import Foundation

/// A mutant `lectern check` derives from a reference by an operator (docs/grading-protocol.md,
/// Generated mutants): one comparison, arithmetic or boolean operator swapped, one constant
/// changed, one statement left out, a value returned as none, two arguments swapped.
public struct GeneratedMutant: Sendable, Equatable {
    /// The operator: comparison, arithmetic, boolean, constant, statement, return, arguments.
    public var mutation: String
    /// The function (or type) the change is in, e.g. `CircuitBreaker._admit`; empty at top level.
    public var scope: String
    /// Tells apart mutants whose other parts are alike (the 2nd of two equal lines in one scope).
    public var occurrence = 1
    /// The reference's line that changes (1-based), and its text before and after, trimmed.
    public var line: Int
    public var before: String
    public var after: String
    /// The whole mutant source.
    public var source: String
    /// The mutant's number in a compiled mutant schema (Swift), nil when graded from `source`.
    public var schemaID: Int?

    public init(mutation: String, scope: String, line: Int, before: String, after: String, source: String, schemaID: Int? = nil) {
        self.mutation = mutation
        self.scope = scope
        self.line = line
        self.before = before
        self.after = after
        self.source = source
        self.schemaID = schemaID
    }

    /// How the equivalence file names the mutant: its operator, scope, and the line before and
    /// after, without the line number, so that an edit elsewhere in the reference keeps it.
    public var key: String {
        let place = scope.isEmpty ? "" : " in \(scope)"
        let nth = occurrence > 1 ? " (#\(occurrence))" : ""
        return "\(mutation)\(place)\(nth): \(before) ⇒ \(after.isEmpty ? "(deleted)" : after)"
    }

    /// Numbers the occurrences of mutants whose keys would otherwise be equal.
    static func numbered(_ mutants: [GeneratedMutant]) -> [GeneratedMutant] {
        var seen: [String: Int] = [:]
        return mutants.map { mutant in
            var mutant = mutant
            let key = mutant.key
            seen[key, default: 0] += 1
            mutant.occurrence = seen[key]!
            return mutant
        }
    }

    /// The mutant as a unified diff against the reference, with a line of context each side.
    public func diff(reference: String, path: String) -> String {
        let old = reference.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var first = 0
        while first < old.count, first < new.count, old[first] == new[first] { first += 1 }
        var oldEnd = old.count, newEnd = new.count
        while oldEnd > first, newEnd > first, old[oldEnd - 1] == new[newEnd - 1] {
            oldEnd -= 1
            newEnd -= 1
        }
        let start = max(0, first - 1)
        let oldStop = min(old.count, oldEnd + 1), newStop = min(new.count, newEnd + 1)
        var lines = ["--- \(path)", "+++ mutant", "@@ -\(start + 1),\(oldStop - start) +\(start + 1),\(newStop - start) @@"]
        lines += old[start..<first].map { " " + $0 }
        lines += old[first..<oldEnd].map { "-" + $0 }
        lines += new[first..<newEnd].map { "+" + $0 }
        lines += old[oldEnd..<oldStop].map { " " + $0 }
        return lines.joined(separator: "\n")
    }
}

/// `mutants/equivalent.txt`: generated mutants that behave exactly like the reference, each
/// with the reason a reviewer can check. Entries are separated by blank lines:
///
///     mutant: comparison: if value < 0 ⇒ if value <= 0
///     reason: value == 0 is rejected by the next clause whenever it would matter.
///
/// `#` starts a comment line; a reason may go on over further indented lines.
public struct EquivalentMutants: Sendable {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var reason: String
        public var line: Int
    }

    public var entries: [Entry]

    /// The entries of `url`; problems (an entry without a reason) as messages with lines.
    public static func load(_ url: URL) -> (EquivalentMutants, [(line: Int, message: String)]) {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return (EquivalentMutants(entries: []), []) }
        var entries: [Entry] = []
        var problems: [(Int, String)] = []
        var key: (String, Int)?
        var reason: String?
        func close() {
            if let (mutant, line) = key {
                if let reason, !reason.isEmpty {
                    entries.append(Entry(key: mutant, reason: reason, line: line))
                } else {
                    problems.append((line, "the equivalent mutant '\(mutant)' has no 'reason:'"))
                }
            }
            key = nil
            reason = nil
        }
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") { continue }
            if line.isEmpty {
                close()
            } else if line.hasPrefix("mutant:") {
                close()
                key = (line.dropFirst("mutant:".count).trimmingCharacters(in: .whitespaces), index + 1)
            } else if line.hasPrefix("reason:") {
                reason = line.dropFirst("reason:".count).trimmingCharacters(in: .whitespaces)
            } else if reason != nil, raw.first == " " {
                reason! += " " + line
            } else {
                problems.append((index + 1, "expected 'mutant: …' or 'reason: …', found '\(line.prefix(60))'"))
            }
        }
        close()
        return (EquivalentMutants(entries: entries), problems)
    }

    public func reason(for mutant: GeneratedMutant) -> String? {
        entries.first { $0.key == mutant.key }?.reason
    }
}
