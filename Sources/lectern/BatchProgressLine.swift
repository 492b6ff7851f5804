import Foundation
import Grading
import TextEscaping

/// The batch's progress on one rewritten stderr line (only on a terminal); the submission id is
/// a file name, shown with its control characters as escapes.
final class BatchProgressLine: Sendable {
    func show(_ event: BatchEvent) {
        let line = "\r\u{1B}[2Kgraded \(event.done)/\(event.total) (\(event.skipped) up to date): \(VisibleText.line(event.id))"
        FileHandle.standardError.write(Data((event.done == event.total ? line + "\n" : line).utf8))
    }
}
