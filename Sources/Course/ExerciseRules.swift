import Foundation
import Markdown

/// The rules an exercise's README states and its listing of which tests check them
/// (docs/grading-protocol.md, Rules and traceability). A rule is a paragraph or list item that
/// starts with its id in bold (`**C2** A success sets …`); the listing is the list under the
/// heading "Rules and their tests", one item per rule: its id in bold, then the ids of the
/// tests that check it as code, a test of some tracks only followed by them in parentheses
/// (`` - **C2**: `success_resets`, `reuse_after_close` (Python) ``).
public struct ExerciseRules: Sendable, Equatable {
    public struct Rule: Sendable, Equatable {
        public var id: String
        public var line: Int
    }

    /// One item of the listing: a rule and its tests, each with the tracks it is named for
    /// (empty: every track).
    public struct Listing: Sendable, Equatable {
        public var rule: String
        public var line: Int
        public var tests: [ListedTest]
    }

    public struct ListedTest: Sendable, Hashable {
        public var id: String
        public var tracks: [String]

        public init(id: String, tracks: [String]) {
            self.id = id
            self.tracks = tracks
        }
    }

    public var rules: [Rule]
    public var listing: [Listing]
    /// The line of the listing's heading, nil when the README has none.
    public var listingHeading: Int?

    /// The heading the listing sits under.
    public static let listingTitle = "Rules and their tests"

    public static func parse(_ markdown: String) -> ExerciseRules {
        let document = MarkdownParser().parse(markdown)
        var rules: [Rule] = []
        var listing: [Listing] = []
        var heading: Int?
        var inListing = false
        var listingLevel = 0
        func visit(_ node: MarkdownNode) {
            switch node.kind {
            case .heading(let level):
                if inListing && level <= listingLevel { inListing = false }
                if node.plainText() == listingTitle {
                    inListing = true
                    listingLevel = level
                    heading = node.start.line
                }
            case .paragraph:
                guard let id = ruleID(node.children.first) else { return }
                if inListing {
                    listing.append(Listing(rule: id, line: node.start.line, tests: listedTests(Array(node.children.dropFirst()))))
                } else {
                    rules.append(Rule(id: id, line: node.start.line))
                }
            default:
                for child in node.children { visit(child) }
            }
        }
        visit(document)
        return ExerciseRules(rules: rules, listing: listing, listingHeading: heading)
    }

    /// The id a bold first inline spells, such as `C2` or `SW10`.
    static func ruleID(_ node: MarkdownNode?) -> String? {
        guard let node, case .strong = node.kind else { return nil }
        let text = node.plainText()
        let letters = text.prefix { $0.isUppercase && $0.isASCII }
        let digits = text.dropFirst(letters.count)
        guard (1...3).contains(letters.count), (1...2).contains(digits.count), digits.allSatisfy(\.isASCII),
              digits.allSatisfy(\.isNumber) else { return nil }
        return text
    }

    /// The code spans of a listing item, each with the tracks a following "(…)" names.
    private static func listedTests(_ inlines: [MarkdownNode]) -> [ListedTest] {
        var tests: [ListedTest] = []
        for node in inlines {
            switch node.kind {
            case .code:
                tests.append(ListedTest(id: node.literal, tracks: []))
            case .text:
                guard !tests.isEmpty, let open = node.literal.firstIndex(of: "("),
                      let close = node.literal[open...].firstIndex(of: ")") else { continue }
                tests[tests.count - 1].tracks = node.literal[node.literal.index(after: open)..<close]
                    .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            default:
                continue
            }
        }
        return tests
    }

    /// How a listing item reads (what `lectern check` suggests when one is wrong).
    public static func listingLine(rule: String, tests: [ListedTest]) -> String {
        "- **\(rule)**: " + tests.map { test in
            "`\(test.id)`" + (test.tracks.isEmpty ? "" : " (" + test.tracks.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: ", ") + ")")
        }.joined(separator: ", ")
    }
}
