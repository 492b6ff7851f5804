/// The default theme's `page` and `quiz` templates inside its `layout`, with the `toc` and
/// `pager` partials (site/templates), written out (``DirectTemplates``): every page of a
/// course is one of the two, and the layout's tags, resolved by the template library through
/// the context's dictionaries, were a tenth of a site build's CPU in profiles.
///
/// Reads the page context that `PageRenderer` makes for the templates, key by key as the
/// templates do: a missing key is an empty value or a false section.
enum PageHTML {
    /// The page rendered with `template` ("page" or "quiz").
    static func render(_ template: String, _ context: [String: Any]) -> String {
        let page = context["page"] as? [String: Any] ?? [:]
        let site = context["site"] as? [String: Any] ?? [:]
        let root = escaped(context, "root")
        let content = context["content"] as? String ?? ""
        let nav = context["nav_html"] as? String ?? ""
        var html = ""
        html.reserveCapacity(content.utf8.count + nav.utf8.count + 6_000)
        html += "<!doctype html>\n<html lang=\"\(escaped(context, "language"))\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(escaped(page, "title"))\(flag(page, "is_home") ? "" : " · \(escaped(site, "title"))")</title>\n"
        if flag(context, "has_base_path") { html += "<base href=\"\(escaped(context, "base_path"))\">\n" }
        if flag(site, "has_description") { html += "<meta name=\"description\" content=\"\(escaped(site, "description"))\">\n" }
        html += """
            <script>document.documentElement.className+=" js";try{var t=localStorage.getItem("lectern-theme");if(t==="light"||t==="dark")document.documentElement.setAttribute("data-theme",t)}catch(e){}</script>
            <link rel="stylesheet" href="\(root)assets/site.css">
            </head>
            <body data-root="\(root)">
            <a class="skip-link" href="#main">Skip to content</a>
            <header class="site-header">
              <button type="button" class="nav-toggle" aria-controls="sidebar" aria-expanded="false">Menu</button>
              <a class="site-title" href="\(escaped(site, "home"))">\(escaped(site, "title"))</a>
              <div class="search" role="search">
                <label for="search-input" class="visually-hidden">Search the course</label>
                <input id="search-input" type="search" placeholder="Search (press /)" autocomplete="off" spellcheck="false"
                       aria-controls="search-results" aria-describedby="search-help">
                <span id="search-help" class="visually-hidden">Results appear below as you type; use Tab or the down arrow to reach them.</span>
                <div id="search-results" class="search-results" hidden></div>
              </div>
              <label class="theme-choice" hidden>
                <span class="visually-hidden">Colour theme</span>
                <select id="theme-select">
                  <option value="system">System theme</option>
                  <option value="light">Light theme</option>
                  <option value="dark">Dark theme</option>
                </select>
              </label>
            </header>
            <div class="layout">
            <nav id="sidebar" class="sidebar" aria-label="Course">
              <ul class="nav">
                <li class="nav-home"><a href="\(escaped(site, "home"))"\(flag(context, "home_current") ? " aria-current=\"page\"" : "")>Home</a></li>

            """
        html += nav
        html += "  </ul>\n</nav>\n<main id=\"main\" tabindex=\"-1\">\n"
        if flag(context, "has_breadcrumbs") {
            html += "<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\">\n  <ol>\n"
            for crumb in list(context, "breadcrumbs") {
                html += "    <li>"
                html += flag(crumb, "has_href") ? "<a href=\"\(escaped(crumb, "href"))\">\(escaped(crumb, "title"))</a>" : escaped(crumb, "title")
                html += "</li>\n"
            }
            html += "    <li><span aria-current=\"page\">\(escaped(page, "title"))</span></li>\n  </ol>\n</nav>\n"
        }
        if template == "quiz" {
            quizMain(context, page: page, into: &html)
        } else {
            pageMain(context, page: page, into: &html)
        }
        html += "\n"
        if flag(context, "has_pager") { pager(context, into: &html) }
        html += "\n</main>\n</div>\n<footer class=\"site-footer\">\n  <p>\(escaped(site, "title")) · built with Lectern</p>\n</footer>\n"
        if flag(context, "load_highlight") { html += "<script src=\"\(root)assets/highlight.js\"></script>\n" }
        html += "<script src=\"\(root)assets/site.js\"></script>\n"
        if flag(context, "has_quiz") { html += "<script src=\"\(root)assets/quiz.js\"></script>\n" }
        html += "\n</body>\n</html>\n"
        return html
    }

