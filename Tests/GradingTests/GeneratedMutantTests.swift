import Course
import Foundation
import Sandbox
import Testing
@testable import Grading

/// Mutants derived from a reference by operators: Swift's from its tokens, compiled together
/// as a schema; the equivalence file that marks the ones no test can tell apart.
@Suite struct SwiftMutantsTests {
    let source = """
        public enum Light: String, CaseIterable { case red, green }

        public struct Counter {
            public private(set) var count = 0
            public var light: Light = .red
            init(start: Int) {
                count = start
            }
            // a comment with a < b and "x == y"
            public mutating func step(_ limit: Int) -> Bool {
                let text = "a >= b \\(limit + 1)"
                if count >= limit && !text.isEmpty {
                    light = .green
                    return true
                }
                count += 1
                return false
            }
        }

        func has<A: Equatable, B: Collection>(_ a: A, in b: B) -> Bool where B.Element == A {
            b.contains { $0 == a }
        }
        """

    @Test func operatorsLiteralsCasesAndStatementsMutateButNotCommentsStringsOrInitializers() {
        let mutants = SwiftMutants(source: source).mutants
        let keys = mutants.map(\.key)
        #expect(keys.contains("comparison in step: if count >= limit && !text.isEmpty { ⇒ if count > limit && !text.isEmpty {"))
        #expect(keys.contains("comparison in step: if count >= limit && !text.isEmpty { ⇒ if count < limit && !text.isEmpty {"))
        #expect(keys.contains("boolean in step: if count >= limit && !text.isEmpty { ⇒ if count >= limit || !text.isEmpty {"))
        #expect(keys.contains("boolean in step: if count >= limit && !text.isEmpty { ⇒ if count >= limit && text.isEmpty {"))
        #expect(keys.contains("constant in step: light = .green ⇒ light = .red"))
        #expect(keys.contains("arithmetic in step: count += 1 ⇒ count -= 1"))
        #expect(keys.contains("constant in step: count += 1 ⇒ count += 2"))
        #expect(keys.contains("statement in step: count += 1 ⇒ (deleted)"))
        #expect(keys.contains("constant in step: return true ⇒ return false"))
        #expect(keys.contains("comparison in has: b.contains { $0 == a } ⇒ b.contains { $0 != a }"))
        #expect(!mutants.contains { $0.before.hasPrefix("//") || $0.before.hasPrefix("let text") }, "comments and strings stay")
        #expect(!mutants.contains { $0.before == "count = start" }, "no statement of an initializer is left out")
        #expect(!mutants.contains { $0.before.contains("where") }, "a where clause's == is no operator")
    }

    @Test func eachMutantChangesOneLineOfTheReference() {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        for mutant in SwiftMutants(source: source).mutants {
            let changed = zip(lines, mutant.source.split(separator: "\n", omittingEmptySubsequences: false)).filter { $0 != $1 }
            #expect(changed.count == 1, "\(mutant.key)")
        }
    }

    /// The schema compiles with swiftc, behaves as the reference with no mutant switched on,
    /// and as mutant n with LECTERN_MUTANT=n.
    @Test func theSchemaCompilesAndSwitchesEachMutantByItsNumber() async throws {
        let program = source + """

            @main struct Main {
                static func main() {
                    var counter = Counter(start: 0)
                    for _ in 0..<3 { _ = counter.step(2) }
                    print(counter.count, counter.light.rawValue)
                }
            }
            """
        let generator = SwiftMutants(source: program)
        let result = try await Unsandboxed().run(RunRequest(
            argv: ["swiftc", "-parse-as-library", "-o", "schema", "schema.swift"],
            files: ["schema.swift": .data(Data(generator.schema.utf8))], collect: ["schema"],
            limits: Limits(wallSeconds: 300, cpuSeconds: 300, memoryBytes: 2 << 30, processes: 256, outputBytes: 1 << 20, diskBytes: 512 << 20)))
        let binary = try #require(result.collected["schema"], "\(String(decoding: result.stderr, as: UTF8.self))")
        func run(_ mutant: Int?) async throws -> String {
            let ran = try await Unsandboxed().run(RunRequest(
                argv: ["./schema"], files: ["schema": .executable(binary)],
                environment: mutant.map { ["LECTERN_MUTANT": String($0)] } ?? [:]))
            return String(decoding: ran.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(try await run(nil) == "2 green")
        let increment = try #require(generator.mutants.first { $0.key == "arithmetic in step: count += 1 ⇒ count -= 1" })
        #expect(try await run(increment.schemaID) == "-3 red")
        let boundary = try #require(generator.mutants.first { $0.key.hasSuffix("⇒ if count > limit && !text.isEmpty {") })
        #expect(try await run(boundary.schemaID) == "3 red")
    }
}

@Suite struct EquivalentMutantsTests {
    @Test func entriesHaveAMutantAndAReasonThatMayGoOnOverIndentedLines() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("equivalent.txt")
        try Data("""
            # a comment

            mutant: constant in f: x = 0 ⇒ x = 1
            reason: x is only compared
              with itself.

            mutant: statement in g: y = 2 ⇒ pass
            """.utf8).write(to: file)
        let (equivalents, problems) = EquivalentMutants.load(file)
        #expect(equivalents.entries.map(\.key) == ["constant in f: x = 0 ⇒ x = 1"])
        #expect(equivalents.entries.first?.reason == "x is only compared with itself.")
        #expect(problems.map(\.message) == ["the equivalent mutant 'statement in g: y = 2 ⇒ pass' has no 'reason:'"])
        #expect(problems.map(\.line) == [7])
    }

    @Test func aMutantsKeyNamesItsOperatorScopeAndLineButNoLineNumber() {
        let mutant = GeneratedMutant(mutation: "comparison", scope: "CircuitBreaker._admit", line: 170,
                                     before: "if a >= b:", after: "if a > b:", source: "")
        #expect(mutant.key == "comparison in CircuitBreaker._admit: if a >= b: ⇒ if a > b:")
        let twice = GeneratedMutant.numbered([mutant, mutant])
        #expect(twice.map(\.key) == [mutant.key, "comparison in CircuitBreaker._admit (#2): if a >= b: ⇒ if a > b:"])
    }

    @Test func aMutantsDiffShowsTheChangedLineWithContext() {
        let reference = "a\nb\nc\nd"
        let mutant = GeneratedMutant(mutation: "statement", scope: "", line: 3, before: "c", after: "pass", source: "a\nb\npass\nd")
        #expect(mutant.diff(reference: reference, path: "ref.py") == "--- ref.py\n+++ mutant\n@@ -2,3 +2,3 @@\n b\n-c\n+pass\n d")
    }
}
