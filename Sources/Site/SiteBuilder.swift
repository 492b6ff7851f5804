import Course
import Foundation
import Markdown
import Support

/// What `lectern site build` is asked to do.
public struct SiteBuildOptions: Sendable, Equatable {
    /// Where the site goes. Default: `_site` in the current folder (git-ignored).
    public var output: String
    /// Fail the build on course errors (broken links, bad quizzes), not only report them.
    public var strict: Bool
    /// The default theme's folder; nil finds the one shipped with lectern (site/).
    public var themeDirectory: URL?
    /// Debian's libjs-highlight.js; the languages the course uses are copied into the site
    /// (`HighlightBundle`) when it is present.
    public var highlightDirectory: String

    public static let defaultOutput = "_site"

    public init(output: String = SiteBuildOptions.defaultOutput, strict: Bool = false, themeDirectory: URL? = nil,
                highlightDirectory: String = "/usr/share/javascript/highlight.js") {
        self.output = output
        self.strict = strict
        self.themeDirectory = themeDirectory
        self.highlightDirectory = highlightDirectory
    }
}

/// The outcome of a build: its diagnostics and what it wrote.
public struct SiteBuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// False when the site was not written (a fatal problem, or course errors under --strict).
    public var succeeded: Bool
    public var output: String
    public var pages: Int
    public var summary: SiteWriter.Summary?
    /// How long the build took, from loading the course to the swap-in.
    public var duration: Duration = .zero
    /// The course as loaded, nil when it did not load. The caller decides how long it lives:
    /// a command that exits right after the build need not tear its trees down.
    public var course: Course?

    /// One line for the terminal: what was built, or why not.
    public var text: String {
        var lines = diagnostics.sorted().map(\.description)
        let counts = "\(diagnostics.errorCount) error\(diagnostics.errorCount == 1 ? "" : "s"), "
            + "\(diagnostics.warningCount) warning\(diagnostics.warningCount == 1 ? "" : "s")"
        if succeeded, let summary {
            let change = summary.written == 0 && summary.removed == 0
                ? "nothing changed"
                : "\(summary.written) file\(summary.written == 1 ? "" : "s") written, \(summary.unchanged) unchanged, \(summary.removed) removed"
            let (seconds, attoseconds) = duration.components
            let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
            lines.append("Built \(pages) page\(pages == 1 ? "" : "s") into \(output) in \(milliseconds) ms (\(change)); \(counts)")
        } else {
            lines.append("The site was not built; \(counts)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Builds the static study site of a course: load and check the course, prepare the theme,
/// plan and links, then render every page on every core, handing each to the writer as soon
/// as it is made. Nothing replaces the previous site unless every step passes.
public enum SiteBuilder {
    /// Builds the course at `coursePath` into `options.output`.
    public static func build(coursePath: String, options: SiteBuildOptions) -> SiteBuildReport {
        var diagnostics: [Diagnostic] = []
        let clock = ContinuousClock()
        let start = clock.now
        // The default theme and Debian's highlight.js need nothing of the course: they are
        // read (templates parsed, the highlighter split) while the course loads, on the core
        // the loader's serial start leaves idle.
        let shipped = Background { SiteAssembly.Shipped(options: options) }
        let course = CourseLoader.load(coursePath, diagnostics: &diagnostics)
        let built = course.flatMap { build($0, options: options, shipped: shipped, diagnostics: &diagnostics) }
        return SiteBuildReport(diagnostics: diagnostics, succeeded: built != nil, output: options.output,
                               pages: built?.pages ?? 0, summary: built?.summary, duration: clock.now - start, course: course)
    }

    /// What was written and how many pages, or nil when the site was not written.
    private static func build(_ course: Course, options: SiteBuildOptions, shipped: Background<SiteAssembly.Shipped>,
                              diagnostics: inout [Diagnostic]) -> (summary: SiteWriter.Summary, pages: Int)? {
        // The course's theme overrides need nothing of the course but its folder, and the plan
        // of pages nothing but the course: each is made on a thread of its own while the
        // pages' anchors are checked on every core.
        let files = Background { SiteAssembly.Files(course: course, shipped: shipped.wait()) }
        let plan = Background { SitePlan(course: course) }
        let quizHashes = Background { SiteAssembly.quizHashes(of: course) }
        AnchorChecker.check(course, diagnostics: &diagnostics)
        // What needs the course alone is made on every core before those threads are waited for.
        let parts = SiteAssembly.CourseParts(course: course)
        guard let site = SiteAssembly(course: course, options: options, parts: parts, files: files.wait(), plan: plan.wait(),
                                      quizHashes: quizHashes.wait(), diagnostics: &diagnostics) else { return nil }
        if options.strict && diagnostics.hasErrors { return nil }
        do {
            let writer = try SiteWriter(output: URL(fileURLWithPath: options.output))
            do {
                try site.write(to: writer, diagnostics: &diagnostics)
                let pages = site.pageCount
                discardInBackground(consume site)  // the plan, sidebar and theme: a serial teardown at the end
                return (try writer.commit(), pages)
            } catch {
                writer.abandon()
                throw error
            }
        } catch {
            diagnostics.append(.error(options.output, "\(error)"))
            return nil
        }
    }
}

/// Everything a build renders from: the course, its theme, the plan of pages and the link
/// rewriting, made once before any page is rendered.
struct SiteAssembly {
    let course: Course
    let theme: Theme
    let plan: SitePlan
    let copied: [String: String]
    let highlight: HighlightBundle
    let renderer: PageRenderer

    /// What a build reads of lectern's own files and Debian's, before the course is known:
    /// the default theme and the highlighter's file.
    struct Shipped: Sendable {
        var theme: Theme.Shipped?
        var highlight: HighlightBundle.Catalog?

        init(options: SiteBuildOptions) {
            theme = Theme.Shipped.read(directory: options.themeDirectory)
            highlight = HighlightBundle.Catalog(directory: options.highlightDirectory)
        }
    }

    /// What the assembly reads from disk: the theme with the course's overrides, with what
    /// loading it found, and the highlighter's file.
    struct Files: Sendable {
        var theme: Theme?
        var themeDiagnostics: [Diagnostic] = []
        var highlight: HighlightBundle.Catalog?

        init(course: Course, shipped: Shipped) {
            theme = Theme.load(shipped: shipped.theme, courseTheme: course.root.appendingPathComponent("theme"),
                               displayCourseTheme: DisplayPath.join(course.displayRoot, "theme"), diagnostics: &themeDiagnostics)
            highlight = shipped.highlight
        }
    }

    /// Each session's quiz's content hash, by session id: hashed once for every page that shows it.
    static func quizHashes(of course: Course) -> [String: String] {
        Dictionary(course.sessions.compactMap { session in session.quiz.map { (session.id, $0.contentHash) } }) { first, _ in first }
    }

    /// What the assembly makes from the course alone (each part on every core): the files
    /// pages link to, with what finding them reported, and the languages of the code.
    struct CourseParts: Sendable {
        var copied: [String: String]
        var copyDiagnostics: [Diagnostic]
        var languages: Set<String>

        init(course: Course) {
            var found: [Diagnostic] = []
            copied = LinkRewriter.linkedFiles(course: course, exerciseFolders: course.exercises.map { $0.directory.standardizedFileURL.path },
                                              diagnostics: &found)
            copyDiagnostics = found
            languages = HighlightBundle.languages(of: course)
        }
    }

    /// Nil when the theme does not load.
    init?(course: Course, options: SiteBuildOptions, parts: CourseParts, files: Files, plan: SitePlan, quizHashes: [String: String],
          diagnostics: inout [Diagnostic]) {
        diagnostics += files.themeDiagnostics
        guard let theme = files.theme else { return nil }
        diagnostics += plan.diagnostics
        for exercise in course.exercises { diagnostics += ExerciseFolder.refusals(of: exercise) }
        diagnostics += parts.copyDiagnostics
        let copied = parts.copied
        let links = LinkRewriter(outputForSource: plan.outputForSource, outputForExercise: plan.outputForExercise, copiedFiles: copied,
                                 courseRoot: course.root.standardizedFileURL.path)
        let highlight = HighlightBundle(catalog: files.highlight, languages: parts.languages)
        self.course = course
        self.theme = theme
        self.plan = plan
        self.copied = copied
        self.highlight = highlight
        renderer = PageRenderer(course: course, plan: SitePlanBox(plan), theme: theme, links: links, highlight: highlight.script != nil,
                                searchShards: SearchIndex.shardCount(pages: plan.entries.count),
                                sidebar: Sidebar(plan: plan, theme: theme, pages: plan.entries.map(\.output) + ["404.html"]),
                                quizHashes: quizHashes)
    }

    /// The HTML pages, the not-found page included.
    var pageCount: Int { plan.entries.count + 1 }

    /// The site's own files, which win over a course page or linked file of the same path:
    /// the not-found page, the theme's assets, the highlighter, the sitemap, the marker.
    func ownFiles() -> [(path: String, data: Data)] {
        var files: [(path: String, data: Data)] = [("404.html", Data(renderer.renderNotFound().utf8))]
        files += theme.assets.sorted { $0.key < $1.key }.map { ("assets/" + $0.key, $0.value) }
        if let script = highlight.script { files.append(("assets/" + HighlightBundle.fileName, script)) }
        if let sitemap = Sitemap.xml(baseURL: course.baseURL, pages: plan.entries.map(\.output)) { files.append(("sitemap.xml", Data(sitemap.utf8))) }
        files.append((SiteWriter.marker, Data("This folder was built by `lectern site build`, which replaces it whole on every build.\n".utf8)))
        return files
    }

    /// Renders every file of the site into `writer`: the site's own files; the pages in
    /// parallel, each written (with its part of the search index made) on the thread that
    /// rendered it; then the search index and the files pages link to.
    func write(to writer: SiteWriter, diagnostics: inout [Diagnostic]) throws {
        let own = ownFiles()
        for file in own { try writer.put(file.path, file.data) }
        let reserved = Set(own.map(\.path))
        let renderer = renderer
        let entries = plan.entries
        let searchShards = renderer.searchShards
        let outputs = Parallel.map(entries.count) { index -> Result<SearchIndex.PagePart, Error> in
            let output = renderer.render(index)
            return Result {
                if !reserved.contains(entries[index].output) { try writer.put(entries[index].output, text: output.html) }
                return SearchIndex.PagePart(output.search, shardCount: searchShards)
            }
        }
        var taken = reserved.union(entries.map(\.output))
        let pageParts = try outputs.map { try $0.get() }
        let search = SearchIndex.files(pageParts, shardCount: searchShards)
        discardInBackground((consume outputs, consume pageParts))  // every page's terms: a serial teardown at the end
        for written in Parallel.map(search.count, { index in Result { try writer.put(search[index].0, search[index].1) } }) {
            try written.get()
        }
        taken.formUnion(search.map(\.0))

        if course.offersExports {
            for entry in entries {
                let session: Session, source: Page
                switch entry.kind {
                case .quiz(let quizSession, let quizSource, _): (session, source) = (quizSession, quizSource)
                case .page(let page, let pageSession?, true): (session, source) = (pageSession, page)
                default: continue
                }
                for file in QuizDownloads.files(course: course, session: session, source: source, quizOutput: entry.output,
                                                diagnostics: &diagnostics) where taken.insert(file.path).inserted {
                    try writer.put(file.path, file.data)
                }
            }
        }
        for (source, target) in copied.sorted(by: { $0.value < $1.value }) {
            if taken.contains(target) {
                diagnostics.append(.warning(DisplayPath.join(course.displayRoot, target), "not copied: the site already has a file at \(target)"))
            } else if let data = FileManager.default.contents(atPath: source) {
                try writer.put(target, data)
            }
        }
        for exercise in course.exercises {
            for track in exercise.tracks {
                let target = "exercises/\(exercise.slug)/\(track.name)/\(track.entry)"
                if !exercise.mayRead(track.starter) && FileManager.default.fileExists(atPath: track.starter.path) {
                    continue  // there, but through a link out of the exercise folder: refused with a warning above
                }
                if let code = track.starterSource {
                    if !taken.contains(target) { try writer.put(target, text: code) }
                } else {
                    diagnostics.append(.warning(DisplayPath.join(exercise.displayDirectory, "\(track.name)/starter/\(track.entry)"),
                                                "the \(track.name) track has no starter file, so its exercise page offers none"))
                }
            }
        }
    }
}

/// sitemap.xml, written when course.yml gives `base_url`.
enum Sitemap {
    static func xml(baseURL: String?, pages: [String]) -> String? {
        guard let baseURL, !baseURL.isEmpty else { return nil }
        let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.sorted() {
            out += "  <url><loc>\(HTMLEscaping.escape(base + SitePath.encoded(page)))</loc></url>\n"
        }
        out += "</urlset>\n"
        return out
    }
}
