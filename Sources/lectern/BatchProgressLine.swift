import Foundation
import Grading

/// The batch's progress on one rewritten stderr line (only on a terminal).
final class BatchProgressLine: Sendable {
    func show(_ event: BatchEvent) {
        let line = "\r\u{1B}[2Kgraded \(event.done)/\(event.total) (\(event.skipped) up to date): \(event.id)"
        FileHandle.standardError.write(Data((event.done == event.total ? line + "\n" : line).utf8))
    }
}
