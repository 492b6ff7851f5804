import Foundation

/// A plain JSON value, as observations and expectations hold them.
///
/// Numbers are doubles (the protocol compares numbers as doubles); objects keep no order.
public enum JSONValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Parses one JSON text; nil when it is not JSON.
    public static func parse(_ data: Data) -> JSONValue? {
        JSONParser.parse(data)
    }

    /// Compact JSON text with sorted keys; integral numbers without a fraction. Opaque values
    /// the harness could not convert (`{"$repr": …, "$type": …}`) show as `<Type: repr>`.
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return Self.format(value)
        case .string(let value): return Self.quote(value)
        case .array(let values): return "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .object(let members):
            if case .string(let repr)? = members["$repr"] {
                if case .string(let type)? = members["$type"] { return "<\(type): \(repr)>" }
                return "<\(repr)>"
            }
            let body = members.sorted { $0.key < $1.key }.map { Self.quote($0.key) + ": " + $0.value.description }
            return "{" + body.joined(separator: ", ") + "}"
        }
    }

    /// Whether this value, or anything inside it, is an opaque `$repr` placeholder, which
    /// equals no expected value.
    public var containsOpaque: Bool {
        switch self {
        case .array(let values): return values.contains(where: \.containsOpaque)
        case .object(let members): return members["$repr"] != nil || members.values.contains(where: \.containsOpaque)
        default: return false
        }
    }

    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
