import Course
import Foundation
import Markdown
import Support

/// Renders one planned page to HTML through the theme, and gives its search entries.
///
/// Builds the page context documented in site/README.md: plain dictionaries and arrays, so
/// templates see exactly what is listed there and nothing else.
struct PageRenderer: Sendable {
    let course: Course
    let plan: SitePlanBox
    let theme: Theme
    let links: LinkRewriter
    /// Whether the site ships a highlighter (`HighlightBundle`): pages with code load it.
    let highlight: Bool
    /// How many term shards the search index has (`SearchIndex.shardCount`).
    let searchShards: Int
    /// Every page's sidebar, its shared parts rendered before the pages.
    let sidebar: Sidebar
    /// Each session's `Quiz.contentHash`, by session id: the home page lists every quiz's,
    /// and each quiz's page its own.
    let quizHashes: [String: String]

    struct Output {
        var html: String
        var search: [SearchIndex.Entry]
    }

    func render(_ index: Int) -> Output {
        let entry = plan.value.entries[index]
        var context = commonContext(for: index, template: Self.template(of: entry.kind))
        var search: [SearchIndex.Entry] = []
        let url = SitePath.encoded(entry.output)  // the search index's link to the page, from the root
        var explanationCode = false
        let template = Self.template(of: entry.kind)
        switch entry.kind {
        case .home(let page):
            context["sessions"] = sessionsContext(from: entry.output)
            context["has_sessions"] = !course.sessions.isEmpty
            if let page {
                let body = BodyBlocks.withoutTitle(page.document.children)
                context["content"] = renderer(for: page, output: entry.output).render(body)
                search = SearchIndex.entries(pageTitle: entry.title, url: url, outline: PageOutline(body))
            } else {
                search = [SearchIndex.Entry(page: entry.title, heading: "", url: url,
                                            indexed: course.title + " " + course.description,
                                            excerpt: SearchIndex.excerpt(course.description))]
            }
        case .page(let page, let session, let holdsQuiz):
            let renderer = renderer(for: page, output: entry.output)
            let blocks = BodyBlocks.withoutTitle(page.document.children)
            let outline: PageOutline
            if holdsQuiz, let session, let quiz = session.quiz {
                let sections = QuizSections(blocks: blocks, quiz: quiz)
                context["content"] = render(sections, quiz: quiz, session: session, renderer: renderer, output: entry.output,
                                            explanationCode: &explanationCode)
                context["has_quiz"] = true
                outline = PageOutline(sections.allProse)
            } else {
                context["content"] = renderer.render(blocks)
                outline = PageOutline(blocks)
            }
            context["toc"] = tocContext(outline)
            context["has_toc"] = !outline.tableOfContents.isEmpty
            if let summary = page.frontMatter.summary, !summary.isEmpty {
                context["summary"] = summary
                context["has_summary"] = true
            }
            if !holdsQuiz, let session, let quizHref = quizHref(of: session, from: entry.output) {
                context["session_quiz"] = ["href": quizHref]
            }
            context["exercises"] = exercisesContext(of: session, from: entry.output)
            search = SearchIndex.entries(pageTitle: entry.title, url: url, outline: outline)
        case .quiz(let session, let source, let lesson):
            let quiz = session.quiz!
            let renderer = renderer(for: source, output: entry.output)
            let sections = QuizSections(blocks: BodyBlocks.withoutTitle(source.document.children), quiz: quiz)
            context["content"] = render(sections, quiz: quiz, session: session, renderer: renderer, output: entry.output,
                                        explanationCode: &explanationCode)
            context["has_quiz"] = true
            if let lesson { context["lesson"] = ["href": SitePath.relative(from: entry.output, to: lesson)] }
            let promptText = quiz.questions.map { question in
                ([question.title ?? "", question.promptText] + question.options.map(\.text)).joined(separator: " ")
            }.joined(separator: " ")
            search = [SearchIndex.Entry(page: entry.title, heading: "", url: url,
                                        indexed: entry.title + " quiz " + promptText,
                                        excerpt: "\(quiz.questions.count) questions")]
        case .exercise(let exercise):
            let (value, outline) = exerciseContext(exercise, output: entry.output)
            context["exercise"] = value
            context["toc"] = tocContext(outline)
            context["has_toc"] = !outline.tableOfContents.isEmpty
            search = SearchIndex.entries(pageTitle: entry.title, url: url, outline: outline)
            if search.isEmpty || search[0].heading != "" {
                search.insert(SearchIndex.Entry(page: entry.title, heading: "", url: url,
                                                indexed: exercise.title + " " + exercise.summary,
                                                excerpt: SearchIndex.excerpt(exercise.summary)), at: 0)
            }
        }
        let code = explanationCode || (context["content"] as? String).map(Self.holdsCode) ?? false
            || (context["exercise"] as? [String: Any]).map { ($0["has_tracks"] as? Bool) == true || Self.holdsCode($0["readme"] as? String ?? "") } ?? false
        context["has_code"] = code
        context["load_highlight"] = code && highlight
        return Output(html: theme.render(template, context), search: search)
    }

