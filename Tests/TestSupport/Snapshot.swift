import Foundation
import Testing

/// Golden files: text a test produces, held against a reviewed file beside the test.
///
/// Set `RECORD_SNAPSHOTS=1` to rewrite the files instead of comparing; a recording run
/// records an issue for each file it writes, so it is never mistaken for a pass. Review the
/// diff (`git diff`) before committing the new files.
public enum Snapshot {
    /// The documented variable that switches recording on.
    public static let recordVariable = "RECORD_SNAPSHOTS"

    public static var isRecording: Bool {
        ProcessInfo.processInfo.environment[recordVariable].map { !$0.isEmpty && $0 != "0" } ?? false
    }

    /// Expects `actual` to equal the file at `url`, or writes it there when recording.
    public static func expect(_ actual: String, matches url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        if isRecording {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                Issue.record("recorded \(url.path); run again without \(recordVariable)", sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot record \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no snapshot at \(url.path); \(recordVariable)=1 records it", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "\(url.lastPathComponent) differs from its snapshot; \(recordVariable)=1 rewrites it after review",
                sourceLocation: sourceLocation)
    }
}
