import Foundation
import Quiz

/// The result as JSON: stable key order and ISO 8601 dates, so scripts and diffs can rely on it.
public enum ResultJSON {
    public static func encode(_ result: QuizResult) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(result) else {
            // Every field is a plain value; encoding cannot fail short of a Foundation bug.
            return "{}"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
