import Course
import Foundation
import Markdown
import Support

/// Rewrites the links of a page's markdown to the built site: a `.md` link to its page
/// (`lesson.md#metrics` → `lesson.html#metrics`), a link into an exercise folder to the
/// exercise page, a linked image or file to its copy in the output. URLs and anchors stay.
struct LinkRewriter: Sendable {
    let outputForSource: [String: String]
    let outputForExercise: [String: String]
    /// Linked course files (absolute path) → their path in the output.
    let copiedFiles: [String: String]
    /// The course folder's standardized path.
    let courseRoot: String

    /// The rewrite for links of the source file `source` rendered at output path `page`.
    /// `relativeSource` is the source's path inside the course folder, when it is inside;
    /// links from it resolve by string, without touching the file system.
    func rewrite(source: URL, relativeSource: String?, page: String) -> @Sendable (String) -> String {
        let directory = source.deletingLastPathComponent()
        let root = courseRoot
        return { destination in
            guard let target = LinkChecker.localTarget(destination) else { return destination }
            let fragment = destination.firstIndex(of: "#").map { String(destination[$0...]) } ?? ""
            if let relativeSource, !target.hasPrefix("/"), let resolved = SitePath.resolve(target, against: relativeSource) {
                if let output = outputForSource[root + "/" + resolved] ?? copiedFiles[root + "/" + resolved] {
                    return SitePath.relative(from: page, to: output) + fragment
                }
                if !target.hasPrefix("..") { return destination }
            }
            let url = (target.hasPrefix("/") ? URL(fileURLWithPath: target) : directory.appendingPathComponent(target)).standardizedFileURL
            let path = url.path
            if let output = outputForSource[path] ?? copiedFiles[path] {
                return SitePath.relative(from: page, to: output) + fragment
            }
            for (folder, output) in outputForExercise where path == folder || path.hasPrefix(folder + "/") {
                return SitePath.relative(from: page, to: output) + fragment
            }
            return destination
        }
    }

    /// The local files (not markdown, inside the course folder and outside every exercise
    /// folder) that pages link to or show as images, with their output paths.
    static func linkedFiles(course: Course, exerciseFolders: [String], diagnostics: inout [Diagnostic]) -> [String: String] {
        let root = course.root.standardizedFileURL.path
        let tree = CourseTree(root: course.root)
        let pages = course.pages
        // One page at a time on every core; merged in page order, as a sequential walk would.
        let found = Parallel.map(pages.count) { index -> (files: [(String, String)], diagnostics: [Diagnostic]) in
            let page = pages[index]
            var files: [(String, String)] = []
            var diagnostics: [Diagnostic] = []
            let directory = course.root.appendingPathComponent(page.relativePath, isDirectory: false).deletingLastPathComponent()
            for link in page.links {
                let (destination, position) = (link.destination, link.start)
                guard let target = LinkChecker.localTarget(destination) else { continue }
                let lowerTarget = target.lowercased()
                if lowerTarget.hasSuffix(".md") || lowerTarget.hasSuffix(".markdown") { continue }
                let url = (target.hasPrefix("/") ? URL(fileURLWithPath: target) : directory.appendingPathComponent(target)).standardizedFileURL
                let path = url.path
                let lower = path.lowercased()
                if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { continue }
                if exerciseFolders.contains(where: { path == $0 || path.hasPrefix($0 + "/") })
                    || ExerciseFolder.contains(path, below: root) { continue }
                // Resolved through every symbolic link: a link (or a folder link on the way)
                // that leads outside the course is never read, whatever its name says.
                let real: String
                switch tree.resolve(path) {
                case .missing, .loop:
                    continue  // LinkChecker reports the broken link
                case .outside(let outside):
                    if isRegularFile(outside) {
                        let how = path.hasPrefix(root + "/") ? "leads through a symbolic link to \(outside), outside the course folder" : "is outside the course folder"
                        diagnostics.append(.warning(page.displayPath, (position.line, position.column),
                            "'\(destination)' \(how), so the site does not include it"))
                    }
                    continue
                case .inside(let inside):
                    real = inside
                }
                guard isRegularFile(real) else { continue }
                let output = path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : String(real.dropFirst(tree.realRoot.count + 1))
                files.append((path, output))
            }
            return (files, diagnostics)
        }
        var result: [String: String] = [:]
        for page in found {
            for (path, output) in page.files { result[path] = output }
            diagnostics += page.diagnostics
        }
        return result
    }
}

/// Whether a path leads to a regular file (links followed).
func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
}

/// Finds exercise folders by their exercise.yml, so a folder-mode build (which has no exercise
/// list) still never publishes an exercise's tests, references or mutants.
enum ExerciseFolder {
    /// Whether some folder between `path` and `root` holds an exercise.yml.
    static func contains(_ path: String, below root: String) -> Bool {
        var folder = (path as NSString).deletingLastPathComponent
        while folder.count >= root.count, folder.hasPrefix(root) {
            if FileManager.default.fileExists(atPath: folder + "/exercise.yml") { return true }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder { break }
            folder = parent
        }
        return false
    }

    /// Warnings for the files of `exercise` the site would publish but may not read.
    static func refusals(of exercise: Exercise) -> [Diagnostic] {
        let tree = exercise.tree
        let files = [("README.md", exercise.readme)] + exercise.tracks.map { ("\($0.name)/starter/\($0.entry)", $0.starter) }
        return files.compactMap { name, url in
            guard case .outside(let real) = tree.resolve(url.path) else { return nil }
            return .warning(DisplayPath.join(exercise.displayDirectory, name),
                            "not published: " + tree.describe(.outside(real, isFolder: false)))
        }
    }

    /// Whether a markdown page may be published: anything outside exercise folders, and an
    /// exercise folder's own README.md (the learner-facing contract).
    static func isPublishable(_ path: String, below root: String) -> Bool {
        guard contains(path, below: root) else { return true }
        let folder = (path as NSString).deletingLastPathComponent
        return (path as NSString).lastPathComponent.lowercased() == "readme.md"
            && FileManager.default.fileExists(atPath: folder + "/exercise.yml")
    }
}
