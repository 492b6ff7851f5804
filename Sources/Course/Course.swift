import Foundation

/// How raw HTML in a course's pages reaches the site (course.yml `raw_html`).
public enum RawHTMLPolicy: String, Sendable, CaseIterable {
    /// Through the allowlist sanitizer (`HTMLSanitizer`): structure and inline markup kept,
    /// scripts, styles, frames, event handlers and unsafe URLs removed, each removal a
    /// `lectern check` warning.
    case sanitize
    /// Shown as text.
    case escape
}

/// A loaded course: its manifest, sessions in order, every markdown page, and exercises.
public struct Course: Sendable {
    public var title: String
    public var description: String
    /// The site's public URL, for sitemap.xml; nil when course.yml gives none.
    public var baseURL: String?
    /// The folder holding course.yml (or the folder of markdown when there is none).
    public var root: URL
    /// How diagnostics name the root (the path as the user typed it).
    public var displayRoot: String
    /// Whether a course.yml was found; without one, sessions are the pages that hold quizzes.
    public var hasManifest: Bool
    public var sessions: [Session]
    /// Every markdown page of the course, in navigation order.
    public var pages: [Page]
    public var exercises: [Exercise]
    /// course.yml's `export: true`: the site offers each quiz as GIFT, Moodle XML and QTI files.
    public var offersExports: Bool = false
    /// course.yml's `raw_html`: how the site shows raw HTML in pages.
    public var rawHTML: RawHTMLPolicy = .sanitize
    /// The language the course is written in, as a BCP 47 tag (`en`, `de`, `pt-BR`): course.yml's
    /// `language`, mkdocs.yml's `theme.language`, book.toml's `book.language`; default `en`.
    public var language: String = "en"
    /// The course's own navigation (mkdocs.yml's `nav`, mdBook's SUMMARY.md); nil when the
    /// sidebar follows course.yml or the folders.
    public var navigation: Navigation?

    public init(title: String, description: String, baseURL: String?, root: URL, displayRoot: String, hasManifest: Bool,
                sessions: [Session], pages: [Page], exercises: [Exercise], navigation: Navigation? = nil) {
        self.navigation = navigation
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.root = root
        self.displayRoot = displayRoot
        self.hasManifest = hasManifest
        self.sessions = sessions
        self.pages = pages
        self.exercises = exercises
    }

    /// The session whose number, id or (relative) path is `reference`.
    public func session(matching reference: String) -> Session? {
        if let number = Int(reference), let match = sessions.first(where: { $0.number == number }) { return match }
        return sessions.first { session in
            session.id == reference || session.id.hasPrefix(reference + "-") || session.id.hasSuffix("-" + reference)
                || session.lesson?.relativePath == reference || session.quizPage?.relativePath == reference
        }
    }

    /// The exercises that belong to a session.
    public func exercises(of session: Session) -> [Exercise] {
        exercises.filter { $0.session == session.id }
    }
}

/// A session: a lesson page and, usually, its quiz.
public struct Session: Sendable {
    /// The folder (or file) name in course.yml, e.g. `04-production-mcp-deployment`.
    public var id: String
    /// The number from front matter `session:`, else the id's leading digits.
    public var number: Int?
    public var title: String
    public var lesson: Page?
    /// The page the quiz came from (a `quiz.md` beside the lesson, or the lesson itself).
    public var quizPage: Page?
    public var quiz: Quiz?

    public init(id: String, number: Int?, title: String, lesson: Page?, quizPage: Page?, quiz: Quiz?) {
        self.id = id
        self.number = number
        self.title = title
        self.lesson = lesson
        self.quizPage = quizPage
        self.quiz = quiz
    }
}
