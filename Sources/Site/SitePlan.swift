import Course
import Foundation

/// Every page the site will have, where it goes, and the navigation between them.
///
/// With course.yml the sidebar follows its sessions: each session's lesson, quiz, exercises
/// and other pages. With the course's own navigation (mkdocs.yml's `nav`, mdBook's
/// SUMMARY.md) it follows that: a group per top-level section or page. Without either it
/// follows the folder tree: a group per folder that holds a page (titled by its index.md or
/// README.md), pages by name.
struct SitePlan: Sendable {
    /// One output page.
    struct Entry: Sendable {
        enum Kind: Sendable {
            /// The front page; in folder mode it carries the root's index.md or README.md.
            case home(Page?)
            /// A markdown page (a lesson or any other page). `holdsQuiz` when the page is
            /// where its session's quiz is written: the quiz is rendered there, in place.
            case page(Page, session: Session?, holdsQuiz: Bool)
            case quiz(Session, source: Page, lesson: String?)
            case exercise(Exercise)
        }
        var output: String
        var title: String
        /// The label in the sidebar ("Lesson", "Quiz", the exercise's title…).
        var navTitle: String
        var kind: Kind
    }

    /// A sidebar group: a session or a folder.
    struct Group: Sendable {
        var title: String
        /// The group's own page (a session's lesson, a folder's index), if any.
        var output: String?
        var items: [Int]  // indexes into `entries`
    }

    var entries: [Entry] = []
    var groups: [Group] = []
    /// Markdown source (absolute, standardized path) → output path.
    var outputForSource: [String: String] = [:]
    /// Exercise folder (absolute, standardized path) → the exercise's page.
    var outputForExercise: [String: String] = [:]

    /// The reading order, for previous/next links: home, then the sidebar top to bottom.
    private(set) var order: [Int] = []
    /// Each entry's place in `order`.
    private(set) var positionInOrder: [Int: Int] = [:]
    /// The page holding each session's quiz, by session id.
    private(set) var quizOutputBySession: [String: String] = [:]
    /// The sessions whose quiz is a section of their lesson page (linked as `lesson.html#quiz`).
    private(set) var embeddedQuizSessions: Set<String> = []

    /// Pages left out because another page already becomes their output file (a folder's
    /// `index.md` and `README.md` both become its `index.html`): warnings for the build.
    private(set) var diagnostics: [Diagnostic] = []

    /// The course folder's standardized path, worked out once: URL arithmetic per page is slow.
    private let rootPath: String
    /// Every output path planned so far, with the source that takes it.
    private var sourceOfOutput: [String: String] = [:]

    init(course: Course) {
        rootPath = course.root.standardizedFileURL.path
        let homePage = course.hasManifest ? nil
            : Self.folderPage(among: course.pages.filter { !$0.relativePath.contains("/") })
        entries.append(Entry(output: "index.html", title: course.title, navTitle: "Home", kind: .home(homePage)))
        if let homePage {
            register(homePage, course: course, as: "index.html")
            sourceOfOutput["index.html"] = homePage.relativePath
        }
        if course.hasManifest {
            planSessions(course)
        } else if let navigation = course.navigation {
            planNavigation(navigation, course: course, skipping: homePage)
        } else {
            planFolders(course, skipping: homePage)
        }
        let claimed = Set(course.exercises.compactMap { exercise in
            course.sessions.contains { $0.id == exercise.session } ? exercise.slug : nil
        })
        let loose = course.exercises.filter { !claimed.contains($0.slug) }
        if !loose.isEmpty {
            groups.append(Group(title: "Exercises", output: nil, items: loose.map { add(exercise: $0) }))
        }
        var seen: Set<Int> = [0]
        order = [0]
        for group in groups {
            for index in group.items where seen.insert(index).inserted { order.append(index) }
        }
        for (position, index) in order.enumerated() { positionInOrder[index] = position }
    }

