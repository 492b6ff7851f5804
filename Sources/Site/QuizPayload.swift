import Course
import Foundation
import Markdown
import Support

/// What a quiz form's script needs to mark an attempt: the correct options and explanation
/// of each question and the scoring guide's bands, as one JSON object.
///
/// The page works from file:// with no server, so the key has to travel with it. It is
/// shipped XOR-masked and base64-encoded (`site/assets/quiz.js` unmasks it) so the answers are
/// neither shown nor readable at a glance in the page source before submitting. This is
/// modesty, not secrecy: a determined learner can decode it, as with any offline quiz.
struct QuizPayload: Encodable {
    /// A scored question's key; a self-check item has none (null in the JSON).
    struct Key: Encodable {
        /// The correct options' indices.
        var correct: [Int]
        /// Whether several options are right.
        var multiple: Bool
        /// The explanation, as HTML whose option letters follow the order shown.
        var explanation: String
        /// Each option's feedback, as HTML.
        var feedback: [String]
    }

    /// A band of the scoring guide.
    struct Range: Encodable {
        var low: Int
        var high: Int
        var label: String
        var advice: String
        var range: String
    }

    var questions: [Key?]
    var bands: [Range]
    /// The quiz's scoring rule (`ScoringRule`).
    var scoring: String

    /// The mask; quiz.js holds the same string.
    static let mask = Array("lectern-quiz".utf8)

    /// The key of one form: its questions in `indices` order, the bands (the quiz's own by
    /// default), the scoring rule.
    init(_ quiz: Quiz, indices: [Int]? = nil, bands: [Band]? = nil, renderer: HTMLRenderer) {
        questions = (indices ?? Array(quiz.questions.indices)).map { index in
            let question = quiz.questions[index]
            guard question.isScored else { return nil }
            let shown = question.options.map(\.letter)
            return Key(correct: question.correctIndices, multiple: question.isMultipleAnswer,
                       explanation: OptionReferences.mark(renderer.render(question.explanation),
                                                          letters: question.explanationLetters ?? question.ownLetters, shown: shown),
                       feedback: question.options.map { OptionReferences.mark(renderer.render($0.feedback), letters: question.ownLetters, shown: shown) })
        }
        self.bands = (bands ?? quiz.scoringGuide?.bands ?? []).map {
            Range(low: $0.lowerBound, high: $0.upperBound, label: $0.label, advice: $0.advice, range: $0.rangeText)
        }
        scoring = quiz.scoring.rawValue
    }

    /// The key as compact JSON, keys sorted: what `JSONEncoder` gives with `.sortedKeys` and
    /// `.withoutEscapingSlashes` (`encodedJSON`), written directly. The encoder was a sixth
    /// of rendering a quiz section in profiles; a test holds the two to the same value.
    var json: String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        func string(_ text: String) { JSONString.append(text, to: &out, forScript: false) }
        func integers(_ values: [Int]) {
            out.append(UInt8(ascii: "["))
            for (position, value) in values.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: String(value).utf8)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: #"{"bands":["#.utf8)
        for (position, band) in bands.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"advice":"#.utf8)
            string(band.advice)
            out.append(contentsOf: #","high":\#(band.high),"label":"#.utf8)
            string(band.label)
            out.append(contentsOf: #","low":\#(band.low),"range":"#.utf8)
            string(band.range)
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: #"],"questions":["#.utf8)
        for (position, key) in questions.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            guard let key else {
                out.append(contentsOf: "null".utf8)
                continue
            }
            out.append(contentsOf: #"{"correct":"#.utf8)
            integers(key.correct)
            out.append(contentsOf: #","explanation":"#.utf8)
            string(key.explanation)
            out.append(contentsOf: #","feedback":["#.utf8)
            for (index, feedback) in key.feedback.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                string(feedback)
            }
            out.append(contentsOf: #"],"multiple":\#(key.multiple)}"#.utf8)
        }
        out.append(contentsOf: #"],"scoring":"#.utf8)
        string(scoring)
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// The key as `JSONEncoder` writes it, for tests.
    var encodedJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings, integers and booleans only: encoding cannot fail.
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// The masked, base64-encoded form that goes into the page.
    static func encode(_ json: String) -> String {
        let bytes = Array(json.utf8)
        var masked = [UInt8](repeating: 0, count: bytes.count)
        for index in bytes.indices { masked[index] = bytes[index] ^ mask[index % mask.count] }
        return Data(masked).base64EncodedString()
    }

    /// The inverse of `encode`, for tests.
    static func decode(_ encoded: String) -> String? {
        guard let data = Data(base64Encoded: encoded) else { return nil }
        let bytes = [UInt8](data)
        var plain = [UInt8](repeating: 0, count: bytes.count)
        for index in bytes.indices { plain[index] = bytes[index] ^ mask[index % mask.count] }
        return String(decoding: plain, as: UTF8.self)
    }
}

extension Question {
    /// Each option's letter as the question writes it, with the option's index.
    var ownLetters: [String: Int] {
        Dictionary(options.enumerated().map { ($1.letter, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
