import ArgumentParser
import Progress

/// `--learner NAME`, shared by quiz, grade, progress and review: a usage error when refused.
enum LearnerOption {
    static func validate(_ name: String) throws -> String {
        switch Learner.validate(name) {
        case .success(let valid): return valid
        case .failure(let error): throw ValidationError("--learner: \(error.message)")
        }
    }
}
