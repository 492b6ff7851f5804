import Course
import Foundation
import Markdown

/// What `lectern site build` is asked to do.
public struct SiteBuildOptions: Sendable, Equatable {
    /// Where the site goes. Default: `_site` in the current folder (git-ignored).
    public var output: String
    /// Fail the build on course errors (broken links, bad quizzes), not only report them.
    public var strict: Bool
    /// The default theme's folder; nil finds the one shipped with lectern (site/).
    public var themeDirectory: URL?
    /// Debian's libjs-highlight.js; its files are copied into the site when present.
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

    /// One line for the terminal: what was built, or why not.
    public var text: String {
        var lines = diagnostics.sorted().map(\.description)
        let counts = "\(diagnostics.errorCount) error\(diagnostics.errorCount == 1 ? "" : "s"), "
            + "\(diagnostics.warningCount) warning\(diagnostics.warningCount == 1 ? "" : "s")"
        if succeeded, let summary {
            let change = summary.written == 0 && summary.removed == 0
                ? "nothing changed"
                : "\(summary.written) file\(summary.written == 1 ? "" : "s") written, \(summary.unchanged) unchanged, \(summary.removed) removed"
            lines.append("Built \(pages) page\(pages == 1 ? "" : "s") into \(output) (\(change)); \(counts)")
        } else {
            lines.append("The site was not built; \(counts)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Builds the static study site of a course. The build is a list of named steps over one
/// context; any step can stop it with a diagnostic, and nothing is written unless all pass.
public enum SiteBuilder {
    /// Builds the course at `coursePath` into `options.output`.
    public static func build(coursePath: String, options: SiteBuildOptions) -> SiteBuildReport {
        var diagnostics: [Diagnostic] = []
        var report = SiteBuildReport(diagnostics: [], succeeded: false, output: options.output, pages: 0, summary: nil)
        guard let course = CourseLoader.load(coursePath, diagnostics: &diagnostics) else {
            report.diagnostics = diagnostics
            return report
        }
        AnchorChecker.check(course, diagnostics: &diagnostics)
        let rendered = render(course: course, options: options, diagnostics: &diagnostics)
        report.diagnostics = diagnostics
        guard let (files, pages) = rendered else { return report }
        if options.strict && diagnostics.hasErrors { return report }
        do {
            report.summary = try SiteWriter.write(files, to: URL(fileURLWithPath: options.output))
            report.succeeded = true
            report.pages = pages
        } catch {
            report.diagnostics.append(.error(options.output, "\(error)"))
        }
        return report
    }

    /// Renders every file of the site in memory: site path → bytes, and the page count.
    /// Nil when the theme does not load.
    public static func render(course: Course, options: SiteBuildOptions, diagnostics: inout [Diagnostic]) -> ([String: Data], Int)? {
        let themeURL = course.root.appendingPathComponent("theme")
        guard let theme = Theme.load(defaultDirectory: options.themeDirectory, courseTheme: themeURL,
                                     displayCourseTheme: DisplayPath.join(course.displayRoot, "theme"), diagnostics: &diagnostics) else {
            return nil
        }
        let plan = SitePlan(course: course)
        let exerciseFolders = course.exercises.map { $0.directory.standardizedFileURL.path }
        let copied = LinkRewriter.linkedFiles(course: course, exerciseFolders: exerciseFolders, diagnostics: &diagnostics)
        let links = LinkRewriter(outputForSource: plan.outputForSource, outputForExercise: plan.outputForExercise, copiedFiles: copied,
                                 courseRoot: course.root.standardizedFileURL.path)
        let highlight = Highlighting(directory: options.highlightDirectory)
        let renderer = PageRenderer(course: course, plan: SitePlanBox(plan), theme: theme, links: links, highlight: highlight.isAvailable)

        // Each page's bytes, and its part of the search index, are made on the thread that rendered it.
        let outputs = Parallel.map(plan.entries.count) { index in
            let output = renderer.render(index)
            return (html: Data(output.html.utf8), search: SearchIndex.jsonFragment(output.search))
        }
        var files: [String: Data] = [:]
        for (entry, output) in zip(plan.entries, outputs) {
            files[entry.output] = output.html
        }
        files["404.html"] = Data(renderer.renderNotFound().utf8)
        files["search-index.js"] = Data(SearchIndex.script(fragments: outputs.map(\.search)))
        for (name, data) in theme.assets { files["assets/" + name] = data }
        for (name, data) in highlight.files() { files["assets/highlight/" + name] = data }
        for (source, target) in copied {
            if files[target] != nil {
                diagnostics.append(.warning(DisplayPath.join(course.displayRoot, target), "not copied: the site already has a file at \(target)"))
            } else if let data = FileManager.default.contents(atPath: source) {
                files[target] = data
            }
        }
        for exercise in course.exercises {
            for track in exercise.tracks {
                let target = "exercises/\(exercise.slug)/\(track.name)/\(track.entry)"
                if let data = FileManager.default.contents(atPath: track.starter.path) {
                    files[target] = data
                } else {
                    diagnostics.append(.warning(DisplayPath.join(exercise.displayDirectory, "\(track.name)/starter/\(track.entry)"),
                                                "the \(track.name) track has no starter file, so its exercise page offers none"))
                }
            }
        }
        if let sitemap = Sitemap.xml(baseURL: course.baseURL, pages: plan.entries.map(\.output)) {
            files["sitemap.xml"] = Data(sitemap.utf8)
        }
        files[SiteWriter.marker] = Data("This folder was built by `lectern site build`, which replaces it whole on every build.\n".utf8)
        return (files, plan.entries.count + 1)
    }
}

/// Debian's highlight.js (libjs-highlight.js): the script and two accessible styles, light
/// and dark. Without the package the site shows plain code blocks.
struct Highlighting {
    let directory: String

    var isAvailable: Bool { FileManager.default.fileExists(atPath: directory + "/highlight.min.js") }

    func files() -> [String: Data] {
        guard isAvailable else { return [:] }
        var result: [String: Data] = [:]
        let sources = ["highlight.min.js": "highlight.min.js", "light.css": "styles/a11y-light.css", "dark.css": "styles/a11y-dark.css"]
        for (name, source) in sources {
            if let data = FileManager.default.contents(atPath: directory + "/" + source) { result[name] = data }
        }
        return result
    }
}

/// sitemap.xml, written when course.yml gives `base_url`.
enum Sitemap {
    static func xml(baseURL: String?, pages: [String]) -> String? {
        guard let baseURL, !baseURL.isEmpty else { return nil }
        let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.sorted() {
            out += "  <url><loc>\(HTMLEscaping.escape(base + page))</loc></url>\n"
        }
        out += "</urlset>\n"
        return out
    }
}
