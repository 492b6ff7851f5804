import Course
import Foundation
import Mustache
import SiteTheme

/// The templates and assets a build uses: the default theme (`site/`), with any same-named
/// file of the course's `theme/` folder in its place.
///
/// Layout of both: `templates/<name>.mustache` and `assets/<file>`. A course template that
/// does not parse fails the build with a diagnostic naming its file, line and column; it is
/// never skipped silently.
public struct Theme: Sendable {
    /// The templates a build renders pages with; each must exist after overrides.
    public static let pageTemplates = ["home", "page", "quiz", "quiz-form", "exercise", "notfound", "layout", "nav-group", "nav-item"]

    public var library: MustacheLibrary
    /// Asset files by name (`site.css`), copied to `assets/` in the output.
    public var assets: [String: Data]
    /// The template names whose text came from the course's theme folder.
    public var overridden: [String]
    /// The templates kept as shipped that the build writes without the template library
    /// (``DirectTemplates``).
    var direct: Set<String> = []

    /// Loads the default theme from `defaultDirectory` and overrides from `courseTheme`.
    /// Returns nil (with diagnostics) when a template does not parse or one is missing.
    public static func load(defaultDirectory: URL?, courseTheme: URL?, displayCourseTheme: String,
                            diagnostics: inout [Diagnostic]) -> Theme? {
        load(shipped: Shipped.read(directory: defaultDirectory), courseTheme: courseTheme, displayCourseTheme: displayCourseTheme,
             diagnostics: &diagnostics)
    }

    /// The default theme as read from its folder, its templates parsed. It needs nothing of
    /// the course, so a build reads it while the course loads.
    public struct Shipped: Sendable {
        let base: URL
        let sources: [String: (text: String, display: String)]
        let assets: [String: Data]
        /// The templates that parse; one that does not is parsed again by `load` to report it.
        let parsed: [String: MustacheTemplate]

