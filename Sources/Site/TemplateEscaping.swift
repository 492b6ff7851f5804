import Markdown
import Mustache

/// HTML escaping for `{{name}}` in templates: what swift-mustache's own HTML content type
/// does (`&`, `<`, `>`, `"`, `'`), on bytes instead of a dictionary lookup per character, which
/// made escaping half of a page's template time. Bytes are also stricter: a `<` followed by a
/// combining mark is one character to the library, which leaves it raw; here it is escaped.
///
/// Registered as the `HTML` content type, which the default theme's templates select with
/// `{{% CONTENT_TYPE: HTML}}`; a course template without that line escapes the same, slower.
struct TemplateEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    /// `{{name}}` under this content type, for the templates a build writes out (``DirectTemplates``).
    static func escape(_ text: String) -> String {
        HTMLEscaping.escape(text, apostrophes: true)
    }

    /// Makes `{{% CONTENT_TYPE: HTML}}` select this escaping; done before templates parse.
    static let registered: Void = MustacheContentTypes.register(TemplateEscaping(), named: "HTML")
}
