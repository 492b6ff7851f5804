import Foundation
import Testing
@testable import Course

/// exercise.yml's `limits`: each key sets its own field, and nothing else.
@Suite struct ExerciseLimitsTests {
    func load(_ limits: String) throws -> (ExerciseLimits?, [Diagnostic]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("title: Limits\nlimits:\n\(limits)".utf8).write(to: folder.appendingPathComponent("exercise.yml"))
        var diagnostics: [Diagnostic] = []
        let exercise = ExerciseLoader.load(folder, displayDirectory: "ex", diagnostics: &diagnostics)
        return (exercise?.limits, diagnostics)
    }

    @Test func everyKeySetsItsOwnField() throws {
        let (limits, _) = try load("""
              wall_seconds: 1.5
              cpu_seconds: 2.2
              memory_mb: 3
              processes: 4
              output_kb: 5
              disk_mb: 6
              compile_wall_seconds: 7.5
              compile_memory_mb: 8

            """)
        let set = try #require(limits)
        #expect(set.wallSeconds == 1.5)
        #expect(set.cpuSeconds == 3)  // CPU seconds round up
        #expect(set.memoryMB == 3)
        #expect(set.processes == 4)
        #expect(set.outputKB == 5)
        #expect(set.diskMB == 6)
        #expect(set.compileWallSeconds == 7.5)
        #expect(set.compileMemoryMB == 8)
    }

    @Test func anUnknownKeyIsAWarningAtItsLineAndChangesNothing() throws {
        let (limits, diagnostics) = try load("  compile_memory: 100\n")
        #expect(limits == ExerciseLimits())
        let warning = try #require(diagnostics.first { $0.message.contains("unknown limit 'compile_memory'") })
        #expect(warning.severity == .warning)
        #expect(warning.line == 3)
        #expect(warning.message.contains("compile_memory_mb"))
    }
}
