import Foundation

/// Who a quiz attempt, grading or review belongs to, so one store can hold a class.
///
/// `--learner NAME` names them; by default it is the login name of the user running lectern.
/// Rows recorded before lectern kept learners have none: they count as the login user's.
public enum Learner {
    /// The login name of the real user (the password database), else `$USER` or `$LOGNAME`,
    /// else `uid<N>`.
    public static func loginName(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name, let text = String(validatingCString: name), !text.isEmpty {
            return text
        }
        for key in ["USER", "LOGNAME"] {
            if let value = environment[key], !value.isEmpty { return value }
        }
        return "uid\(getuid())"
    }

    /// Checks a `--learner` value: not empty or blank, no control characters, at most 200
    /// characters. Returns the name trimmed, or why it is refused.
    public static func validate(_ name: String) -> Result<String, LearnerNameError> {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .failure(LearnerNameError(message: "the learner's name is empty")) }
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return .failure(LearnerNameError(message: "the learner's name has a control character"))
        }
        if trimmed.count > 200 { return .failure(LearnerNameError(message: "the learner's name is longer than 200 characters")) }
        return .success(trimmed)
    }
}

/// Why a `--learner` name was refused.
public struct LearnerNameError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}

/// Whose rows a read returns: one learner's, with or without the rows that name nobody
/// (recorded before lectern kept learners).
public struct LearnerScope: Hashable, Sendable {
    public var name: String
    public var includesUnattributed: Bool

    public init(name: String, includesUnattributed: Bool) {
        self.name = name
        self.includesUnattributed = includesUnattributed
    }

    /// The learner `name`; the unattributed rows are theirs when `name` is the login name,
    /// who recorded them.
    public static func learner(_ name: String, loginName: String = Learner.loginName()) -> LearnerScope {
        LearnerScope(name: name, includesUnattributed: name == loginName)
    }

    /// Whether a row recorded for `learner` belongs to this scope.
    public func contains(_ learner: String?) -> Bool {
        guard let learner else { return includesUnattributed }
        return learner == name
    }
}
