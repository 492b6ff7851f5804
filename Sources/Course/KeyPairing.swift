import Foundation
import Markdown

/// Takes a lesson quiz's key from its solutions page.
///
/// Questions pair by number. Options match by text, in any order, ignoring case, spacing and
/// punctuation; the key is translated into the lesson's own letters, and the explanations
/// come from the solutions page. Every problem is reported with both places: a question
/// without a counterpart, options whose texts differ, a solutions page keyed for other
/// questions, a question marked on both pages differently.
public enum KeyPairing {
    /// The lesson's quiz with the keys it could take, and what went wrong.
    public struct Outcome {
        public var quiz: Quiz
        public var diagnostics: [Diagnostic]
        /// The numbers of the questions whose missing key has been explained already.
        public var reported: Set<Int>
    }

    /// Pairs `lesson` (from the page at `lessonPath`) with `solutions` (from `solutionsPath`,
    /// relative `solutionsPage` within the course). `link` is where the lesson names it.
    public static func pair(_ lesson: Quiz, with solutions: Quiz, solutionsPage: String, link: SourcePosition) -> Outcome {
        var quiz = lesson
        var diagnostics: [Diagnostic] = []
        var reported: Set<Int> = []
        let lessonPath = lesson.displayPath
        let solutionsPath = solutions.displayPath
        var byNumber: [Int: Question] = [:]
        for question in solutions.questions where byNumber[question.number] == nil { byNumber[question.number] = question }

        func location(_ question: Question) -> SourceLocation {
            SourceLocation(path: solutionsPath, line: question.position.line, column: question.position.column)
        }
        func there(_ question: Question) -> String {
            "question \(question.number) of \(solutionsPath):\(question.position.line)"
        }

        // A page keyed for other questions: no pair agrees on its options or its prompt.
        let pairs = lesson.questions.compactMap { question in byNumber[question.number].map { (question, $0) } }
        if !pairs.isEmpty, !pairs.contains(where: { agree($0.0, $0.1) }) {
            let (mine, theirs) = pairs[0]
            diagnostics.append(Diagnostic(.error, lessonPath, line: link.line, column: link.column,
                "the solutions page \(solutionsPath) is keyed for other questions: none of its questions matches this quiz's "
                + "(question \(mine.number) here asks \(quote(mine.promptText)), there \(quote(theirs.promptText))); no key was taken from it")
                .with(related: [location(theirs)], code: "unkeyed"))
            return Outcome(quiz: lesson, diagnostics: diagnostics, reported: Set(lesson.questions.map(\.number)))
        }

        let numbers = solutions.questions.map(\.number)
        var anyKeyed = false
        for index in quiz.questions.indices {
            var question = quiz.questions[index]
            let here = (question.position.line, question.position.column)
            guard let counterpart = byNumber[question.number] else {
                if question.options.count >= 2 && !question.options.contains(where: \.isCorrect) {
                    diagnostics.append(Diagnostic(.error, lessonPath, line: here.0, column: here.1,
                        "question \(question.number) has no counterpart on the solutions page \(solutionsPath), which has questions \(ranges(numbers)); it is not scored")
                        .with(related: [SourceLocation(path: solutionsPath, line: 1, column: 1)], code: "unkeyed"))
                    reported.insert(question.number)
                }
                continue
            }
            if question.options.isEmpty {
                // A self-check item: the solutions page's answer is what it reveals.
                if question.answer.isEmpty { question.answer = counterpart.revealed }
                quiz.questions[index] = question
                continue
            }
            let match = OptionMatch(lesson: question.options, solutions: counterpart.options)
            // The explanation comes from the solutions page unless the lesson gives its own; it
            // cites options in that page's letters, so each is mapped to the lesson's option.
            if question.explanation.isEmpty, !counterpart.explanation.isEmpty {
                question.explanation = counterpart.explanation
                var letters: [String: Int] = [:]
                for (solutionIndex, option) in counterpart.options.enumerated() {
                    if let mine = match.lessonIndex(ofSolution: solutionIndex) { letters[option.letter] = mine }
                }
                question.explanationLetters = letters
                quiz.questions[index] = question
            }
            if !match.unmatchedLesson.isEmpty || !match.unmatchedSolutions.isEmpty {
                diagnostics.append(Diagnostic(.warning, lessonPath, line: here.0, column: here.1,
                    "question \(question.number)'s options differ from \(there(counterpart)): \(match.difference(lesson: question.options, solutions: counterpart.options))")
                    .with(related: [location(counterpart)]))
            }
            let key = counterpart.correctIndices
            let lessonMarks = question.correctIndices
            if key.isEmpty {
                if lessonMarks.isEmpty {
                    diagnostics.append(Diagnostic(.error, lessonPath, line: here.0, column: here.1,
                        "question \(question.number) cannot take its key: \(there(counterpart)) marks no option ✅; it is not scored")
                        .with(related: [location(counterpart)], code: "unkeyed"))
                    reported.insert(question.number)
                }
                continue
            }
            let translated = key.map { match.lessonIndex(ofSolution: $0) }
            if translated.contains(where: { $0 == nil }) {
                if lessonMarks.isEmpty {
                    let missing = key.filter { match.lessonIndex(ofSolution: $0) == nil }
                        .map { "\(counterpart.options[$0].letter)) \(quote(counterpart.options[$0].text))" }.joined(separator: ", ")
                    diagnostics.append(Diagnostic(.error, lessonPath, line: here.0, column: here.1,
                        "question \(question.number) cannot take its key: the answer \(missing) of \(there(counterpart)) matches none of this question's options; it is not scored")
                        .with(related: [location(counterpart)], code: "unkeyed"))
                    reported.insert(question.number)
                }
                continue
            }
            let lessonKey = translated.compactMap { $0 }.sorted()
            if !lessonMarks.isEmpty {
                if lessonMarks != lessonKey {
                    let mine = lessonMarks.map { question.options[$0].letter }.joined(separator: ", ")
                    let theirs = lessonKey.map { question.options[$0].letter }.joined(separator: ", ")
                    diagnostics.append(Diagnostic(.error, lessonPath, line: here.0, column: here.1,
                        "question \(question.number) is marked twice, differently: ✅ on \(mine) here, but \(there(counterpart)) keys \(theirs) (in this page's letters); the ✅ here is used")
                        .with(related: [location(counterpart)]))
                }
                continue
            }
            for option in lessonKey { question.options[option].isCorrect = true }
            for (solutionIndex, option) in counterpart.options.enumerated() where !option.feedback.isEmpty {
                if let mine = match.lessonIndex(ofSolution: solutionIndex), question.options[mine].feedback.isEmpty {
                    question.options[mine].feedback = option.feedback
                }
            }
            question.keySource = location(counterpart)
            quiz.questions[index] = question
            anyKeyed = true
        }
        if anyKeyed {
            quiz.solutionsPage = solutionsPage
            if quiz.scoringGuide == nil, let guide = solutions.scoringGuide,
               solutions.scoredQuestions.count == quiz.scoredQuestions.count {
                // The bands fit only a quiz of the same length; they have no place on this page.
                quiz.scoringGuide = ScoringGuide(bands: guide.bands, position: SourcePosition(line: 0, column: 0), lastLine: 0)
            }
        }
        return Outcome(quiz: quiz, diagnostics: diagnostics, reported: reported)
    }

