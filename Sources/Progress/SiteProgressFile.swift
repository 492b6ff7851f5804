import Foundation

/// The quiz results a learner downloads from the study site ("Download them"), read for
/// `lectern progress import`.
///
/// The site marks quizzes in the browser and keeps each attempt there (localStorage). Its
/// download is JSON:
///
/// ```json
/// {"format": "lectern-site-progress", "version": 1, "site": "…", "exportedAt": "…",
///  "attempts": [{"attemptID": "…", "sessionID": "…", "sessionTitle": "…", "quizTitle": "…",
///    "contentHash": "…", "startedAt": "2026-11-29T10:00:00.000Z", "finishedAt": "…",
///    "score": 9, "points": 9.5, "total": 10, "band": "Proficient",
///    "answers": [{"question": 1, "chosen": "D", "correct": "D", "isCorrect": true, "credit": 1},
///                {"question": 4, "selfCheck": true, "correct": "-", "revealed": false}]}]}
/// ```
///
/// Every problem is reported with its line and column, and a file with any problem imports
/// nothing. Letters are the quiz's own (the site maps any shuffle back), as the store keeps them.
public enum SiteProgressFile {
    public static let format = "lectern-site-progress"

    /// One problem of a file, at a 1-based line and column.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public var message: String
        public var description: String { "\(line):\(column): error: \(message)" }
    }

    /// The attempts of `data` as store rows taken by `learner`, or every problem found.
    public static func read(_ data: Data, learner: String?) -> Result<[AttemptRecord], ProblemList> {
        let locator = JSONLocator(Array(data))
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            let offset = syntaxErrorOffset(error) ?? 0
            let (line, column) = locator.lineAndColumn(ofOffset: offset)
            return .failure(ProblemList([Problem(line: line, column: column, message: "not valid JSON (\(syntaxErrorText(error)))")]))
        }
        var reader = Reader(locator: locator, learner: learner)
        let attempts = reader.file(root)
        return reader.problems.isEmpty ? .success(attempts) : .failure(ProblemList(reader.problems))
    }

    /// The problems of a file that was not imported.
    public struct ProblemList: Error, Sendable {
        public var problems: [Problem]
        init(_ problems: [Problem]) { self.problems = problems }
    }

    /// "Invalid value around character 30." → 30 (Foundation's only hint of where).
    private static func syntaxErrorOffset(_ error: Error) -> Int? {
        let text = syntaxErrorText(error)
        guard let range = text.range(of: #"character (\d+)"#, options: .regularExpression) else { return nil }
        return Int(text[range].dropFirst("character ".count))
    }

    private static func syntaxErrorText(_ error: Error) -> String {
        let info = (error as NSError).userInfo
        let text = (info["NSDebugDescription"] as? String) ?? "\(error)"
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }

    /// Walks the parsed JSON, collecting attempts and problems with their positions.
    private struct Reader {
        let locator: JSONLocator
        let learner: String?
        var problems: [Problem] = []
        private let dates: ISO8601DateFormatter = {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            return formatter
        }()
        private let wholeSecondDates = ISO8601DateFormatter()

        init(locator: JSONLocator, learner: String?) {
            self.locator = locator
            self.learner = learner
        }

        mutating func problem(_ path: [JSONLocator.Step], _ message: String) {
            let (line, column) = locator.lineAndColumn(of: path)
            problems.append(Problem(line: line, column: column, message: message))
        }

        mutating func file(_ root: Any) -> [AttemptRecord] {
            guard let object = root as? [String: Any] else {
                problem([], "expected an object with \"format\": \"\(SiteProgressFile.format)\" and \"attempts\"")
                return []
            }
            guard object["format"] as? String == SiteProgressFile.format else {
                problem(object["format"] == nil ? [] : [.key("format")],
                        "not a file of the study site's quiz results (\"format\" must be \"\(SiteProgressFile.format)\")")
                return []
            }
            guard let version = object["version"] as? NSNumber, version.intValue == 1, !isBool(version) else {
                problem(object["version"] == nil ? [] : [.key("version")], "unsupported \"version\" (this lectern reads version 1)")
                return []
            }
            guard let attempts = object["attempts"] as? [Any] else {
                problem(object["attempts"] == nil ? [] : [.key("attempts")], "\"attempts\" must be a list")
                return []
            }
            return attempts.indices.compactMap { attempt(attempts[$0], at: [.key("attempts"), .index($0)]) }
        }

        mutating func attempt(_ value: Any, at path: [JSONLocator.Step]) -> AttemptRecord? {
            guard let object = value as? [String: Any] else {
                problem(path, "an attempt must be an object")
                return nil
            }
            let before = problems.count
            let attemptID = text(object, "attemptID", at: path, nonEmpty: true)
            let sessionID = text(object, "sessionID", at: path, nonEmpty: true)
            let sessionTitle = text(object, "sessionTitle", at: path)
            let quizTitle = text(object, "quizTitle", at: path)
            let contentHash = text(object, "contentHash", at: path, nonEmpty: true)
            let startedAt = date(object, "startedAt", at: path)
            let finishedAt = date(object, "finishedAt", at: path)
            let total = integer(object, "total", at: path)
            let score = integer(object, "score", at: path)
            var band: String?
            if let value = object["band"], !(value is NSNull) {
                if let label = value as? String { band = label } else { problem(path + [.key("band")], "\"band\" must be text or null") }
            }
            if let attemptID, attemptID.count > 100 { problem(path + [.key("attemptID")], "\"attemptID\" is longer than 100 characters") }
            if let score, let total, score > total { problem(path + [.key("score")], "\"score\" \(score) is more than \"total\" \(total)") }
            if let startedAt, let finishedAt, finishedAt < startedAt {
                problem(path + [.key("finishedAt")], "\"finishedAt\" is before \"startedAt\"")
            }
            var answers: [AttemptAnswer] = []
            if let list = object["answers"] as? [Any] {
                var numbers = Set<Int>()
                for index in list.indices {
                    let at = path + [.key("answers"), .index(index)]
                    guard let answer = answer(list[index], at: at) else { continue }
                    if !numbers.insert(answer.question).inserted {
                        problem(at + [.key("question")], "question \(answer.question) is answered twice")
                    }
                    answers.append(answer)
                }
                if let score, answers.filter({ $0.isCorrect == true }).count != score {
                    problem(path + [.key("score")], "\"score\" \(score) does not match the \(answers.filter { $0.isCorrect == true }.count) answers marked correct")
                }
            } else {
                problem(object["answers"] == nil ? path : path + [.key("answers")], "\"answers\" must be a list")
            }
            guard problems.count == before, let attemptID, let sessionID, let sessionTitle, let quizTitle, let contentHash,
                  let startedAt, let finishedAt, let total, let score else { return nil }
            return AttemptRecord(attemptID: attemptID, sessionID: sessionID, sessionTitle: sessionTitle, quizTitle: quizTitle,
                                 contentHash: contentHash, answers: answers, score: score, total: total, bandLabel: band,
                                 isComplete: true, startedAt: startedAt, finishedAt: finishedAt,
                                 durationSeconds: finishedAt.timeIntervalSince(startedAt), learner: learner)
        }

        mutating func answer(_ value: Any, at path: [JSONLocator.Step]) -> AttemptAnswer? {
            guard let object = value as? [String: Any] else {
                problem(path, "an answer must be an object")
                return nil
            }
            let before = problems.count
            let question = integer(object, "question", at: path, minimum: 1)
            if (object["selfCheck"] as? NSNumber).map(isBool) == true, (object["selfCheck"] as? Bool) == true {
                let revealed = object["revealed"] as? NSNumber
                if revealed == nil || !isBool(revealed!) { problem(path + [.key("revealed")], "a self-check item's \"revealed\" must be true or false") }
                let correct = object["correct"] as? String ?? "-"
                guard problems.count == before, let question else { return nil }
                return AttemptAnswer(question: question, chosen: nil, correct: correct, isCorrect: nil, revealed: revealed?.boolValue)
            }
            let correct = letters(object, "correct", at: path, optional: false)
            let chosen = letters(object, "chosen", at: path, optional: true)
            let flag = object["isCorrect"] as? NSNumber
            if flag == nil || !isBool(flag!) { problem(path + [.key("isCorrect")], "\"isCorrect\" must be true or false") }
            guard problems.count == before, let question, let correct else { return nil }
            return AttemptAnswer(question: question, chosen: chosen, correct: correct, isCorrect: flag!.boolValue)
        }

        /// Letters as the store keeps them: `D`, `A+C`.
        mutating func letters(_ object: [String: Any], _ key: String, at path: [JSONLocator.Step], optional: Bool) -> String? {
            let value = object[key]
            if optional, value == nil || value is NSNull { return nil }
            guard let text = value as? String, !text.isEmpty,
                  text.split(separator: "+", omittingEmptySubsequences: false).allSatisfy({ $0.count == 1 && $0.first!.isASCII && $0.first!.isUppercase }) else {
                problem(value == nil ? path : path + [.key(key)], "\"\(key)\" must be option letters such as \"B\" or \"A+C\"")
                return nil
            }
            return text
        }

        mutating func text(_ object: [String: Any], _ key: String, at path: [JSONLocator.Step], nonEmpty: Bool = false) -> String? {
            guard let value = object[key] as? String, !nonEmpty || !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                problem(object[key] == nil ? path : path + [.key(key)], "\"\(key)\" must be \(nonEmpty ? "non-empty " : "")text")
                return nil
            }
            return value
        }

        mutating func integer(_ object: [String: Any], _ key: String, at path: [JSONLocator.Step], minimum: Int = 0) -> Int? {
            guard let number = object[key] as? NSNumber, !isBool(number), number.doubleValue == number.doubleValue.rounded(),
                  number.doubleValue >= Double(minimum), number.doubleValue < 1e9 else {
                problem(object[key] == nil ? path : path + [.key(key)], "\"\(key)\" must be a whole number of at least \(minimum)")
                return nil
            }
            return number.intValue
        }

        mutating func date(_ object: [String: Any], _ key: String, at path: [JSONLocator.Step]) -> Date? {
            guard let text = object[key] as? String, let date = dates.date(from: text) ?? wholeSecondDates.date(from: text) else {
                problem(object[key] == nil ? path : path + [.key(key)], "\"\(key)\" must be a date and time such as \"2026-11-29T10:00:00.000Z\"")
                return nil
            }
            return date
        }

        /// Whether a parsed number is JSON's true or false (Foundation gives both as NSNumber;
        /// a boolean's type encoding is `c`, a JSON number's never is).
        func isBool(_ number: NSNumber) -> Bool {
            String(cString: number.objCType) == "c"
        }
    }
}
