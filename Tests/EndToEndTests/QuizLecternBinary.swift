import Foundation

/// Finds the built `lectern` next to the test bundle (`.build/debug/lectern`) from this file's
/// path, without Bundle.module, and the repository root for fixtures and the bundled course.
enum QuizLecternBinary {
    /// The repository root: two folders above `Tests/EndToEndTests/`.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// The debug build of lectern; `LECTERN_BINARY` overrides it.
    static var url: URL {
        if let explicit = ProcessInfo.processInfo.environment["LECTERN_BINARY"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        return repositoryRoot.appendingPathComponent(".build/debug/lectern")
    }
}