    /// Whether two questions are the same question: their options match, or their prompts do.
    static func agree(_ lesson: Question, _ solutions: Question) -> Bool {
        if !lesson.options.isEmpty {
            let match = OptionMatch(lesson: lesson.options, solutions: solutions.options)
            if match.unmatchedLesson.isEmpty && match.unmatchedSolutions.isEmpty { return true }
        }
        let mine = normalized(lesson.promptText)
        let theirs = normalized(solutions.promptText)
        return !mine.isEmpty && (mine == theirs || mine.contains(theirs) || theirs.contains(mine))
    }

    /// Text as options are compared: lowercase letters and digits, single spaces between words.
    public static func normalized(_ text: String) -> String {
        asciiNormalized(text) ?? plainNormalized(text)
    }

    /// `normalized` on ASCII text, on bytes (nil for any other text): a real course pairs
    /// thousands of options, and walking Characters showed in the site build's profile. The
    /// tests hold it to `plainNormalized`.
    static func asciiNormalized(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var between = false  // a separator since the last letter or digit
            for byte in bytes {
                var kept = byte
                switch byte {
                case 0x61...0x7A, 0x30...0x39: break
                case 0x41...0x5A: kept = byte + 0x20
                case 0x80...: return nil
                default:
                    between = true
                    continue
                }
                if between && !out.isEmpty { out.append(0x20) }
                between = false
                out.append(kept)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `normalized` written plainly, Character by Character: the rule for every text.
    static func plainNormalized(_ text: String) -> String {
        var words: [String] = []
        var word = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: " ")
    }

    static func quote(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "\"" + (flat.count > 60 ? flat.prefix(57) + "…" : flat) + "\""
    }

    /// "1-5", "1-3, 7".
    static func ranges(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var start: Int?
        var previous: Int?
        for number in numbers.sorted() {
            if let p = previous, number == p + 1 { previous = number; continue }
            if let s = start, let p = previous { parts.append(s == p ? "\(s)" : "\(s)-\(p)") }
            start = number
            previous = number
        }
        if let s = start, let p = previous { parts.append(s == p ? "\(s)" : "\(s)-\(p)") }
        return parts.joined(separator: ", ")
    }
}

/// Which lesson option each solutions option is, by normalized text.
struct OptionMatch {
    /// `lessonForSolution[i]` is the lesson option matching solutions option i.
    private var lessonForSolution: [Int?]
    var unmatchedLesson: [Int]
    var unmatchedSolutions: [Int]

