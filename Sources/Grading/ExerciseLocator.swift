import Course
import Foundation

/// Finds the exercise `lectern grade EXERCISE` names: a path to an exercise folder (one with
/// exercise.yml), or a slug of the course's exercises folder.
public enum ExerciseLocator {
    public static func locate(_ name: String, course coursePath: String) throws(GradingError) -> Exercise {
        var diagnostics: [Diagnostic] = []
        let folder = URL(fileURLWithPath: name)
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("exercise.yml").path) {
            guard let exercise = ExerciseLoader.load(folder.standardizedFileURL, displayDirectory: name, diagnostics: &diagnostics) else {
                throw .invalidExercise(diagnostics.sorted().map(\.description).joined(separator: "\n"))
            }
            return exercise
        }
        guard FileManager.default.fileExists(atPath: coursePath),
              let course = CourseLoader.load(coursePath, diagnostics: &diagnostics) else {
            throw .noCourse(name, course: coursePath)
        }
        guard let exercise = course.exercises.first(where: { $0.slug == name }) else {
            throw .unknownExercise(name, course: coursePath, known: course.exercises.map(\.slug))
        }
        return exercise
    }

    /// The track to grade: the one named, or the one the submission's extension implies.
    public static func track(_ name: String?, of exercise: Exercise, for submission: Submission) throws(GradingError) -> Track {
        let known = exercise.tracks.map(\.name)
        if let name {
            guard let track = exercise.track(named: name) else { throw .unknownTrack(name, known: known) }
            return track
        }
        guard let track = submission.inferTrack(of: exercise) else { throw .cannotInferTrack(submission.url.path, known: known) }
        return track
    }
}
