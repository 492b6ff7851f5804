import Course

/// The default theme's templates that a build writes without the template library while the
/// theme keeps them as shipped: those rendered thousands of times a build (every quiz option,
/// every sidebar link of every folder), where the library's lookup of each tag through
/// dictionaries and dynamic casts showed in profiles.
///
/// Each is written out in Swift (``QuizFormHTML``, ``NavItemHTML``) and used only while the
/// theme's text of it has the fingerprint of the text written out: a course's own template,
/// or an edited default, is rendered by the library as every other template is. Tests build
/// courses both ways and compare every file byte for byte.
enum DirectTemplates {
    /// FNV-1a of each template's text, as written out; a test checks the shipped templates.
    static let fingerprints = [
        "quiz-form": "0e4857b9298629ec",
        "nav-item": "285c67f446ea307b",
    ]

    static func fingerprint(_ text: String) -> String {
        var hasher = FNV1a64()
        hasher.add(text)
        return hasher.hex
    }

    /// The names, among templates' texts by name, of those kept as written out.
    static func kept(in texts: [String: String]) -> Set<String> {
        Set(fingerprints.compactMap { name, fingerprint in texts[name].map(Self.fingerprint) == fingerprint ? name : nil })
    }
}

/// The default theme's `nav-item` template (site/templates/nav-item.mustache) written out
/// (``DirectTemplates``): one link of a sidebar group.
enum NavItemHTML {
    static func render(title: String, href: String, current: Bool) -> String {
        "          <li><a href=\"\(TemplateEscaping.escape(href))\"\(current ? " aria-current=\"page\"" : "")>\(TemplateEscaping.escape(title))</a></li>\n"
    }
}