    init(lesson: [Choice], solutions: [Choice]) {
        let mine = lesson.map { KeyPairing.normalized($0.text) }
        var used = Set<Int>()
        var matches: [Int?] = []
        for option in solutions {
            let text = KeyPairing.normalized(option.text)
            let index = mine.indices.first { !used.contains($0) && mine[$0] == text }
            if let index { used.insert(index) }
            matches.append(index)
        }
        lessonForSolution = matches
        unmatchedLesson = lesson.indices.filter { !used.contains($0) }
        unmatchedSolutions = solutions.indices.filter { matches[$0] == nil }
    }

    func lessonIndex(ofSolution index: Int) -> Int? {
        lessonForSolution[index]
    }

    /// `here C) "Redis cache" ≠ there C) "Redis distributed caching"`, each unmatched lesson
    /// option beside the unmatched solutions option most like it.
    func difference(lesson: [Choice], solutions: [Choice]) -> String {
        var remaining = unmatchedSolutions
        var parts: [String] = []
        for index in unmatchedLesson {
            let option = lesson[index]
            let words = Set(KeyPairing.normalized(option.text).split(separator: " "))
            let closest = remaining.max { a, b in
                Self.overlap(words, solutions[a].text) < Self.overlap(words, solutions[b].text)
            }
            if let closest {
                remaining.removeAll { $0 == closest }
                parts.append("here \(option.letter)) \(KeyPairing.quote(option.text)) ≠ there \(solutions[closest].letter)) \(KeyPairing.quote(solutions[closest].text))")
            } else {
                parts.append("here \(option.letter)) \(KeyPairing.quote(option.text)) is not there")
            }
        }
        for index in remaining {
            parts.append("there \(solutions[index].letter)) \(KeyPairing.quote(solutions[index].text)) is not here")
        }
        return parts.joined(separator: "; ")
    }

    private static func overlap(_ words: Set<Substring>, _ text: String) -> Int {
        words.intersection(KeyPairing.normalized(text).split(separator: " ")).count
    }
}
