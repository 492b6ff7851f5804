import Foundation
import Markdown
import Support
import TOMLKit
import Yams

/// What a course's own configuration says when it is an MkDocs site (mkdocs.yml) or an
/// mdBook (book.toml, SUMMARY.md): where its pages are, its title, its navigation, which
/// files to leave out. Lectern reads them as they are, so a course builds without a course.yml.
struct CourseConfiguration {
    /// The folder holding the pages (MkDocs' `docs_dir`, mdBook's `src`).
    var pagesFolder: URL
    var displayPagesFolder: String
    var title: String
    var description: String = ""
    var baseURL: String?
    /// MkDocs' `theme.language`, mdBook's `book.language`; default `en`.
    var language = "en"
    var navigation: Navigation?
    /// Pages left out of the course altogether (`exclude_docs`).
    var excluded = PathPatterns("")
    /// Pages deliberately left out of the navigation (`not_in_nav`).
    var notInNavigation = PathPatterns("")
    /// Whether pages outside the navigation are published (MkDocs) or not (mdBook).
    var publishesPagesOutsideNavigation = true
    /// Files that configure rather than teach (mdBook's SUMMARY.md).
    var configurationPages: Set<String> = []
    /// Where each navigation entry is written, for diagnostics: path → (file, line, column).
    var entryPositions: [String: (path: String, line: Int, column: Int)] = [:]
    /// The configuration file as diagnostics name it.
    var displayPath: String

    // MARK: mkdocs.yml

    /// Reads `mkdocs.yml` in `root`; nil (with diagnostics) when it does not parse. YAML tags
    /// such as `!!python/name:…` and `!ENV` are kept as tags, never constructed.
    static func mkdocs(_ file: URL, root: URL, displayRoot: String, diagnostics: inout [Diagnostic]) -> CourseConfiguration? {
        let path = DisplayPath.join(displayRoot, file.lastPathComponent)
        guard let text = SourceReader.read(file, displayPath: path, diagnostics: &diagnostics),
              let yaml = YAMLDocument.parse(text, path: path, diagnostics: &diagnostics),
              let mapping = yaml.mapping(diagnostics: &diagnostics) else { return nil }
        let docsDir = yaml.string(mapping, "docs_dir", diagnostics: &diagnostics) ?? "docs"
        var config = CourseConfiguration(
            pagesFolder: root.appendingPathComponent(docsDir).standardizedFileURL,
            displayPagesFolder: DisplayPath.join(displayRoot, docsDir),
            title: yaml.string(mapping, "site_name", diagnostics: &diagnostics) ?? root.lastPathComponent,
            displayPath: path)
        config.description = yaml.string(mapping, "site_description", diagnostics: &diagnostics) ?? ""
        config.baseURL = yaml.string(mapping, "site_url", diagnostics: &diagnostics)
        config.excluded = PathPatterns(yaml.string(mapping, "exclude_docs", diagnostics: &diagnostics) ?? "")
        config.notInNavigation = PathPatterns(yaml.string(mapping, "not_in_nav", diagnostics: &diagnostics) ?? "")
        if case .mapping(let theme)? = mapping["theme"], let language = yaml.string(theme, "language", diagnostics: &diagnostics) {
            config.language = LanguageTag.checked(language, path: path, position: yaml.position(of: theme["language"]),
                                                  diagnostics: &diagnostics)
        }
        if let nav = mapping["nav"] {
            guard case .sequence(let entries) = nav else {
                diagnostics.append(.error(path, yaml.position(of: nav), "'nav' must be a list of pages and sections"))
                return config
            }
            config.navigation = Navigation(items: entries.compactMap { config.navItem($0, yaml: yaml, diagnostics: &diagnostics) })
        }
        return config
    }

    /// One entry of mkdocs.yml's `nav`: `page.md`, `Title: page.md`, `Title: https://…`, or
    /// `Section: [entries]`.
    private mutating func navItem(_ node: Node, yaml: YAMLDocument, diagnostics: inout [Diagnostic]) -> Navigation.Item? {
        let position = yaml.position(of: node)
        switch node {
        case .scalar(let scalar):
            return target(nil, scalar.string, at: position)
        case .mapping(let mapping):
            guard mapping.count == 1, let (key, value) = mapping.first, let title = key.string else {
                diagnostics.append(.error(displayPath, position, "a nav entry must be 'page.md', 'Title: page.md' or 'Section: [entries]'"))
                return nil
            }
            switch value {
            case .scalar(let scalar):
                return target(title, scalar.string, at: yaml.position(of: value))
            case .sequence(let children):
                let items = children.compactMap { navItem($0, yaml: yaml, diagnostics: &diagnostics) }
                return .section(title: title, path: Self.indexPath(of: items), items: items)
            default:
                diagnostics.append(.error(displayPath, position, "nav entry '\(title)' must name a page or list entries"))
                return nil
            }
        default:
            diagnostics.append(.error(displayPath, position, "a nav entry must be 'page.md', 'Title: page.md' or 'Section: [entries]'"))
            return nil
        }
    }