        /// Nil when the folder (`directory`, or the one shipped with lectern) is missing.
        public static func read(directory: URL?) -> Shipped? {
            guard let base = directory ?? DefaultTheme.directory else { return nil }
            var sources: [String: (text: String, display: String)] = [:]
            var assets: [String: Data] = [:]
            for (name, url) in files(in: base.appendingPathComponent("templates")) where name.hasSuffix(".mustache") {
                sources[String(name.dropLast(9))] = (String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self), url.path)
            }
            for (name, url) in files(in: base.appendingPathComponent("assets")) {
                assets[name] = try? Data(contentsOf: url)
            }
            _ = TemplateEscaping.registered  // before any template parses
            return Shipped(base: base, sources: sources, assets: assets,
                           parsed: sources.compactMapValues { try? MustacheTemplate(string: $0.text) })
        }
    }

    /// The `shipped` theme with overrides from `courseTheme`; nil (with diagnostics) when the
    /// default theme is missing, a template does not parse or one is missing.
    static func load(shipped: Shipped?, courseTheme: URL?, displayCourseTheme: String, diagnostics: inout [Diagnostic]) -> Theme? {
        guard let shipped else {
            diagnostics.append(.error("site/templates", "the default theme is missing: looked in "
                + DefaultTheme.candidates.map(\.path).joined(separator: ", ")))
            return nil
        }
        let base = shipped.base
        var sources = shipped.sources
        var assets = shipped.assets
        var failed = false
        var overridden: [String] = []
        // The course theme is read as the course is: nothing through a link out of the course.
        if let courseTheme {
            let tree = CourseTree(root: courseTheme.deletingLastPathComponent())
            switch tree.resolve(courseTheme.path) {
            case .outside(let real):
                diagnostics.append(.warning(displayCourseTheme, "not read: " + tree.describe(.outside(real, isFolder: true))))
            case .loop:
                diagnostics.append(.warning(displayCourseTheme, "not read: " + tree.describe(.loop)))
            case .missing:
                break
            case .inside:
                let themeName = courseTheme.lastPathComponent
                for (name, url) in courseFiles(tree, themeName + "/templates", display: displayCourseTheme + "/templates", diagnostics: &diagnostics) {
                    let display = displayCourseTheme + "/templates/" + name
                    guard name.hasSuffix(".mustache") else {
                        diagnostics.append(.warning(display, "not a template (templates end in .mustache); ignored"))
                        continue
                    }
                    guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
                        diagnostics.append(.error(display, "cannot read the template as UTF-8 text"))
                        failed = true
                        continue
                    }
                    let template = String(name.dropLast(9))
                    sources[template] = (text, display)
                    overridden.append(template)
                }
                for (name, url) in courseFiles(tree, themeName + "/assets", display: displayCourseTheme + "/assets", diagnostics: &diagnostics) {
                    guard let data = try? Data(contentsOf: url) else {
                        diagnostics.append(.error(displayCourseTheme + "/assets/" + name, "cannot read the asset"))
                        failed = true
                        continue
                    }
                    assets[name] = data
                }
                let stray = ((try? FileManager.default.contentsOfDirectory(atPath: courseTheme.path)) ?? [])
                    .filter { !$0.hasPrefix(".") && $0 != "templates" && $0 != "assets" }.sorted()
                for name in stray {
                    diagnostics.append(.warning(displayCourseTheme + "/" + name,
                        "ignored: a theme overrides templates in theme/templates/ and assets in theme/assets/"))
                }
            }
        }
        _ = TemplateEscaping.registered
        var library = MustacheLibrary()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            if !overridden.contains(name), let template = shipped.parsed[name] {
                library.register(template, named: name)
                continue
            }
            do {
                library.register(try MustacheTemplate(string: source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(source.display, (error.context.lineNumber, error.context.columnNumber),
                    "template does not parse: \(describe(error.error))"))
                failed = true
            } catch {
                diagnostics.append(.error(source.display, "template does not parse: \(error)"))
                failed = true
            }
        }
        for name in pageTemplates where sources[name] == nil {
            diagnostics.append(.error(base.appendingPathComponent("templates/\(name).mustache").path, "the theme has no '\(name)' template"))
            failed = true
        }
        return failed ? nil : Theme(library: library, assets: assets, overridden: overridden.sorted(),
                                    direct: DirectTemplates.kept(in: sources.mapValues(\.text)))
    }

    /// Renders `context` with the named template.
    func render(_ template: String, _ context: [String: Any]) -> String {
        if rendersDirectly(template) { return PageHTML.render(template, context) }
        return library.render(context, withTemplate: template) ?? ""
    }

    /// Whether `render` writes the page template itself (`PageHTML`) rather than through the
    /// template library: a page template written out (one with includes) and kept as shipped.
    /// quiz-form and nav-item are written out too, by their own callers.
    func rendersDirectly(_ template: String) -> Bool {
        direct.contains(template) && DirectTemplates.includes[template] != nil
    }

    /// Regular files directly in `folder` (sorted by name), with their URLs.
    private static func files(in folder: URL) -> [(String, URL)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        return names.compactMap { name in
            guard !name.hasPrefix(".") else { return nil }
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
            return (name, url)
        }
    }

    /// The files directly in `folder` of the course theme, by name, with their URLs; a link
    /// the course's walk refuses (one leading out of the course, a dangling one) is skipped
    /// with a warning.
    private static func courseFiles(_ tree: CourseTree, _ folder: String, display: String,
                                    diagnostics: inout [Diagnostic]) -> [(String, URL)] {
        var result: [(String, URL)] = []
        tree.walk(from: folder) { _, entries in
            for entry in entries where !entry.name.hasPrefix(".") {
                switch entry.kind {
                case .file: result.append((entry.name, URL(fileURLWithPath: tree.root + "/" + entry.path)))
                case .folder: break
                case .refused(let refusal): diagnostics.append(.warning(display + "/" + entry.name, "not read: " + tree.describe(refusal)))
                }
            }
            return []
        }
        return result
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section's closing tag does not match its opening tag"
        case .unfinishedName: return "a tag is not closed (missing '}}')"
        case .expectedSectionEnd: return "a section is never closed (missing '{{/name}}')"
        case .invalidSetDelimiter: return "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: return "a transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "an inheritance section holds a tag it may not"
        case .textInsideInheritSection: return "an inheritance section holds text outside its blocks"
        case .invalidConfigVariableSyntax: return "a configuration tag is malformed"
        case .unrecognisedConfigVariable: return "a configuration tag names an unknown variable"
        }
    }
}
