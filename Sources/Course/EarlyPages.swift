import Foundation
import Support

/// The pages of a course's likely pages folder, read and parsed while its configuration is.
///
/// Parsing a page needs nothing of mkdocs.yml but whether the page is in the course, and the
/// YAML of a real course's navigation (hundreds of entries) takes milliseconds to parse on
/// one core while the others wait. So the loader starts the walk and parse of MkDocs' default
/// `docs` folder before it reads mkdocs.yml. When the configuration names that folder, the
/// loader takes what was done (only pages the configuration leaves out were parsed for
/// nothing); otherwise the work is cancelled. The course is the same either way.
final class EarlyPages: @unchecked Sendable {  // `cancelled` is shared, under `lock`; `work` is the loader's alone
    /// What was found: the folder's markdown files as `CourseLoader.markdownFiles` lists them,
    /// what the walk reported, and each file parsed as `CourseLoader.parsePage` parses it.
    struct Parsed {
        var files: [String]
        var walkDiagnostics: [Diagnostic]
        var pages: [String: CourseLoader.ParsedPage]
    }

    let folder: URL
    let displayFolder: String
    private let lock = NSLock()
    private var cancelled = false
    private var work: Background<Parsed?>?

    /// Starts reading `folder` (standardized, as the configuration makes it) on other threads.
    init(folder: URL, displayFolder: String) {
        self.folder = folder
        self.displayFolder = displayFolder
        work = Background { [self] in parse() }
    }

    /// What was read and parsed when `folder` and `displayFolder` are this one's (waiting for
    /// it); otherwise nil, and the work is cancelled.
    func take(folder: URL, displayFolder: String) -> Parsed? {
        guard folder == self.folder, displayFolder == self.displayFolder, let work else {
            cancel()
            return nil
        }
        self.work = nil
        return work.wait()
    }

    /// Stops parsing pages not yet started (the loader does not need them).
    func cancel() {
        lock.withLock { cancelled = true }
    }

    private var isCancelled: Bool { lock.withLock { cancelled } }

    private func parse() -> Parsed? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        var walkDiagnostics: [Diagnostic] = []
        let files = CourseLoader.markdownFiles(in: "", tree: CourseTree(root: folder), displayRoot: displayFolder, diagnostics: &walkDiagnostics)
        let (folder, displayFolder) = (folder, displayFolder)
        let parsed = Parallel.map(files.count) { index -> CourseLoader.ParsedPage? in
            self.isCancelled ? nil : CourseLoader.parsePage(files[index], root: folder, displayRoot: displayFolder, rawHTML: .sanitize)
        }
        var pages: [String: CourseLoader.ParsedPage] = [:]
        for (file, page) in zip(files, parsed) { pages[file] = page }
        return Parsed(files: files, walkDiagnostics: walkDiagnostics, pages: pages)
    }
}