    private mutating func target(_ title: String?, _ value: String, at position: (line: Int, column: Int)) -> Navigation.Item {
        if LinkChecker.localTarget(value) == nil || value.contains("://") {
            return .link(title: title ?? value, url: value)
        }
        let path = SolutionsLink.resolve(value, from: "") ?? value
        entryPositions[path] = (displayPath, position.line, position.column)
        return .page(title: title, path: path)
    }

    /// A section's own page: its first entry when that is an index.md or README.md.
    static func indexPath(of items: [Navigation.Item]) -> String? {
        guard case .page(_, let path)? = items.first else { return nil }
        let name = (path as NSString).lastPathComponent.lowercased()
        return name == "index.md" || name == "readme.md" ? path : nil
    }

    // MARK: mdBook

    /// Reads `book.toml` (title, `src`) and the book's `SUMMARY.md`, whose links are the
    /// book's chapters: prefix chapters, `# Part` titles, nested numbered chapters.
    static func mdBook(_ file: URL, root: URL, displayRoot: String, diagnostics: inout [Diagnostic]) -> CourseConfiguration? {
        let path = DisplayPath.join(displayRoot, file.lastPathComponent)
        guard let text = SourceReader.read(file, displayPath: path, diagnostics: &diagnostics) else { return nil }
        let book: TOMLTable
        do {
            book = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            diagnostics.append(.error(path, (Int(error.source.begin.line), Int(error.source.begin.column)), "TOML syntax error: \(error.description)"))
            return nil
        } catch {
            diagnostics.append(.error(path, "TOML error: \(error)"))
            return nil
        }
        let src = book["book"]?["src"]?.string ?? "src"
        var config = CourseConfiguration(
            pagesFolder: root.appendingPathComponent(src).standardizedFileURL,
            displayPagesFolder: DisplayPath.join(displayRoot, src),
            title: book["book"]?["title"]?.string ?? root.lastPathComponent,
            displayPath: path)
        config.description = book["book"]?["description"]?.string ?? ""
        if let language = book["book"]?["language"]?.string {
            config.language = LanguageTag.checked(language, path: path, position: (1, 1), diagnostics: &diagnostics)
        }
        config.publishesPagesOutsideNavigation = false
        config.configurationPages = ["SUMMARY.md"]
        let summaryURL = config.pagesFolder.appendingPathComponent("SUMMARY.md")
        let summaryPath = DisplayPath.join(config.displayPagesFolder, "SUMMARY.md")
        guard let summary = SourceReader.read(summaryURL, displayPath: summaryPath, diagnostics: &diagnostics) else { return nil }
        config.displayPath = summaryPath
        config.navigation = config.summaryNavigation(MarkdownParser(smartPunctuation: false).parse(summary))
        return config
    }

    /// The navigation SUMMARY.md describes.
    private mutating func summaryNavigation(_ document: MarkdownNode) -> Navigation {
        var items: [Navigation.Item] = []
        var part: (title: String, items: [Navigation.Item])?
        func flush() {
            if let open = part { items.append(.section(title: open.title, path: nil, items: open.items)) }
            part = nil
        }
        for block in document.children {
            switch block.kind {
            case .heading:
                if items.isEmpty, part == nil, block.plainText().trimmingCharacters(in: .whitespaces).lowercased() == "summary" { continue }
                flush()
                part = (block.plainText(), [])
            case .paragraph:
                // Prefix and suffix chapters: links standing alone.
                let links = chapters(in: block)
                if part != nil { part!.items += links } else { items += links }
            case .list:
                let chapters = listChapters(block)
                if part != nil { part!.items += chapters } else { items += chapters }
            case .thematicBreak:
                flush()  // a separator: what follows is no longer in the part above
            default:
                continue
            }
        }
        flush()
        return Navigation(items: items)
    }

    private mutating func chapters(in paragraph: MarkdownNode) -> [Navigation.Item] {
        var found: [Navigation.Item] = []
        for inline in paragraph.children {
            if case .link(let destination, _) = inline.kind, let item = chapter(title: inline.plainText(), destination: destination, at: inline.start) {
                found.append(item)
            }
        }
        return found
    }

    private mutating func listChapters(_ list: MarkdownNode) -> [Navigation.Item] {
        list.children.compactMap { item -> Navigation.Item? in
            let paragraph = item.children.first { $0.kind == .paragraph }
            let link = paragraph?.children.first { if case .link = $0.kind { return true } else { return false } }
            let nested = item.children.first { $0.listInfo != nil }.map { listChapters($0) } ?? []
            var own: Navigation.Item?
            var title = paragraph?.plainText() ?? ""
            if let link, case .link(let destination, _) = link.kind {
                title = link.plainText()
                own = chapter(title: title, destination: destination, at: link.start)
            }
            if nested.isEmpty { return own }
            var path: String?
            if case .page(_, let page)? = own { path = page }
            return .section(title: title, path: path, items: nested)
        }
    }

    /// A chapter link; nil for a draft chapter (`[Title]()`), which mdBook lists but does not build.
    private mutating func chapter(title: String, destination: String, at position: SourcePosition) -> Navigation.Item? {
        guard !destination.isEmpty else { return nil }
        return target(title, destination, at: (position.line, position.column))
    }
}