    /// Whether rendered HTML holds a code block (`<pre`). Each `<` is found by memchr
    /// (`ByteSearch`): Foundation's `contains`, then a loop over every byte, showed in
    /// profiles of a large course.
    static func holdsCode(_ html: String) -> Bool {
        var html = html
        return html.withUTF8 { bytes in
            var from = 0
            while let tag = ByteSearch.firstOffset(of: UInt8(ascii: "<"), in: bytes, from: from), tag + 3 < bytes.count {
                if bytes[tag + 1] == UInt8(ascii: "p") && bytes[tag + 2] == UInt8(ascii: "r") && bytes[tag + 3] == UInt8(ascii: "e") { return true }
                from = tag + 1
            }
            return false
        }
    }

    /// The not-found page: served by static hosts for any missing path.
    func renderNotFound() -> String {
        var context = commonContext(for: nil, template: "notfound")
        if let base = course.baseURL, let path = URL(string: base)?.path {
            context["base_path"] = path.hasSuffix("/") ? path : path + "/"
            context["has_base_path"] = true
        }
        return theme.render("notfound", context)
    }

    // MARK: Context pieces

    private func renderer(for page: Page, output: String) -> HTMLRenderer {
        HTMLRenderer(allowRawHTML: false, sanitizesRawHTML: course.rawHTML == .sanitize, headingIDs: true,
                     rewriteURL: links.rewrite(source: course.root.appendingPathComponent(page.relativePath, isDirectory: false),
                                               relativeSource: page.relativePath, page: output))
    }

    /// The theme template a page of this kind is rendered with.
    private static func template(of kind: SitePlan.Entry.Kind) -> String {
        switch kind {
        case .home: "home"
        case .page: "page"
        case .quiz: "quiz"
        case .exercise: "exercise"
        }
    }

    /// What every page's context holds, for the page at `index` (nil: the not-found page)
    /// rendered with `template`.
    private func commonContext(for index: Int?, template: String) -> [String: Any] {
        let plan = plan.value
        let output = index.map { plan.entries[$0].output } ?? "404.html"
        let entry = index.map { plan.entries[$0] }
        var context: [String: Any] = [
            "root": SitePath.root(from: output),
            "highlight": highlight,
            "language": course.language,
            "site": ["title": course.title, "description": course.description, "has_description": !course.description.isEmpty,
                     "home": SitePath.relative(from: output, to: "index.html")] as [String: Any],
        ]
        var page: [String: Any] = ["title": entry?.title ?? "Page not found", "url": SitePath.encoded(output)]
        switch entry?.kind {
        case .home(let source)?:
            page["is_home"] = true
            if let source, let anchor = BodyBlocks.titleAnchor(source.document.children) { page["anchor"] = anchor; page["has_anchor"] = true }
        case .page(let source, _, _)?:
            page["is_page"] = true
            if let anchor = BodyBlocks.titleAnchor(source.document.children) { page["anchor"] = anchor; page["has_anchor"] = true }
        case .quiz?: page["is_quiz"] = true
        case .exercise?: page["is_exercise"] = true
        case nil: page["is_notfound"] = true
        }
        context["page"] = page
        // The page templates lectern writes out read the sidebar's HTML alone; the groups as
        // values (`nav`) are made for the templates the library renders, which may list them.
        let (nav, html) = sidebar.navigation(for: output, values: !theme.rendersDirectly(template))
        if let nav { context["nav"] = nav }
        context["nav_html"] = html
        context["home_current"] = output == "index.html"
        if index != 0 {
            context["breadcrumbs"] = breadcrumbs(for: index, output: output)
            context["has_breadcrumbs"] = true
        }
        if let index {
            let order = plan.order
            if let position = plan.positionInOrder[index] {
                if position > 0 { context["prev"] = link(to: order[position - 1], from: output) }
                if position + 1 < order.count { context["next"] = link(to: order[position + 1], from: output) }
                context["has_pager"] = order.count > 1
            }
        }
        return context
    }

