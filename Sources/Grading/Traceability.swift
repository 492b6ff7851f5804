import Course
import Foundation

/// Rules and traceability (docs/grading-protocol.md): when an exercise's README gives its
/// rules ids, every test of every track must name the rules it checks, every rule must have a
/// test in each track it applies to, and the README's "Rules and their tests" listing must say
/// exactly which tests those are. `lectern check` runs this on every exercise.
public enum Traceability {
    public static func check(_ exercise: Exercise) -> [Diagnostic] {
        guard let markdown = try? String(contentsOf: exercise.readme, encoding: .utf8) else { return [] }
        let parsed = ExerciseRules.parse(markdown)
        guard !parsed.rules.isEmpty else { return [] }
        let readme = "\(exercise.displayDirectory)/README.md"
        var diagnostics: [Diagnostic] = []
        var seen: [String: Int] = [:]
        for rule in parsed.rules {
            if let first = seen[rule.id] {
                diagnostics.append(.error(readme, (rule.line, 1), "rule \(rule.id) is defined twice (first on line \(first))"))
            } else {
                seen[rule.id] = rule.line
            }
        }
        func owner(_ rule: String) -> String? {
            exercise.tracks.first { track in track.rulePrefix.map { rule.hasPrefix($0) && rule.dropFirst($0.count).allSatisfy(\.isNumber) } ?? false }?.name
        }
        // rule → test id → the tracks naming it
        var named: [String: [String: [String]]] = [:]
        var tracksChecked: [String] = []
        for track in exercise.tracks.sorted(by: { $0.name < $1.name }) {
            let path = "\(exercise.displayDirectory)/\(track.name)/tests/expectations.json"
            var ignored: [Diagnostic] = []
            guard let expectations = ExpectationsLoader.load(track.expectations, displayPath: path, groups: exercise.groups,
                                                             diagnostics: &ignored) else { continue }
            tracksChecked.append(track.name)
            let text = (try? String(contentsOf: track.expectations, encoding: .utf8)) ?? ""
            let locate = Locator(text: text)
            for test in expectations.tests {
                let position = locate("\"id\": \(JSONValue.quote(test.id))")
                if test.rules.isEmpty {
                    diagnostics.append(.error(path, position, "test '\(test.id)' names no rule of README.md (\"rules\": [...])"))
                }
                for rule in test.rules {
                    if seen[rule] == nil {
                        diagnostics.append(.error(path, position, "test '\(test.id)' names rule \(rule), which README.md does not define"))
                    } else if let owner = owner(rule), owner != track.name {
                        diagnostics.append(.error(path, position, "test '\(test.id)' names rule \(rule), which is track \(owner)'s alone"))
                    } else {
                        named[rule, default: [:]][test.id, default: []].append(track.name)
                    }
                }
            }
            for rule in parsed.rules where seen[rule.id] == rule.line && (owner(rule.id) ?? track.name) == track.name {
                if named[rule.id]?.values.contains(where: { $0.contains(track.name) }) != true {
                    diagnostics.append(.error(readme, (rule.line, 1), "rule \(rule.id) has no test in track '\(track.name)': add a test that checks it, with \"rules\": [\"\(rule.id)\"]"))
                }
            }
        }
        diagnostics += checkListing(parsed, named: named, readme: readme) { rule in
            owner(rule).map { [$0] } ?? tracksChecked
        }
        return diagnostics
    }

    /// The listing must hold one item per rule naming exactly its tests; a test some of the
    /// tracks the rule applies to lack is followed by the tracks that have it.
    private static func checkListing(_ parsed: ExerciseRules, named: [String: [String: [String]]], readme: String,
                                     tracks: (String) -> [String]) -> [Diagnostic] {
        let expected = parsed.rules.map { rule -> (String, [ExerciseRules.ListedTest]) in
            let applies = Set(tracks(rule.id))
            let tests = (named[rule.id] ?? [:]).map { id, inTracks in
                ExerciseRules.ListedTest(id: id, tracks: Set(inTracks) == applies ? [] : inTracks.sorted())
            }.sorted { $0.id < $1.id }
            return (rule.id, tests)
        }
        guard let heading = parsed.listingHeading else {
            return [.error(readme, (1, 1), "README.md has no \"\(ExerciseRules.listingTitle)\" section; add it with one item per rule:\n"
                + expected.map { ExerciseRules.listingLine(rule: $0.0, tests: $0.1) }.joined(separator: "\n"))]
        }
        var diagnostics: [Diagnostic] = []
        let listed = Dictionary(parsed.listing.map { ($0.rule, $0) }, uniquingKeysWith: { first, _ in first })
        for (rule, tests) in expected {
            let line = ExerciseRules.listingLine(rule: rule, tests: tests)
            guard let item = listed[rule] else {
                diagnostics.append(.error(readme, (heading, 1), "the listing of rules and their tests has no item for \(rule); add: \(line)"))
                continue
            }
            let normalized = item.tests.map { ExerciseRules.ListedTest(id: $0.id, tracks: $0.tracks.sorted()) }
            if Set(normalized) != Set(tests) || normalized.count != tests.count {
                diagnostics.append(.error(readme, (item.line, 1), "the tests that check \(rule) are not the ones listed; the item should read: \(line)"))
            }
        }
        let defined = Set(parsed.rules.map(\.id))
        for item in parsed.listing where !defined.contains(item.rule) {
            diagnostics.append(.error(readme, (item.line, 1), "the listing names rule \(item.rule), which README.md does not define"))
        }
        return diagnostics
    }
}
