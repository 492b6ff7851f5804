import Foundation
import Markdown
import Support

/// The course-wide step after parsing: every quiz that lacks a key and links a solutions
/// page takes its key from there (`KeyPairing`); every question still without one is
/// reported, once.
enum QuizKeys {
    /// Keys the quizzes of `pages` in place (a quiz keyed on its own page is still checked
    /// against a solutions page it links) and returns the paths of the pages that served
    /// as solutions pages. A solutions page outside `pages` (a lesson checked on its own) is
    /// read from disk.
    static func apply(to pages: inout [CourseLoader.LoadedPage], root: URL, displayRoot: String,
                      diagnostics: inout [Diagnostic]) -> Set<String> {
        var index: [String: Int] = [:]
        for (position, page) in pages.enumerated() { index[page.page.relativePath] = position }
        var extra: [String: CourseLoader.LoadedPage?] = [:]
        var used: Set<String> = []
        var reported: [String: Set<Int>] = [:]

        // Each quiz page's links to a solutions page, found in parallel: walking every page's
        // tree was most of this step, and it ran alone between loading and rendering.
        let loaded = pages
        let candidates = Parallel.map(loaded.count) { position -> [SolutionsLink.Candidate] in
            guard let quiz = loaded[position].quiz else { return [] }
            let span = (quiz.questions.map(\.position.line).min() ?? 1)...(quiz.questions.map(\.lastLine).max() ?? 1)
            return SolutionsLink.candidates(in: loaded[position].page, near: span)
        }
        for position in pages.indices {
            guard let quiz = pages[position].quiz else { continue }
            let page = pages[position].page
            let needsKey = quiz.questions.contains { $0.options.count >= 2 && !$0.options.contains(where: \.isCorrect) }
                || quiz.questions.contains { $0.options.isEmpty && $0.revealed.isEmpty }
            for candidate in candidates[position] where candidate.target != page.relativePath {
                let target: CourseLoader.LoadedPage?
                if let found = index[candidate.target] {
                    target = pages[found]
                } else if let cached = extra[candidate.target] {
                    target = cached
                } else {
                    var found: [Diagnostic] = []
                    target = CourseLoader.parsePages([candidate.target], root: root, displayRoot: displayRoot, diagnostics: &found).first
                    diagnostics += found
                    extra[candidate.target] = .some(target)
                }
                guard let solutions = target?.quiz, solutions.questions.contains(where: \.isScored) else {
                    if candidate.explicit, let target {
                        diagnostics.append(.error(page.displayPath, (1, 1), "front matter 'solutions' names \(target.page.displayPath), which holds no keyed quiz"))
                    }
                    continue
                }
                let outcome = KeyPairing.pair(quiz, with: solutions, solutionsPage: candidate.target, link: candidate.position)
                // A quiz keyed on its own page is checked against its solutions page, but a link
                // to another quiz's answers is no problem of its own.
                if !needsKey, !candidate.explicit, outcome.diagnostics.contains(where: { $0.code == "unkeyed" }) { continue }
                pages[position].quiz = outcome.quiz
                diagnostics += outcome.diagnostics
                reported[page.relativePath] = outcome.reported
                used.insert(candidate.target)
                break
            }
        }

        for page in pages {
            guard let quiz = page.quiz else { continue }
            let explained = reported[page.page.relativePath] ?? []
            for question in quiz.questions {
                let at = (question.position.line, question.position.column)
                let label = "question \(question.number)"
                if question.options.count >= 2, !question.options.contains(where: \.isCorrect), !explained.contains(question.number) {
                    var diagnostic = Diagnostic.error(page.page.displayPath, at, "\(label) has no correct option: mark exactly one option with ✅")
                    diagnostic.code = "unkeyed"
                    diagnostics.append(diagnostic)
                }
                // Explanations and answers may come from the solutions page, so these are told only now.
                if question.options.isEmpty, question.revealed.isEmpty {
                    diagnostics.append(.warning(page.page.displayPath, at, "\(label) has no options and no answer to reveal (add options, an 'Explanation:' or a <details> answer)"))
                } else if question.isScored, question.explanation.isEmpty {
                    diagnostics.append(.warning(page.page.displayPath, at, "\(label) has no explanation (add an 'Explanation:' paragraph after the options)"))
                }
            }
        }
        return used
    }
}
