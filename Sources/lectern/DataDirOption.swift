import ArgumentParser
import Foundation
import Progress

/// `--data-dir DIR`, as every command that reads or writes the progress store takes it.
struct DataDirOption: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The data directory holding the progress store. Default: $LECTERN_DATA_DIR, else $XDG_DATA_HOME/lectern, else ~/.local/share/lectern.",
        valueName: "dir"))
    var dataDir: String?

    /// The directory named, or the default one (`DataDirectory.resolve`).
    var url: URL { DataDirectory.resolve(explicit: dataDir) }
}
