import Course
import Foundation

/// A track's `tests/expectations.json`: the judged checks per scenario. It never enters the
/// sandbox; the grader reads it and judges the harness's observations against it.
public struct Expectations: Sendable, Equatable {
    public var tests: [ExpectedTest]

    public init(tests: [ExpectedTest]) {
        self.tests = tests
    }

    /// The scenario ids, in file order: the argv the harness gets.
    public var ids: [String] { tests.map(\.id) }
}

/// One hidden test: the scenario it judges, its learner-facing name and its checks.
public struct ExpectedTest: Sendable, Equatable {
    /// The scenario id the harness reports under.
    public var id: String
    /// What the learner sees; never the test's code.
    public var name: String
    public var group: String
    public var weight: Double
    public var checks: [Check]
    /// The ids of the README rules the test checks (docs/grading-protocol.md, Rules and traceability).
    public var rules: [String]

    public init(id: String, name: String, group: String, weight: Double = 1, checks: [Check], rules: [String] = []) {
        self.id = id
        self.name = name
        self.group = group
        self.weight = weight
        self.checks = checks
        self.rules = rules
    }
}

/// One judged check: the observation key, what it must be, and how a message names it.
public struct Check: Sendable, Equatable {
    public var key: String
    public var expect: Matcher
    public var what: String

    public init(key: String, expect: Matcher, what: String) {
        self.key = key
        self.expect = expect
        self.what = what
    }
}

/// Reads expectations.json, reporting every problem as a diagnostic.
public enum ExpectationsLoader {
    /// The expectations in `url`, or nil when unusable. `groups` are the exercise's groups;
    /// a test naming another group is an error.
    public static func load(_ url: URL, displayPath: String, groups: [TestGroup], diagnostics: inout [Diagnostic]) -> Expectations? {
        guard let data = try? Data(contentsOf: url) else {
            diagnostics.append(.error(displayPath, "cannot read the expectations file"))
            return nil
        }
        return parse(data, displayPath: displayPath, groups: groups, diagnostics: &diagnostics)
    }

    /// Parses expectations from JSON text.
    public static func parse(_ data: Data, displayPath: String, groups: [TestGroup], diagnostics: inout [Diagnostic]) -> Expectations? {
        let text = String(decoding: data, as: UTF8.self)
        let locate = Locator(text: text)
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            diagnostics.append(.error(displayPath, "not valid JSON: \(describe(error))"))
            return nil
        }
        guard case .object(let top) = root else {
            diagnostics.append(.error(displayPath, "expected an object with \"version\": 1 and \"tests\""))
            return nil
        }
        guard top["version"] == .number(1) else {
            diagnostics.append(.error(displayPath, locate("\"version\""), "\"version\" must be 1"))
            return nil
        }
        guard case .array(let items)? = top["tests"], !items.isEmpty else {
            diagnostics.append(.error(displayPath, locate("\"tests\""), "\"tests\" must be a non-empty list"))
            return nil
        }
        let groupIDs = Set(groups.map(\.id))
        var seen: Set<String> = []
        var tests: [ExpectedTest] = []
        var failed = false
        for (index, item) in items.enumerated() {
            let label = "tests[\(index)]"
            guard case .object(let spec) = item, let id = spec["id"]?.string, !id.isEmpty else {
                diagnostics.append(.error(displayPath, "\(label) needs an \"id\" (a string)"))
                failed = true
                continue
            }
            func problem(_ message: String) {
                // Located only when needed: searching the text for every test costs more than the parse.
                diagnostics.append(.error(displayPath, locate("\"id\": \(JSONValue.quote(id))"), "test '\(id)': \(message)"))
                failed = true
            }
            if !seen.insert(id).inserted { problem("the id is used twice") }
            guard let name = spec["name"]?.string, !name.isEmpty else { problem("needs a \"name\" (what the learner sees)"); continue }
            let group = spec["group"]?.string ?? groups.first?.id ?? ""
            if !groupIDs.contains(group) {
                problem("group '\(group)' is not one of exercise.yml's groups (\(groups.map(\.id).joined(separator: ", ")))")
            }
            let weight = spec["weight"].map { $0.number ?? -1 } ?? 1
            if weight <= 0 { problem("\"weight\" must be a positive number") }
            guard case .array(let checkItems)? = spec["checks"], !checkItems.isEmpty else {
                problem("needs \"checks\", a non-empty list")
                continue
            }
            var checks: [Check] = []
            for (checkIndex, checkItem) in checkItems.enumerated() {
                guard case .object(let check) = checkItem, let key = check["key"]?.string, let expect = check["expect"] else {
                    problem("checks[\(checkIndex)] needs \"key\" and \"expect\"")
                    continue
                }
                switch Matcher.from(expect) {
                case .success(let matcher):
                    checks.append(Check(key: key, expect: matcher, what: check["what"]?.string ?? key))
                case .failure(let error):
                    problem("checks[\(checkIndex)] (\(key)): \(error.message)")
                }
            }
            var rules: [String] = []
            if let list = spec["rules"] {
                if case .array(let items) = list, items.allSatisfy({ $0.string != nil }) {
                    rules = items.compactMap(\.string)
                } else {
                    problem("\"rules\" must be a list of rule ids (strings)")
                }
            }
            tests.append(ExpectedTest(id: id, name: name, group: group, weight: weight, checks: checks, rules: rules))
        }
        return failed ? nil : Expectations(tests: tests)
    }

    private static func describe(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        }
        return "\(error)"
    }
}

/// Finds the line and column of the first occurrence of a snippet, for diagnostics.
struct Locator {
    let text: String

    func callAsFunction(_ snippet: String) -> (line: Int, column: Int) {
        guard let range = text.range(of: snippet) else { return (1, 1) }
        let before = text[..<range.lowerBound]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let column = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex,
                                     to: before.endIndex) + 1
        return (line, column)
    }
}