    /// The trail above this page: Home, then its sidebar group when the group has a page of
    /// its own other than this one (the template prints this page's title after them).
    private func breadcrumbs(for index: Int?, output: String) -> [[String: Any]] {
        var trail: [[String: Any]] = [["title": "Home", "href": SitePath.relative(from: output, to: "index.html"), "has_href": true]]
        if let index, let groupIndex = plan.groupOfEntry[index] {
            let group = plan.value.groups[groupIndex]
            if let groupOutput = group.output, groupOutput != output {
                trail.append(["title": group.title, "href": SitePath.relative(from: output, to: groupOutput), "has_href": true])
            } else if group.output == nil {
                trail.append(["title": group.title, "has_href": false])
            }
        }
        return trail
    }

    private func link(to index: Int, from output: String) -> [String: Any] {
        let entry = plan.value.entries[index]
        return ["title": entry.title, "href": SitePath.relative(from: output, to: entry.output)]
    }

    private func tocContext(_ outline: PageOutline) -> [[String: Any]] {
        outline.tableOfContents.map { ["text": $0.text, "id": $0.id, "level": $0.level, "is_sub": $0.level > 2] }
    }

    /// The link to a session's quiz: its quiz page, or the quiz section of its lesson.
    private func quizHref(of session: Session, from output: String) -> String? {
        guard let target = plan.value.quizOutputBySession[session.id] else { return nil }
        let href = SitePath.relative(from: output, to: target)
        return plan.value.embeddedQuizSessions.contains(session.id) ? href + "#quiz" : href
    }

    private func exerciseOutputs(of session: Session?) -> [(Exercise, String)] {
        guard let session else { return [] }
        return course.exercises(of: session).map { ($0, "exercises/\($0.slug)/index.html") }
    }

    private func exercisesContext(of session: Session?, from output: String) -> [[String: Any]] {
        exerciseOutputs(of: session).map { exercise, target in
            ["title": exercise.title, "summary": exercise.summary, "href": SitePath.relative(from: output, to: target)]
        }
    }

    private func sessionsContext(from output: String) -> [[String: Any]] {
        course.sessions.map { session in
            var value: [String: Any] = [
                "title": session.title,
                "summary": session.lesson?.frontMatter.summary ?? "",
                "has_number": session.number != nil,
                "number": session.number ?? 0,
                "exercises": exercisesContext(of: session, from: output),
            ]
            if let lesson = session.lesson { value["href"] = SitePath.relative(from: output, to: SitePath.html(forSource: lesson.relativePath)) }
            value["has_href"] = session.lesson != nil
            value["has_summary"] = !(session.lesson?.frontMatter.summary ?? "").isEmpty
            if let quiz = session.quiz, let quizHref = quizHref(of: session, from: output) {
                value["quiz"] = ["href": quizHref, "question_count": quiz.questions.count, "hash": quizHashes[session.id] ?? quiz.contentHash,
                                 "scored_count": quiz.scoredQuestions.count] as [String: Any]
            }
            return value
        }
    }

    /// A page cut into prose and quiz forms, rendered in order. The form holding the whole
    /// quiz offers its question-bank files when the course exports them.
    private func render(_ sections: QuizSections, quiz: Quiz, session: Session, renderer: HTMLRenderer, output: String,
                        explanationCode: inout Bool) -> String {
        var html = ""
        var form = 0
        let scored = Set(quiz.questions.indices.filter { quiz.questions[$0].isScored })
        let quizHash = quizHashes[session.id] ?? quiz.contentHash
        for section in sections.sections {
            switch section {
            case .prose(let blocks):
                html += renderer.render(blocks)
            case .quiz(let indices, _):
                form += 1
                let made = quizForm(quiz, indices: indices, whole: scored.isSubset(of: Set(indices)),
                                    formID: form == 1 ? "quiz" : "quiz-\(form)", session: session, quizHash: quizHash,
                                    output: output, renderer: renderer, explanationCode: &explanationCode)
                html += theme.direct.contains("quiz-form") ? QuizFormHTML.render(made) : theme.render("quiz-form", made.context)
            }
        }
        return html
    }

