extension LecternHarness {
    /// A plain JSON value built by the harness from what it observed; learner values never
    /// reach the channel except through these cases.
    enum JSON: Sendable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
        case array([JSON])
        case object([(String, JSON)])

        var encoded: String {
            switch self {
            case .null: return "null"
            case .bool(let value): return value ? "true" : "false"
            case .int(let value): return String(value)
            case .double(let value): return value.isFinite ? "\(value)" : "null"
            case .string(let value): return Self.quoted(value)
            case .array(let values): return "[" + values.map(\.encoded).joined(separator: ", ") + "]"
            case .object(let members):
                let body = members.map { Self.quoted($0.0) + ": " + $0.1.encoded }
                return "{" + body.joined(separator: ", ") + "}"
            }
        }

        private static func quoted(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
    }

    /// The observations of one scenario, in the order they were made.
    struct Observations: Sendable {
        private var members: [(String, JSON)] = []

        var json: JSON { .object(members) }

        subscript(key: String) -> JSON? {
            get { members.first { $0.0 == key }?.1 }
            set {
                members.removeAll { $0.0 == key }
                if let newValue { members.append((key, newValue)) }
            }
        }
    }
}

extension LecternHarness.JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByFloatLiteral
{
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(floatLiteral value: Double) { self = .double(value) }
}
