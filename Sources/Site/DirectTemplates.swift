import Course

/// The default theme's templates that a build writes without the template library while the
/// theme keeps them as shipped: those rendered thousands of times a build (every quiz option,
/// every sidebar link of every folder), and the layout of every lesson and quiz page, where
/// the library's lookup of each tag through dictionaries and dynamic casts showed in profiles.
///
/// Each is written out in Swift (``QuizFormHTML``, ``NavItemHTML``, ``NavGroupHTML``,
/// ``PageHTML``) and used only while the theme's text of it, and of every template it
/// includes, has the fingerprint of the text written out: a course's own template, or an
/// edited default, is rendered by the library as every other template is. Tests build
/// courses both ways and compare every file byte for byte.
enum DirectTemplates {
    /// FNV-1a of each template's text, as written out; a test checks the shipped templates.
    static let fingerprints = [
        "quiz-form": "0e4857b9298629ec",
        "nav-item": "285c67f446ea307b",
        "nav-group": "2763276c53cc2823",
        "page": "34d82f14204d673f",
        "quiz": "f52bdfa88a442aec",
        "layout": "0af7b94024eddd0e",
        "toc": "1fbec8cd741e4e1e",
        "pager": "90fb38a64887d526",
    ]

    /// The templates each page template is written out together with.
    static let includes = [
        "page": ["layout", "toc", "pager"],
        "quiz": ["layout", "pager"],
    ]

    static func fingerprint(_ text: String) -> String {
        var hasher = FNV1a64()
        hasher.add(text)
        return hasher.hex
    }

    /// The names, among templates' texts by name, of those written out: each kept as shipped,
    /// with every template it includes.
    static func kept(in texts: [String: String]) -> Set<String> {
        let shipped = Set(fingerprints.compactMap { name, fingerprint in texts[name].map(Self.fingerprint) == fingerprint ? name : nil })
        return shipped.filter { name in includes[name, default: []].allSatisfy(shipped.contains) }
    }
}

/// The default theme's `nav-item` template (site/templates/nav-item.mustache) written out
/// (``DirectTemplates``): one link of a sidebar group.
enum NavItemHTML {
    static func render(title: String, href: String, current: Bool) -> String {
        "          <li><a href=\"\(TemplateEscaping.escape(href))\"\(current ? " aria-current=\"page\"" : "")>\(TemplateEscaping.escape(title))</a></li>\n"
    }
}

/// The default theme's `nav-group` template (site/templates/nav-group.mustache) written out
/// (``DirectTemplates``): one group of a sidebar, its links already rendered. Every page
/// renders the group that holds it.
enum NavGroupHTML {
    static func render(title: String, href: String?, current: Bool, open: Bool, itemsHTML: String?) -> String {
        var html = "    <li class=\"nav-group\(open ? " is-open" : "")\">\n"
        if let itemsHTML {
            html += "      <details\(open ? " open" : "")>\n"
            html += "        <summary class=\"nav-group-title\">\(TemplateEscaping.escape(title))</summary>\n"
            html += "        <ul>\n"
            html += itemsHTML
            html += "        </ul>\n      </details>\n"
        } else if let href {
            html += "      <a class=\"nav-group-title\" href=\"\(TemplateEscaping.escape(href))\"\(current ? " aria-current=\"page\"" : "")>\(TemplateEscaping.escape(title))</a>\n"
        } else {
            html += "      <span class=\"nav-group-title\">\(TemplateEscaping.escape(title))</span>\n"
        }
        html += "    </li>\n"
        return html
    }
}
