/// Which attempts an item analysis reads, as Moodle's quiz statistics report chooses them:
/// complete attempts on the current version of the quiz, and by default only each learner's
/// first (later attempts build on earlier ones, against the analysis's assumptions).
public enum AttemptSelection {
    /// `attempts` oldest first (as the store returns them). Attempts recorded before learners
    /// were kept count as one learner's.
    public static func forAnalysis(_ attempts: [AttemptRecord], contentHash: String, allAttempts: Bool) -> [AttemptRecord] {
        let current = attempts.filter { $0.isComplete && $0.contentHash == contentHash }
        guard !allAttempts else { return current }
        var seen: Set<String> = []
        return current.filter { seen.insert($0.learner ?? "").inserted }
    }
}