    /// One quiz form. `whole` when it holds every scored question: only then does it get the
    /// scoring guide's bands (they fit the whole quiz), and its attempts are kept by quiz.js in
    /// the browser, keyed by the quiz's content hash as the progress store keys it.
    private func quizForm(_ quiz: Quiz, indices: [Int], whole: Bool, formID: String, session: Session, quizHash: String,
                          output: String, renderer: HTMLRenderer, explanationCode: inout Bool) -> QuizForm {
        let questions = indices.map { index -> QuizForm.Question in
            let question = quiz.questions[index]
            let id = "q\(question.number)"
            var answer: String?
            if !question.isScored {
                let revealed = question.revealed
                answer = revealed.isEmpty ? "<p>No answer is given for this question.</p>"
                    : OptionReferences.mark(renderer.render(revealed), letters: question.ownLetters, shown: question.options.map(\.letter))
            }
            return QuizForm.Question(
                number: question.number, id: id, title: question.title ?? "", prompt: renderer.render(question.prompt),
                selfCheck: !question.isScored, multiple: question.isMultipleAnswer,
                options: question.options.enumerated().map { index, option in
                    QuizForm.Option(letter: option.letter, index: index, id: "\(id)-\(option.letter.lowercased())",
                                    content: renderer.render(MarkdownNode(.paragraph, children: option.content).children))
                },
                answer: answer)
        }
        let scoredCount = indices.filter { quiz.questions[$0].isScored }.count
        let bands = whole ? quiz.scoringGuide?.bands ?? [] : []
        let payload = QuizPayload(quiz, indices: indices, bands: bands, renderer: renderer).json
        if Self.holdsCode(payload) { explanationCode = true }
        var downloads: [QuizForm.Download]?
        if whole, course.offersExports, QuizDownloads.isExportable(quiz) {
            downloads = QuizDownloads.downloads(forQuizAt: output).map { download in
                QuizForm.Download(label: download.label, href: SitePath.relative(from: output, to: download.output),
                                  format: download.format.rawValue)
            }
        }
        return QuizForm(formID: formID, questions: questions, scoredCount: scoredCount, selfCheckCount: indices.count - scoredCount,
                        data: QuizPayload.encode(payload), quizHash: quizHash, sessionID: session.id, sessionTitle: session.title,
                        quizTitle: quiz.title, whole: whole, downloads: downloads)
    }

    private func exerciseContext(_ exercise: Exercise, output: String) -> ([String: Any], PageOutline) {
        var readmeHTML = ""
        var outline = PageOutline([])
        if let page = exercise.readmePage {
            let body = BodyBlocks.withoutTitle(page.document.children)
            let renderer = HTMLRenderer(allowRawHTML: false, sanitizesRawHTML: course.rawHTML == .sanitize, headingIDs: true,
                                        rewriteURL: links.rewrite(source: exercise.readme, relativeSource: nil, page: output))
            readmeHTML = renderer.render(body)
            outline = PageOutline(body)
        }
        let folder = "exercises/\(exercise.slug)/"
        let tracks = exercise.tracks.compactMap { track -> [String: Any]? in
            guard let code = track.starterSource else { return nil }
            return [
                "name": track.name.prefix(1).uppercased() + track.name.dropFirst(),
                "entry": track.entry,
                "href": SitePath.relative(from: output, to: folder + track.name + "/" + track.entry),
                "code": code,
                "language": track.name,
                "slug": track.name,
                "command": "lectern grade \(exercise.slug) \(track.entry) --track \(track.name)",
            ]
        }
        var value: [String: Any] = [
            "title": exercise.title,
            "slug": exercise.slug,
            "summary": exercise.summary,
            "has_summary": !exercise.summary.isEmpty,
            "readme": readmeHTML,
            "tracks": tracks,
            "has_tracks": !tracks.isEmpty,
            "groups": exercise.groups.map { ["title": $0.title, "points": Self.points($0.points)] },
            "total_points": Self.points(exercise.groups.reduce(0) { $0 + $1.points }),
        ]
        if let session = course.sessions.first(where: { $0.id == exercise.session }), let lesson = session.lesson {
            value["session"] = ["title": session.title, "href": SitePath.relative(from: output, to: SitePath.html(forSource: lesson.relativePath))]
        }
        return (value, outline)
    }

    static func points(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// The plan, shared read-only between rendering threads.
final class SitePlanBox: Sendable {
    let value: SitePlan
    /// The sidebar group of each entry that is in one (its first), for breadcrumbs.
    let groupOfEntry: [Int: Int]

    init(_ value: SitePlan) {
        self.value = value
        var groups: [Int: Int] = [:]
        for (index, group) in value.groups.enumerated() {
            for item in group.items where groups[item] == nil { groups[item] = index }
        }
        groupOfEntry = groups
    }
}