    /// The `page` template's main block.
    private static func pageMain(_ context: [String: Any], page: [String: Any], into html: inout String) {
        let hasTOC = flag(context, "has_toc")
        html += "<div class=\"page-grid\(hasTOC ? " has-toc" : "")\">\n"
        if hasTOC {
            html += "<nav class=\"toc\" aria-labelledby=\"toc-title\">\n  <p id=\"toc-title\" class=\"toc-title\">On this page</p>\n  <ul>\n"
            for item in list(context, "toc") {
                html += "    <li class=\"toc-level-\(escaped(item, "level"))\"><a href=\"#\(escaped(item, "id"))\">\(escaped(item, "text"))</a></li>\n"
            }
            html += "  </ul>\n</nav>\n"
        }
        html += "<article class=\"content\">\n<h1"
        if flag(page, "has_anchor") { html += " id=\"\(escaped(page, "anchor"))\"" }
        html += ">\(escaped(page, "title"))</h1>\n"
        if flag(context, "has_summary") { html += "<p class=\"lead\">\(escaped(context, "summary"))</p>" }
        html += "\n"
        html += context["content"] as? String ?? ""
        html += "\n"
        if let quiz = context["session_quiz"] as? [String: Any] {
            html += "<aside class=\"callout\" aria-label=\"Quiz\">\n"
            html += "  <p>Ready to check what you learned? <a href=\"\(escaped(quiz, "href"))\">Take the session quiz</a>.</p>\n</aside>\n"
        }
        for exercise in list(context, "exercises") {
            html += "<aside class=\"callout\" aria-label=\"Exercise\">\n"
            html += "  <p>Practise it: <a href=\"\(escaped(exercise, "href"))\">\(escaped(exercise, "title"))</a>, a graded coding exercise.</p>\n</aside>\n"
        }
        html += "</article>\n</div>\n"
    }

    /// The `quiz` template's main block.
    private static func quizMain(_ context: [String: Any], page: [String: Any], into html: inout String) {
        html += "<article class=\"content quiz-page\">\n<h1>\(escaped(page, "title"))</h1>\n"
        if let lesson = context["lesson"] as? [String: Any] {
            html += "<p>Study first? <a href=\"\(escaped(lesson, "href"))\">Read the lesson</a>.</p>"
        }
        html += "\n"
        html += context["content"] as? String ?? ""
        html += "\n</article>\n"
    }

    /// The `pager` partial.
    private static func pager(_ context: [String: Any], into html: inout String) {
        html += "<nav class=\"pager\" aria-label=\"Previous and next\">\n"
        if let prev = context["prev"] as? [String: Any] {
            html += "<a class=\"pager-prev\" href=\"\(escaped(prev, "href"))\" rel=\"prev\"><span class=\"pager-label\">Previous</span> \(escaped(prev, "title"))</a>"
        }
        html += "\n"
        if let next = context["next"] as? [String: Any] {
            html += "<a class=\"pager-next\" href=\"\(escaped(next, "href"))\" rel=\"next\"><span class=\"pager-label\">Next</span> \(escaped(next, "title"))</a>"
        }
        html += "\n</nav>\n"
    }

    /// `{{key}}`: the value as text, HTML-escaped; empty when missing.
    private static func escaped(_ values: [String: Any], _ key: String) -> String {
        switch values[key] {
        case let text as String: return TemplateEscaping.escape(text)
        case let number as Int: return String(number)
        case nil: return ""
        case let other?: return TemplateEscaping.escape(String(describing: other))
        }
    }

    /// `{{#key}}` on a flag: false when missing.
    private static func flag(_ values: [String: Any], _ key: String) -> Bool {
        values[key] as? Bool ?? false
    }

    /// `{{#key}}` on a list: its items, none when missing.
    private static func list(_ values: [String: Any], _ key: String) -> [[String: Any]] {
        values[key] as? [[String: Any]] ?? []
    }
}
