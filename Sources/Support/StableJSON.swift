import Foundation

/// JSON for people and scripts alike: pretty-printed, keys sorted, slashes unescaped, dates in
/// ISO 8601, non-finite numbers as strings, ending with a newline. Every `--format json` output
/// of lectern is written this way, so outputs diff cleanly between runs.
public enum StableJSON {
    /// The value as JSON. Lectern encodes plain data (strings, numbers, dates and collections
    /// of them), which this configuration cannot fail on; should a custom `encode(to:)` throw,
    /// the output is `{"error": …}` naming why, never a crash or a silent `{}`.
    public static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            let message = (try? encoder.encode(["error": "cannot encode as JSON: \(error)"])).map { String(decoding: $0, as: UTF8.self) }
            return (message ?? #"{"error": "cannot encode as JSON"}"#) + "\n"
        }
    }
}
