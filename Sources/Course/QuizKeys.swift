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

        let candidates = candidates(of: pages)
        // A page keyed here may itself be another page's solutions page, which must then be read
        // keyed, so pages are paired in order. When no page that may take a key is a candidate
        // of another, and every candidate is a page of the course, the pairings are independent
        // and made on every core: each reads only pages no pairing changes.
        let mayChange = Set(pages.indices.filter { position in
            pages[position].quiz != nil && candidates[position].contains { $0.target != pages[position].page.relativePath }
        })
        let independent = pages.indices.allSatisfy { position in
            candidates[position].allSatisfy { candidate in
                candidate.target == pages[position].page.relativePath
                    || index[candidate.target].map { !mayChange.contains($0) } == true
            }
        }
        let pairings: [Pairing]
        if independent {
            pairings = independentPairings(of: pages, candidates: candidates, index: index)
        } else {
            var made: [Pairing] = []
            for position in pages.indices {
                let pairing = pairing(pages[position], candidates: candidates[position]) { target -> (CourseLoader.LoadedPage?, [Diagnostic]) in
                    if let found = index[target] { return (pages[found], []) }
                    if let cached = extra[target] { return (cached, []) }
                    var found: [Diagnostic] = []
                    let read = CourseLoader.parsePages([target], root: root, displayRoot: displayRoot, diagnostics: &found).first
                    extra[target] = .some(read)
                    return (read, found)
                }
                if let quiz = pairing.quiz { pages[position].quiz = quiz }
                made.append(pairing)
            }
            pairings = made
        }
        var replaced: [Quiz?] = []
        for (position, pairing) in pairings.enumerated() {
            if let quiz = pairing.quiz {  // in order, this was done as it went
                replaced.append(pages[position].quiz)
                pages[position].quiz = quiz
            }
            diagnostics += pairing.diagnostics
            if let solutions = pairing.solutions {
                reported[pages[position].page.relativePath] = pairing.reported
                used.insert(solutions)
            }
        }

        discardInBackground(replaced)  // the quizzes as parsed, before keying

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

    // The parallel steps read the pages in functions of their own: the closures' hold on the
    // array ends with them, so `apply` then keys its pages in place. Keyed while a copy of
    // the array was still held, every page was copied, and the old ones torn down, on one core.

    /// Each quiz page's links to a solutions page, found in parallel: walking every page's
    /// tree was most of this step, and it ran alone between loading and rendering.
    private static func candidates(of pages: [CourseLoader.LoadedPage]) -> [[SolutionsLink.Candidate]] {
        Parallel.map(pages.count) { position -> [SolutionsLink.Candidate] in
            guard let quiz = pages[position].quiz else { return [] }
            let span = (quiz.questions.map(\.position.line).min() ?? 1)...(quiz.questions.map(\.lastLine).max() ?? 1)
            return SolutionsLink.candidates(in: pages[position].page, near: span)
        }
    }

    /// Every page's pairing, on every core: only when the pairings are independent (see `apply`).
    private static func independentPairings(of pages: [CourseLoader.LoadedPage], candidates: [[SolutionsLink.Candidate]],
                                            index: [String: Int]) -> [Pairing] {
        Parallel.map(pages.count) { position in
            pairing(pages[position], candidates: candidates[position]) { target in (pages[index[target]!], []) }
        }
    }

    /// What pairing one quiz page gave: its quiz keyed from the solutions page it took (nil
    /// when it took none), what to tell, and the questions whose missing key was explained.
    private struct Pairing: Sendable {
        var quiz: Quiz?
        var solutions: String?
        var reported: Set<Int> = []
        var diagnostics: [Diagnostic] = []
    }

    /// Pairs `loaded`'s quiz with the first of its candidates that holds a keyed quiz;
    /// `target` gives a candidate's page, with what reading it found.
    private static func pairing(_ loaded: CourseLoader.LoadedPage, candidates: [SolutionsLink.Candidate],
                                target: (String) -> (CourseLoader.LoadedPage?, [Diagnostic])) -> Pairing {
        var result = Pairing()
        guard let quiz = loaded.quiz else { return result }
        let page = loaded.page
        let needsKey = quiz.questions.contains { $0.options.count >= 2 && !$0.options.contains(where: \.isCorrect) }
            || quiz.questions.contains { $0.options.isEmpty && $0.revealed.isEmpty }
        for candidate in candidates where candidate.target != page.relativePath {
            let (found, read) = target(candidate.target)
            result.diagnostics += read
            guard let solutions = found?.quiz, solutions.questions.contains(where: \.isScored) else {
                if candidate.explicit, let found {
                    result.diagnostics.append(.error(page.displayPath, (1, 1), "front matter 'solutions' names \(found.page.displayPath), which holds no keyed quiz"))
                }
                continue
            }
            let outcome = KeyPairing.pair(quiz, with: solutions, solutionsPage: candidate.target, link: candidate.position)
            // A quiz keyed on its own page is checked against its solutions page, but a link
            // to another quiz's answers is no problem of its own.
            if !needsKey, !candidate.explicit, outcome.diagnostics.contains(where: { $0.code == "unkeyed" }) { continue }
            result.quiz = outcome.quiz
            result.solutions = candidate.target
            result.reported = outcome.reported
            result.diagnostics += outcome.diagnostics
            break
        }
        return result
    }
}
