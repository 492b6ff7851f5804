import Foundation
import Markdown
import Support
import Yams

/// Loads a course from disk into the model, collecting every problem as a diagnostic.
///
/// A course is a folder with `course.yml` (title, description, ordered sessions, exercises),
/// an MkDocs site (`mkdocs.yml`) or an mdBook (`book.toml`), whose own configuration gives the
/// pages and their navigation, or any folder of markdown (every page that holds a quiz
/// becomes a session), or a single markdown file holding a quiz.
public enum CourseLoader {
    /// Prepares, on another core, what loading a course needs first and takes long to make
    /// (the YAML resolver); call it as a command starts.
    public static func prepare() {
        YAMLDocument.prepareInBackground()
    }

    /// Loads the course at `path`, as the user typed it (diagnostics name files relative to it).
    public static func load(_ path: String, diagnostics: inout [Diagnostic]) -> Course? {
        load(path, exerciseFiles: true, diagnostics: &diagnostics)
    }

    /// Without `exerciseFiles`, exercises are loaded from exercise.yml alone (no README or
    /// starters read): for commands that only take quizzes, whose start-up it would cost.
    public static func load(_ path: String, exerciseFiles: Bool, diagnostics: inout [Diagnostic]) -> Course? {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            diagnostics.append(.error(path, "no such file or directory"))
            return nil
        }
        if !isDirectory.boolValue {
            return loadFolder(url.deletingLastPathComponent(), displayRoot: (path as NSString).deletingLastPathComponent,
                              only: [url.lastPathComponent], diagnostics: &diagnostics)
        }
        let manifest = url.appendingPathComponent("course.yml")
        if FileManager.default.fileExists(atPath: manifest.path) {
            return loadManifest(url, displayRoot: path, exerciseFiles: exerciseFiles, diagnostics: &diagnostics)
        }
        for name in ["mkdocs.yml", "mkdocs.yaml"] where FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path) {
            // MkDocs' default pages folder is read while mkdocs.yml is parsed (`EarlyPages`).
            let early = EarlyPages(folder: url.appendingPathComponent("docs").standardizedFileURL, displayFolder: DisplayPath.join(path, "docs"))
            guard let config = CourseConfiguration.mkdocs(url.appendingPathComponent(name), root: url, displayRoot: path,
                                                          diagnostics: &diagnostics) else {
                early.cancel()
                return nil
            }
            return loadConfigured(config, early: early, diagnostics: &diagnostics)
        }
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("book.toml").path) {
            guard let config = CourseConfiguration.mdBook(url.appendingPathComponent("book.toml"), root: url, displayRoot: path,
                                                          diagnostics: &diagnostics) else { return nil }
            return loadConfigured(config, diagnostics: &diagnostics)
        }
        return loadFolder(url, displayRoot: path, only: nil, diagnostics: &diagnostics)
    }

    // MARK: course.yml

    private static func loadManifest(_ root: URL, displayRoot: String, exerciseFiles: Bool, diagnostics: inout [Diagnostic]) -> Course? {
        let path = join(displayRoot, "course.yml")
        guard let text = SourceReader.read(root.appendingPathComponent("course.yml"), displayPath: path, diagnostics: &diagnostics),
              let yaml = YAMLDocument.parse(text, path: path, diagnostics: &diagnostics),
              let manifest = yaml.mapping(diagnostics: &diagnostics) else { return nil }
        let title = yaml.string(manifest, "title", diagnostics: &diagnostics) ?? ""
        if title.isEmpty { diagnostics.append(.error(path, "course.yml needs a 'title'")) }

        var entries: [(name: String, position: (line: Int, column: Int))] = []
        if let node = manifest["sessions"] {
            if case .sequence(let items) = node {
                for item in items {
                    if let name = item.string ?? item.mapping?["path"]?.string {
                        entries.append((name, yaml.position(of: item)))
                    } else {
                        diagnostics.append(.error(path, yaml.position(of: item), "a session entry must be a folder or file name"))
                    }
                }
            } else {
                diagnostics.append(.error(path, yaml.position(of: node), "'sessions' must be a list of session folders"))
            }
        } else {
            diagnostics.append(.error(path, "course.yml needs 'sessions', the ordered list of session folders"))
        }

        // Read and parse every page first (in parallel), then assemble sessions in order.
        var plans: [(entry: String, position: (line: Int, column: Int), files: [String])] = []
        let tree = CourseTree(root: root)
        for (name, position) in entries {
            let real: String
            switch tree.resolve(name) {
            case .inside(let inside):
                real = inside
            case .missing:
                diagnostics.append(.error(path, position, "session '\(name)' is listed but \(join(displayRoot, name)) does not exist"))
                continue
            case .loop:
                diagnostics.append(.error(path, position, "session '\(name)' is not read: \(tree.describe(.loop))"))
                continue
            case .outside(let outside):
                diagnostics.append(.error(path, position, "session '\(name)' is not read: it leads to \(outside), outside the course folder"))
                continue
            }
            var info = stat()
            if stat(real, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR {
                let folder = DisplayPath.normalized(name) == "." ? "" : DisplayPath.normalized(name)
                let files = markdownFiles(in: folder, tree: tree, displayRoot: displayRoot, diagnostics: &diagnostics)
                // A lesson.md the walk refused (a broken link, a link out of the course) is
                // reported by the walk, by name; only a lesson that is not there at all is missing.
                var entry = stat()
                if !files.contains(join(name, "lesson.md")) && lstat(real + "/lesson.md", &entry) != 0 {
                    diagnostics.append(.error(path, position, "session '\(name)' has no lesson: \(join(displayRoot, join(name, "lesson.md"))) is missing"))
                }
                plans.append((name, position, orderSessionFiles(files, folder: name)))
            } else {
                plans.append((name, position, [name]))
            }
        }
        var rawHTML = RawHTMLPolicy.sanitize
        if let setting = yaml.string(manifest, "raw_html", diagnostics: &diagnostics) {
            if let policy = RawHTMLPolicy(rawValue: setting) {
                rawHTML = policy
            } else {
                diagnostics.append(.error(path, yaml.position(of: manifest["raw_html"]), "raw_html is '\(setting)'; write sanitize or escape"))
            }
        }
        var loaded = parsePages(plans.flatMap(\.files), root: root, displayRoot: displayRoot, rawHTML: rawHTML, diagnostics: &diagnostics)
        let solutionsPages = QuizKeys.apply(to: &loaded, root: root, displayRoot: displayRoot, diagnostics: &diagnostics)
        var byPath: [String: LoadedPage] = [:]
        for item in loaded { byPath[item.page.relativePath] = item }

        var sessions: [Session] = []
        for plan in plans {
            // A solutions page stays a page: the quiz it keys is the lesson's.
            let sessionPages = plan.files.compactMap { byPath[$0] }.filter { !solutionsPages.contains($0.page.relativePath) }
            let lesson = (byPath[join(plan.entry, "lesson.md")] ?? (plan.files == [plan.entry] ? byPath[plan.entry] : nil))?.page
            // quiz.md first, then the lesson, then the session's other pages.
            let withQuiz = sessionPages.first { $0.page.relativePath == join(plan.entry, "quiz.md") && $0.quiz != nil }
                ?? sessionPages.first { $0.quiz != nil }
            let quizPage = withQuiz?.page
            let quiz = withQuiz?.quiz
            let front = lesson?.frontMatter ?? FrontMatter()
            sessions.append(Session(
                id: sessionID(plan.entry), number: front.session ?? leadingNumber(plan.entry),
                title: lesson?.title ?? plan.entry, lesson: lesson, quizPage: quizPage, quiz: quiz))
        }

        var exercises: [Exercise] = []
        let exercisesSetting = yaml.string(manifest, "exercises", diagnostics: &diagnostics)
        let exercisesName = exercisesSetting ?? "exercises"
        let exercisesURL = root.appendingPathComponent(exercisesName).standardizedFileURL
        if FileManager.default.fileExists(atPath: exercisesURL.path) {
            exercises = ExerciseLoader.loadAll(in: exercisesURL, displayDirectory: DisplayPath.normalized(join(displayRoot, exercisesName)),
                                               readsFiles: exerciseFiles, diagnostics: &diagnostics)
        } else if let setting = exercisesSetting {
            diagnostics.append(.error(path, yaml.position(of: manifest["exercises"]), "exercises folder '\(setting)' does not exist"))
        }
        for exercise in exercises {
            if let session = exercise.session, !sessions.contains(where: { $0.id == session }) {
                diagnostics.append(.warning(join(exercise.displayDirectory, "exercise.yml"), "exercise names session '\(session)', which course.yml does not list"))
            }
        }

        var course = Course(
            title: title, description: yaml.string(manifest, "description", diagnostics: &diagnostics) ?? "",
            baseURL: yaml.string(manifest, "base_url", diagnostics: &diagnostics),
            root: root, displayRoot: displayRoot, hasManifest: true,
            sessions: sessions, pages: loaded.map(\.page), exercises: exercises)
        discardInBackground(consume loaded)  // what only it holds: the solutions pages' quizzes
        course.offersExports = yaml.bool(manifest, "export", diagnostics: &diagnostics) ?? false
        course.rawHTML = rawHTML
        if let language = yaml.string(manifest, "language", diagnostics: &diagnostics) {
            course.language = LanguageTag.checked(language, path: path, position: yaml.position(of: manifest["language"]),
                                                  diagnostics: &diagnostics)
        }
        return course
    }

    // MARK: A folder of markdown

    private static func loadFolder(_ root: URL, displayRoot: String, only: [String]?, diagnostics: inout [Diagnostic]) -> Course? {
        let files = only ?? markdownFiles(in: "", tree: CourseTree(root: root), displayRoot: displayRoot, diagnostics: &diagnostics)
        var loaded = parsePages(files, root: root, displayRoot: displayRoot, diagnostics: &diagnostics)
        let solutionsPages = QuizKeys.apply(to: &loaded, root: root, displayRoot: displayRoot, diagnostics: &diagnostics)
        let pages = loaded.map(\.page)
        let sessions = pageSessions(loaded, solutionsPages: solutionsPages)
        discardInBackground(consume loaded)  // what only it holds: the solutions pages' quizzes
        let title = (pages.first { $0.relativePath == "index.md" } ?? pages.first { $0.relativePath == "README.md" })?.title
            ?? (only == nil ? root.lastPathComponent : pages.first?.title ?? root.lastPathComponent)
        let course = Course(title: title, description: "", baseURL: nil, root: root, displayRoot: displayRoot,
                            hasManifest: false, sessions: sessions, pages: pages, exercises: [])
        return course
    }

    // MARK: A course configured for MkDocs or mdBook

    /// The pages of the configuration's pages folder, less the excluded ones, in the order
    /// of its navigation and then the folders; sessions as in folder mode.
    /// `early`, when given, holds the pages folder read while the configuration was parsed.
    private static func loadConfigured(_ config: CourseConfiguration, early: EarlyPages? = nil, diagnostics: inout [Diagnostic]) -> Course? {
        let root = config.pagesFolder
        let early = early?.take(folder: root, displayFolder: config.displayPagesFolder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.append(.error(config.displayPath, "the pages folder \(config.displayPagesFolder) does not exist"))
            return nil
        }
        let walked: [String]
        if let early {
            walked = early.files
            diagnostics += early.walkDiagnostics
        } else {
            walked = markdownFiles(in: "", tree: CourseTree(root: root), displayRoot: config.displayPagesFolder, diagnostics: &diagnostics)
        }
        let all = walked.filter { !config.excluded.matches($0) && !config.configurationPages.contains($0) }
        let present = Set(all)
        let inNavigation = config.navigation?.pagePaths ?? []
        for path in inNavigation where !present.contains(path) {
            let at = config.entryPositions[path]
            let why = config.excluded.matches(path) ? "is excluded (exclude_docs)" : "does not exist"
            diagnostics.append(.warning(at?.path ?? config.displayPath, (at?.line ?? 1, at?.column ?? 1),
                                        "the navigation names \(path), which \(why) in \(config.displayPagesFolder)"))
        }
        var ordered: [String] = []
        var seen = Set<String>()
        for path in inNavigation where present.contains(path) && seen.insert(path).inserted { ordered.append(path) }
        var outside = all.filter { !seen.contains($0) }
        if config.navigation != nil {
            if !config.publishesPagesOutsideNavigation {
                outside = []  // an mdBook builds its SUMMARY's chapters only
            } else {
                let unlisted = outside.filter { !config.notInNavigation.matches($0) && !["index.md", "README.md"].contains($0) }
                if !unlisted.isEmpty {
                    let names = unlisted.prefix(5).joined(separator: ", ") + (unlisted.count > 5 ? ", …" : "")
                    diagnostics.append(.warning(config.displayPath, "\(plural(unlisted.count, "page")) not in the navigation "
                        + "(published, not in the sidebar; list them in not_in_nav to say it is meant): \(names)"))
                }
            }
        }
        var loaded = parsePages(ordered + outside, root: root, displayRoot: config.displayPagesFolder, parsed: early?.pages ?? [:],
                                diagnostics: &diagnostics)
        let solutionsPages = QuizKeys.apply(to: &loaded, root: root, displayRoot: config.displayPagesFolder, diagnostics: &diagnostics)
        let sessions = pageSessions(loaded, solutionsPages: solutionsPages)
        var course = Course(title: config.title, description: config.description, baseURL: config.baseURL, root: root,
                            displayRoot: config.displayPagesFolder, hasManifest: false, sessions: sessions,
                            pages: loaded.map(\.page), exercises: [], navigation: config.navigation)
        discardInBackground(consume loaded)  // what only it holds: the solutions pages' quizzes
        course.language = config.language
        return course
    }

    // MARK: Helpers

    /// Without course.yml, every page holding a quiz is a session, except a solutions page
    /// (the quiz it keys is its lesson's).
    private static func pageSessions(_ loaded: [LoadedPage], solutionsPages: Set<String>) -> [Session] {
        loaded.compactMap { item in
            guard let quiz = item.quiz, !solutionsPages.contains(item.page.relativePath) else { return nil }
            let page = item.page
            let id = sessionID(page.relativePath)
            // The file's own number, else the title's ("Session 4: …"), else the path's.
            let number = page.frontMatter.session ?? leadingNumber(page.relativePath) ?? titleNumber(page.title) ?? leadingNumber(id)
            return Session(id: id, number: number, title: page.title, lesson: page, quizPage: page, quiz: quiz)
        }
    }

    /// A page with the quiz found in it, if any.
    struct LoadedPage {
        var page: Page
        var quiz: Quiz?
    }

    /// One page as `parsePages` makes it: nil when it cannot be read, with what was found.
    typealias ParsedPage = (page: LoadedPage?, diagnostics: [Diagnostic])

    /// Reads, parses, link-checks and quiz-parses pages concurrently; diagnostics come back
    /// in file order. A file in `parsed` (by path) was parsed before, by `parsePage`.
    /// With `rawHTML` `.sanitize`, what the sanitizer removes from a page's raw HTML is a warning.
    static func parsePages(_ files: [String], root: URL, displayRoot: String, rawHTML: RawHTMLPolicy = .sanitize,
                           parsed: [String: ParsedPage] = [:], diagnostics: inout [Diagnostic]) -> [LoadedPage] {
        let results = Parallel.map(files.count) { index -> ParsedPage in
            parsed[files[index]] ?? parsePage(files[index], root: root, displayRoot: displayRoot, rawHTML: rawHTML)
        }
        diagnostics += results.flatMap(\.diagnostics)
        return results.compactMap(\.page)
    }

    /// Reads, parses, link-checks and quiz-parses one page.
    static func parsePage(_ relative: String, root: URL, displayRoot: String, rawHTML: RawHTMLPolicy) -> ParsedPage {
        var found: [Diagnostic] = []
        let display = join(displayRoot, relative)
        guard let text = SourceReader.read(root.appendingPathComponent(relative, isDirectory: false), displayPath: display, diagnostics: &found) else {
            return (nil, found)
        }
        let page = Page.parse(text, relativePath: relative, displayPath: display, diagnostics: &found)
        if rawHTML == .sanitize { page.checkRawHTML(diagnostics: &found) }
        LinkChecker.check(page, root: root, diagnostics: &found)
        return (LoadedPage(page: page, quiz: QuizParser.parse(page, diagnostics: &found)), found)
    }

    /// Markdown files under `folder` (a path from the tree's root, "" for the root), as paths
    /// from the root: folders in name order, each folder's index.md or README.md first, then
    /// its files by name, then subfolders. Hidden and `_` entries and `theme/` are skipped; a
    /// page or folder the tree refuses (a link outside the course, a cycle, a dangling link)
    /// is skipped with a warning naming it.
    static func markdownFiles(in folder: String, tree: CourseTree, displayRoot: String, diagnostics: inout [Diagnostic]) -> [String] {
        var files: [String] = []
        tree.walk(from: folder) { _, entries in
            var pages: [String] = []
            var folders: [CourseTree.Entry] = []
            for entry in entries where !entry.name.hasPrefix(".") && !entry.name.hasPrefix("_") && entry.name != "theme" {
                switch entry.kind {
                case .folder:
                    folders.append(entry)
                case .file:
                    if isMarkdown(entry.name) { pages.append(entry.path) }
                case .refused(let refusal):
                    // Only what the course would have read: a page, a folder, or a broken link
                    // without an extension, which may have been meant as one. A page that is a
                    // broken link is a page that cannot be read, an error as a missing file is;
                    // a link refused on purpose (outside the course, a cycle) is a warning.
                    let brokenPage = isMarkdown(entry.name) && (refusal == .loop || refusal.isDangling)
                    if refusal.isFolder || isMarkdown(entry.name) || (entry.isLink && !entry.name.contains(".")),
                       let found = tree.diagnostic(brokenPage ? .error : .warning, for: entry, displayRoot: displayRoot) {
                        diagnostics.append(found)
                    }
                }
            }
            let isIndex = { (path: String) in ["index.md", "readme.md"].contains((path as NSString).lastPathComponent.lowercased()) }
            files += pages.filter(isIndex) + pages.filter { !isIndex($0) }
            return folders
        }
        return files
    }

    /// Whether a file name or path names a markdown page (`.md` or `.markdown`, in any case).
    static func isMarkdown(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    }

    /// A session folder's pages: lesson.md, quiz.md, then the rest by name.
    private static func orderSessionFiles(_ files: [String], folder: String) -> [String] {
        let lesson = join(folder, "lesson.md")
        let quiz = join(folder, "quiz.md")
        return files.filter { $0 == lesson } + files.filter { $0 == quiz } + files.filter { $0 != lesson && $0 != quiz }
    }

    private static func sessionID(_ entry: String) -> String {
        var id = entry
        for suffix in [".md", ".markdown", ".txt"] where id.lowercased().hasSuffix(suffix) {
            id = String(id.dropLast(suffix.count))
        }
        return String(decoding: id.utf8.map { $0 == UInt8(ascii: "/") ? UInt8(ascii: "-") : $0 }, as: UTF8.self)
    }

    /// 4 from a title such as "Session 4: Production MCP Deployment".
    private static func titleNumber(_ title: String) -> Int? {
        let words = title.split(separator: " ")
        guard words.count >= 2, words[0].lowercased() == "session" else { return nil }
        return Int(words[1].filter(\.isNumber))
    }

    private static func leadingNumber(_ text: String) -> Int? {
        let name = (text as NSString).lastPathComponent
        let digits = name.prefix { $0.isNumber }
        guard let number = Int(digits), number > 0 else { return nil }
        return number
    }
}
