import Foundation
import GRDB

/// Why the progress store cannot be used, phrased for the learner: what, where, what to do.
public struct ProgressStoreError: Error, CustomStringConvertible, Sendable {
    public enum Reason: Sendable, Equatable {
        /// The data directory cannot be created or written.
        case unwritable
        /// The file exists but is not a SQLite database, or is damaged.
        case corrupt
        /// The database was written by a newer lectern (unknown migrations).
        case newerSchema
        /// Any other SQLite failure.
        case other
    }

    public var reason: Reason
    /// The database file (or the directory that cannot hold it).
    public var path: String
    public var detail: String

    public init(reason: Reason, path: String, detail: String) {
        self.reason = reason
        self.path = path
        self.detail = detail
    }

    public var description: String {
        switch reason {
        case .unwritable:
            return "cannot write the progress database at \(path): \(detail). "
                + "Choose another place with --data-dir or LECTERN_DATA_DIR."
        case .corrupt:
            return "the progress database \(path) is damaged or not a database (\(detail)). "
                + "Move it aside to start a new history, or choose another place with --data-dir."
        case .newerSchema:
            return "the progress database \(path) was written by a newer lectern (\(detail)); upgrade lectern to use it."
        case .other:
            return "cannot use the progress database \(path): \(detail)"
        }
    }

    /// Classifies a GRDB or file-system error that happened while opening or writing `path`.
    static func classify(_ error: any Error, path: String) -> ProgressStoreError {
        if let error = error as? ProgressStoreError { return error }
        if let error = error as? DatabaseError {
            let detail = error.message ?? "\(error.resultCode)"
            switch error.resultCode.primaryResultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return ProgressStoreError(reason: .corrupt, path: path, detail: detail)
            case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_IOERR, .SQLITE_FULL, .SQLITE_AUTH:
                return ProgressStoreError(reason: .unwritable, path: path, detail: detail)
            default:
                return ProgressStoreError(reason: .other, path: path, detail: detail)
            }
        }
        let nsError = error as NSError
        return ProgressStoreError(reason: .unwritable, path: path, detail: nsError.localizedDescription)
    }
}