    /// Joined as strings when the page's path is clean (no `.`, `..` or empty parts), which
    /// gives what standardizing the URL would.
    private mutating func register(_ page: Page, course: Course, as output: String) {
        let path = rootPath + "/" + page.relativePath
        let clean = !SitePath.hasPart(startingWith: UInt8(ascii: "."), in: path) && !SitePath.hasPart(startingWith: UInt8(ascii: "/"), in: path)
        outputForSource[clean ? path : URL(fileURLWithPath: path).standardizedFileURL.path] = output
    }

    private mutating func add(_ entry: Entry) -> Int {
        entries.append(entry)
        return entries.count - 1
    }

    private mutating func add(exercise: Exercise) -> Int {
        let output = "exercises/\(exercise.slug)/index.html"
        outputForExercise[exercise.directory.standardizedFileURL.path] = output
        return add(Entry(output: output, title: exercise.title, navTitle: "Exercise: " + exercise.title, kind: .exercise(exercise)))
    }

    /// Adds a markdown page (and its quiz page, when it holds a quiz); returns their indexes.
    private mutating func add(page: Page, session: Session?, course: Course, navTitle: String) -> [Int] {
        let output = SitePath.html(forSource: page.relativePath)
        register(page, course: course, as: output)
        if let winner = sourceOfOutput[output] {
            diagnostics.append(.warning(page.displayPath, "not published: it would become \(output), which \(winner) already is; links to it lead there"))
            return []
        }
        sourceOfOutput[output] = page.relativePath
        guard let session, session.quiz != nil, session.quizPage?.relativePath == page.relativePath else {
            return [add(Entry(output: output, title: page.title, navTitle: navTitle, kind: .page(page, session: session, holdsQuiz: false)))]
        }
        let isLesson = session.lesson?.relativePath == page.relativePath
        quizOutputBySession[session.id] = output
        if !isLesson {
            // A page of its own (quiz.md): the quiz page, with a link back to the lesson.
            let lesson = session.lesson.map { SitePath.html(forSource: $0.relativePath) }
            return [add(Entry(output: output, title: page.title, navTitle: "Quiz",
                              kind: .quiz(session, source: page, lesson: lesson)))]
        }
        // A lesson holding its own quiz: the quiz is a section of the lesson page, where its
        // author wrote it, never a second copy of the lesson.
        embeddedQuizSessions.insert(session.id)
        return [add(Entry(output: output, title: page.title, navTitle: navTitle, kind: .page(page, session: session, holdsQuiz: true)))]
    }

    private mutating func planSessions(_ course: Course) {
        // Each session's other pages, found in one pass over the course's pages.
        let sessionIDs = Set(course.sessions.map(\.id))
        var pagesBySession: [String: [Page]] = [:]
        for page in course.pages {
            guard let slash = page.relativePath.firstIndex(of: "/") else { continue }
            let folder = String(page.relativePath[..<slash])
            if sessionIDs.contains(folder) { pagesBySession[folder, default: []].append(page) }
        }
        for session in course.sessions {
            var items: [Int] = []
            var groupOutput: String?
            if let lesson = session.lesson {
                items += add(page: lesson, session: session, course: course, navTitle: "Lesson")
                groupOutput = SitePath.html(forSource: lesson.relativePath)
            }
            if let quizPage = session.quizPage, quizPage.relativePath != session.lesson?.relativePath {
                items += add(page: quizPage, session: session, course: course, navTitle: "Quiz")
            }
            for page in pagesBySession[session.id] ?? []
            where page.relativePath != session.lesson?.relativePath && page.relativePath != session.quizPage?.relativePath {
                items += add(page: page, session: nil, course: course, navTitle: page.title)
            }
            for exercise in course.exercises(of: session) { items.append(add(exercise: exercise)) }
            groups.append(Group(title: session.title, output: groupOutput, items: items))
        }
    }

