import Course
import Foundation
import Markdown

/// What a quiz form's script needs to mark an attempt: the correct options and explanation
/// of each question and the scoring guide's bands, as one JSON object.
///
/// The page works from file:// with no server, so the key has to travel with it. It is
/// shipped XOR-masked and base64-encoded (`site/assets/quiz.js` unmasks it) so the answers are
/// neither shown nor readable at a glance in the page source before submitting. This is
/// modesty, not secrecy: a determined learner can decode it, as with any offline quiz.
struct QuizPayload {
    /// The mask; quiz.js holds the same string.
    static let mask = Array("lectern-quiz".utf8)

    /// The key of one form: for each of its questions (in `indices` order) the correct
    /// option indices, whether several are right, the explanation and each option's
    /// feedback, or null for a self-check item; the bands; the scoring rule.
    static func json(_ quiz: Quiz, indices: [Int]? = nil, bands: [Band]? = nil, renderer: HTMLRenderer) -> String {
        var out = "{\"questions\":["
        for (position, index) in (indices ?? Array(quiz.questions.indices)).enumerated() {
            let question = quiz.questions[index]
            if position > 0 { out += "," }
            guard question.isScored else {
                out += "null"
                continue
            }
            out += "{\"correct\":[\(question.correctIndices.map(String.init).joined(separator: ","))]"
            out += ",\"multiple\":\(question.isMultipleAnswer),\"explanation\":"
            let shown = question.options.map(\.letter)
            JSONText.append(OptionReferences.mark(renderer.render(question.explanation),
                                                  letters: question.explanationLetters ?? question.ownLetters, shown: shown), to: &out)
            out += ",\"feedback\":["
            for (offset, option) in question.options.enumerated() {
                if offset > 0 { out += "," }
                JSONText.append(OptionReferences.mark(renderer.render(option.feedback), letters: question.ownLetters, shown: shown), to: &out)
            }
            out += "]}"
        }
        out += "],\"bands\":["
        for (index, band) in (bands ?? quiz.scoringGuide?.bands ?? []).enumerated() {
            if index > 0 { out += "," }
            out += "{\"low\":\(band.lowerBound),\"high\":\(band.upperBound),\"label\":"
            JSONText.append(band.label, to: &out)
            out += ",\"advice\":"
            JSONText.append(band.advice, to: &out)
            out += ",\"range\":"
            JSONText.append(band.rangeText, to: &out)
            out += "}"
        }
        out += "],\"scoring\":\"\(quiz.scoring.rawValue)\"}"
        return out
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
