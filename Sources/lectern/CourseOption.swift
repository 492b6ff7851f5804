import ArgumentParser
import Course

/// `--course DIR`, as every command that works on a course takes it.
struct CourseOption: ParsableArguments {
    @Option(help: ArgumentHelp("The course folder. \(CourseFolder.defaultHelp)", valueName: "dir"))
    var course: String?

    /// The folder named, or the default one.
    var path: String { CourseFolder.resolve(course) }
}
