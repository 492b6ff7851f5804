import Foundation

/// Where the default theme's files are: the `templates/` and `assets/` folders of `site/`.
///
/// SwiftPM copies them into a resource bundle beside the `lectern` binary; a build run from
/// the source tree can also read them in place. The lookup never traps (unlike `Bundle.module`
/// on Linux), so a binary moved away from its bundle reports a clear error instead.
public enum DefaultTheme {
    /// The folder holding `templates/` and `assets/`, or nil when neither location has them.
    public static var directory: URL? {
        candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("templates").path) }
    }

    /// The places searched, in order: the resource bundle beside the executable, then the source folder.
    public static var candidates: [URL] {
        var urls: [URL] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        for bundleName in ["lectern_SiteTheme.resources", "lectern_SiteTheme.bundle"] {
            urls.append(executable.deletingLastPathComponent().appendingPathComponent(bundleName))
            urls.append(Bundle.main.bundleURL.appendingPathComponent(bundleName))
        }
        urls.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent())
        var seen = Set<String>()
        return urls.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }
}
