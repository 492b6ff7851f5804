import Foundation

/// The course folder a command works on when none is named: `./content` if it exists (the
/// layout lectern ships with), else the current folder. Every command resolves it here.
public enum CourseFolder {
    public static let defaultHelp = "Default: ./content if it exists, else the current folder."

    public static func resolve(_ given: String?) -> String {
        given ?? (FileManager.default.fileExists(atPath: "content") ? "content" : ".")
    }
}