    private mutating func planNavigation(_ navigation: Navigation, course: Course, skipping home: Page?) {
        var byPath: [String: Page] = [:]
        for page in course.pages where byPath[page.relativePath] == nil { byPath[page.relativePath] = page }
        var placed: Set<String> = home.map { [$0.relativePath] } ?? []
        for item in navigation.items {
            let indices = addNavigation([item], pages: byPath, placed: &placed, course: course)
            guard !indices.isEmpty else { continue }  // a section without a page is no group
            switch item {
            case .page(let title, let path):
                groups.append(Group(title: title ?? byPath[path]?.title ?? path, output: SitePath.html(forSource: path), items: indices))
            case .section(let title, let path, _):
                groups.append(Group(title: title, output: path.map(SitePath.html(forSource:)), items: indices))
            case .link:
                break
            }
        }
        // Pages outside the navigation are published, but not in the sidebar (as MkDocs does).
        for page in course.pages where !placed.contains(page.relativePath) {
            _ = add(page: page, session: session(of: page, in: course), course: course, navTitle: page.title)
        }
    }

    /// Adds the pages of navigation items, nested sections flattened, each page once.
    private mutating func addNavigation(_ items: [Navigation.Item], pages: [String: Page], placed: inout Set<String>,
                                        course: Course) -> [Int] {
        var indices: [Int] = []
        for item in items {
            switch item {
            case .page(let title, let path):
                guard let page = pages[path], placed.insert(path).inserted else { continue }
                indices += add(page: page, session: session(of: page, in: course), course: course, navTitle: title ?? page.title)
            case .section(let title, let path, let children):
                if let path { indices += addNavigation([.page(title: title, path: path)], pages: pages, placed: &placed, course: course) }
                indices += addNavigation(children, pages: pages, placed: &placed, course: course)
            case .link:
                continue
            }
        }
        return indices
    }

    private func session(of page: Page, in course: Course) -> Session? {
        course.sessions.first { $0.lesson?.relativePath == page.relativePath }
    }

    private mutating func planFolders(_ course: Course, skipping home: Page?) {
        var folderOrder: [String] = []
        var pagesByFolder: [String: [Page]] = [:]
        let root = course.root.standardizedFileURL.path
        for page in course.pages where page.relativePath != home?.relativePath
            && ExerciseFolder.isPublishable(root + "/" + page.relativePath, below: root) {
            let folder = (page.relativePath as NSString).deletingLastPathComponent
            if pagesByFolder[folder] == nil { folderOrder.append(folder) }
            pagesByFolder[folder, default: []].append(page)
        }
        for folder in folderOrder {
            let pages = pagesByFolder[folder] ?? []
            // A folder page whose output another page already has (the root's README.md beside
            // its index.md, which is the home page) is left out below, with a warning.
            let indexPage = Self.folderPage(among: pages).flatMap { sourceOfOutput[SitePath.html(forSource: $0.relativePath)] == nil ? $0 : nil }
            var items: [Int] = []
            // The folder's page first, so it keeps the folder's index.html when both an
            // index.md and a README.md would make one.
            for page in (indexPage.map { [$0] } ?? []) + pages.filter({ $0.relativePath != indexPage?.relativePath }) {
                let session = course.sessions.first { $0.lesson?.relativePath == page.relativePath }
                items += add(page: page, session: session, course: course, navTitle: page.title)
            }
            if items.isEmpty && indexPage == nil { continue }  // nothing of this folder is published
            let title = indexPage?.title ?? (folder.isEmpty ? course.title : Self.prettyName(folder))
            groups.append(Group(title: title, output: indexPage.map { SitePath.html(forSource: $0.relativePath) }, items: items))
        }
    }

    /// A folder's own page among its pages: its index.md, else its README.md (as MkDocs
    /// prefers index.md when a folder has both).
    static func folderPage(among pages: [Page]) -> Page? {
        func named(_ names: [String]) -> Page? {
            pages.first { names.contains(($0.relativePath as NSString).lastPathComponent.lowercased()) }
        }
        return named(["index.md", "index.markdown"]) ?? named(["readme.md", "readme.markdown"])
    }

    /// `02-getting_started` → `02 getting started`, for folders without an index page.
    static func prettyName(_ folder: String) -> String {
        let name = (folder as NSString).lastPathComponent
        return name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
    }
}
