import Foundation

/// Where lectern keeps its data (the progress database), shared by `quiz`, `grade` and
/// `progress` so they all read and write one store.
///
/// The first that is set wins: `--data-dir`, `LECTERN_DATA_DIR`, `$XDG_DATA_HOME/lectern`,
/// `~/.local/share/lectern` (the XDG Base Directory default).
public enum DataDirectory {
    /// The file name of the progress database inside the data directory.
    public static let databaseFileName = "progress.sqlite"

    /// Resolves the data directory. Empty values count as unset, as XDG asks; a relative
    /// `XDG_DATA_HOME` is ignored, as the XDG specification requires.
    public static func resolve(
        explicit: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        homeDirectory: String = NSHomeDirectory()
    ) -> URL {
        if let explicit, !explicit.isEmpty {
            return URL(fileURLWithPath: explicit, isDirectory: true).standardizedFileURL
        }
        if let fromEnvironment = environment["LECTERN_DATA_DIR"], !fromEnvironment.isEmpty {
            return URL(fileURLWithPath: fromEnvironment, isDirectory: true).standardizedFileURL
        }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("lectern", isDirectory: true)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? homeDirectory
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".local/share/lectern", isDirectory: true)
    }

    /// The progress database inside a data directory.
    public static func databaseURL(in directory: URL) -> URL {
        directory.appendingPathComponent(databaseFileName, isDirectory: false)
    }
}
