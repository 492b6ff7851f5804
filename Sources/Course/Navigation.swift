/// A course's own navigation, as its configuration gives it (mkdocs.yml's `nav`, mdBook's
/// SUMMARY.md): sections of pages, nested, in the author's order.
public struct Navigation: Hashable, Sendable {
    public indirect enum Item: Hashable, Sendable {
        /// A page of the course (path relative to the course root); the title when the
        /// configuration gives one, else the page's own.
        case page(title: String?, path: String)
        /// A titled group of items; `path` is its own page (an index page), when it has one.
        case section(title: String, path: String?, items: [Item])
        /// A link out of the course.
        case link(title: String, url: String)
    }

    public var items: [Item]

    public init(items: [Item]) {
        self.items = items
    }

    /// Every page path the navigation names, in order.
    public var pagePaths: [String] {
        var paths: [String] = []
        func walk(_ items: [Item]) {
            for item in items {
                switch item {
                case .page(_, let path): paths.append(path)
                case .section(_, let path, let children):
                    if let path { paths.append(path) }
                    walk(children)
                case .link: break
                }
            }
        }
        walk(items)
        return paths
    }
}
