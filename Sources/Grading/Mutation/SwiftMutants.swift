/// Token-level mutants of a Swift source (docs/grading-protocol.md, Generated mutants), and a
/// *mutant schema*: one source holding every mutant at once, each switched on by its number
/// in the `LECTERN_MUTANT` variable, so that the reference and all its mutants cost a single
/// compile. In the schema an operator becomes a custom operator of the same precedence whose
/// function picks the original or a replacement, a literal becomes `__lecternPick(id, 5, 6)`,
/// and a statement is wrapped in `if __lecternMutant != id { … }`. With no mutant switched on
/// the schema behaves exactly as the reference.
///
/// Operators: comparisons (`<` `<=` `>` `>=` `==` `!=`, each to its boundary partner and its
/// negation), arithmetic (`+` `-` and `+=` `-=` `&+=` `&-=` swapped), booleans (`&&` ↔ `||`,
/// `!` removed, `true` ↔ `false`), constants (an integer n to n + 1, n − 1 and 0 or 1; a
/// case of a payload-free enum assigned or compared to another case), deleted statements
/// (a one-line assignment or call, outside initializers).
struct SwiftMutants {
    /// One place in the source that mutates, and its replacements (one mutant each).
    struct Point {
        enum Kind {
            case binary(String)
            case not
            case literal(String)
            case statement
        }

        var kind: Kind
        var mutation: String
        /// 0-based line, and the UTF-16 columns of the token in it (the whole line for a statement).
        var line: Int
        var columns: Range<Int>
        var replacements: [String]
        /// The schema's number of each replacement.
        var ids: [Int] = []
    }

    let lines: [String]
    private(set) var points: [Point] = []

    init(source: String) {
        lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        points = Self.findPoints(lines)
        renumber()
    }

    /// The declaration a line is in: the innermost enclosing `func`, `init`, computed `var` or
    /// type, found by counting braces (outside comments and strings) upwards.
    func scope(of line: Int) -> String {
        var net = [Int](repeating: 0, count: lines.count)
        for token in SwiftTokenizer.tokens(lines) where token.kind == .punctuation {
            if token.text == "{" { net[token.line] += 1 }
            if token.text == "}" { net[token.line] -= 1 }
        }
        var running = 0
        var needed = 1
        for index in stride(from: line - 1, through: 0, by: -1) {
            running += net[index]
            guard running >= needed else { continue }
            let words = lines[index].split(whereSeparator: { " (<:{".contains($0) }).map(String.init)
            for keyword in ["func", "var", "actor", "struct", "class", "enum", "extension"] {
                if let at = words.firstIndex(of: keyword), at + 1 < words.count { return words[at + 1] }
            }
            if words.contains("init") { return "init" }
            needed += 1
        }
        return ""
    }

    /// The mutants, one per replacement, with their schema numbers.
    var mutants: [GeneratedMutant] {
        points.flatMap { point in
            zip(point.replacements, point.ids).map { replacement, id in
                var mutated = lines
                let line = mutated[point.line]
                switch point.kind {
                case .statement:
                    mutated[point.line] = ""
                default:
                    mutated[point.line] = Self.replacing(line, point.columns, with: replacement)
                }
                return GeneratedMutant(mutation: point.mutation, scope: scope(of: point.line), line: point.line + 1,
                                       before: line.trimmingCharacters(in: .whitespaces),
                                       after: mutated[point.line].trimmingCharacters(in: .whitespaces),
                                       source: mutated.joined(separator: "\n"), schemaID: id)
            }
        }
    }

    /// Drops the points whose schema form sits on these (1-based) schema lines, where the
    /// compiler found an error; how many went.
    mutating func dropPoints(onSchemaLines lines: Set<Int>) -> Int {
        let referenceLines = self.lines.count
        let helperStart = referenceLines + 1 + 5  // the import, the reference, then four helper lines
        var doomed: Set<Int> = []
        var declarationLine = helperStart
        for (index, point) in points.enumerated() {
            if lines.contains(point.line + 2) { doomed.insert(index) }
            let count = declarations(point, number: index).count
            if (declarationLine..<declarationLine + count).contains(where: lines.contains) { doomed.insert(index) }
            declarationLine += count
        }
        let before = points.count
        points = points.enumerated().filter { !doomed.contains($0.offset) }.map(\.element)
        renumber()
        return before - points.count
    }

    private mutating func renumber() {
        var next = 1
        for index in points.indices {
            points[index].ids = points[index].replacements.map { _ in defer { next += 1 }; return next }
        }
    }

    /// The schema: the reference with every point in its switchable form, then the helpers.
    /// Its first line is an import, so reference line n (1-based) is schema line n + 1.
    var schema: String {
        var output = lines
        for (lineIndex, line) in lines.enumerated() {
            let here = points.enumerated().filter { $0.element.line == lineIndex }
            guard !here.isEmpty else { continue }
            var text = line
            // Right to left, so the columns of the points still to replace stay put.
            for (index, point) in here.sorted(by: { $0.element.columns.lowerBound > $1.element.columns.lowerBound })
            where !Self.isStatement(point) {
                text = Self.replacing(text, point.columns, with: schemaForm(point, number: index))
            }
            for (_, point) in here where Self.isStatement(point) {
                let indentation = String(text.prefix { $0 == " " })
                text = indentation + "if __lecternMutant != \(point.ids[0]) { \(text.trimmingCharacters(in: .whitespaces)) }"
            }
            output[lineIndex] = text
        }
        var helpers = [
            "",
            "// Lectern's mutant schema: LECTERN_MUTANT=n switches mutant n on.",
            // Public: a public declaration's default argument may use them.
            "public let __lecternMutant: Int = getenv(\"LECTERN_MUTANT\").flatMap { Int(String(cString: $0)) } ?? 0",
            "public func __lecternPick<T>(_ id: Int, _ original: T, _ mutated: T) -> T { __lecternMutant == id ? mutated : original }",
        ]
        for (index, point) in points.enumerated() { helpers += declarations(point, number: index) }
        return (["import Glibc"] + output + helpers).joined(separator: "\n") + "\n"
    }

    private static func isStatement(_ point: Point) -> Bool {
        if case .statement = point.kind { return true }
        return false
    }

    /// The custom operator of a point: its original spelling and an arrow-digit suffix.
    private func operatorName(_ original: String, number: Int) -> String {
        let digits = String(number, radix: 16).unicodeScalars.map { scalar -> Character in
            let value = Int(String(scalar), radix: 16) ?? 0
            return Character(Unicode.Scalar(0x2190 + UInt32(value))!)
        }
        return original + String(digits)
    }

    /// A point's switchable form in the schema; `number` is its index among the points.
    private func schemaForm(_ point: Point, number: Int) -> String {
        switch point.kind {
        case .binary(let original):
            return operatorName(original, number: number)
        case .not:
            return operatorName("!", number: number)
        case .literal(let original):
            return zip(point.replacements, point.ids).reduce(original) { "__lecternPick(\($1.1), \($0), \($1.0))" }
        case .statement:
            return ""
        }
    }

    private func declarations(_ point: Point, number: Int) -> [String] {
        func cases(_ render: (String) -> String) -> String {
            zip(point.ids, point.replacements).map { "case \($0): \(render($1))" }.joined(separator: "; ")
        }
        switch point.kind {
        case .binary(let original):
            let name = operatorName(original, number: number)
            switch original {
            case "<", "<=", ">", ">=":
                return ["infix operator \(name): ComparisonPrecedence",
                        "public func \(name)<T: Comparable>(lhs: T, rhs: T) -> Bool { switch __lecternMutant { \(cases { "return lhs \($0) rhs" }); default: return lhs \(original) rhs } }"]
            case "==", "!=":
                return ["infix operator \(name): ComparisonPrecedence",
                        "public func \(name)<T: Equatable>(lhs: T, rhs: T) -> Bool { switch __lecternMutant { \(cases { "return lhs \($0) rhs" }); default: return lhs \(original) rhs } }"]
            case "&&", "||":
                let group = original == "&&" ? "LogicalConjunctionPrecedence" : "LogicalDisjunctionPrecedence"
                return ["infix operator \(name): \(group)",
                        "public func \(name)(lhs: Bool, rhs: @autoclosure () throws -> Bool) rethrows -> Bool { switch __lecternMutant { \(cases { "return try lhs \($0) rhs()" }); default: return try lhs \(original) rhs() } }"]
            case "+", "-":
                return ["infix operator \(name): AdditionPrecedence",
                        "public func \(name)<T: AdditiveArithmetic>(lhs: T, rhs: T) -> T { switch __lecternMutant { \(cases { "return lhs \($0) rhs" }); default: return lhs \(original) rhs } }"]
            case "+=", "-=":
                return ["infix operator \(name): AssignmentPrecedence",
                        "public func \(name)<T: AdditiveArithmetic>(lhs: inout T, rhs: T) { switch __lecternMutant { \(cases { "lhs \($0) rhs" }); default: lhs \(original) rhs } }"]
            default:  // &+= &-=
                return ["infix operator \(name): AssignmentPrecedence",
                        "public func \(name)<T: FixedWidthInteger>(lhs: inout T, rhs: T) { switch __lecternMutant { \(cases { "lhs \($0) rhs" }); default: lhs \(original) rhs } }"]
            }
        case .not:
            let name = operatorName("!", number: number)
            return ["prefix operator \(name)",
                    "public prefix func \(name)(operand: Bool) -> Bool { __lecternMutant == \(point.ids[0]) ? operand : !operand }"]
        case .literal, .statement:
            return []
        }
    }

    private static func replacing(_ line: String, _ columns: Range<Int>, with text: String) -> String {
        let utf16 = Array(line.utf16)
        return String(decoding: utf16[..<columns.lowerBound], as: UTF16.self) + text
            + String(decoding: utf16[columns.upperBound...], as: UTF16.self)
    }

    // MARK: Finding the points

    private static let binaryReplacements: [String: [String]] = [
        "<": ["<=", ">="], "<=": ["<", ">"], ">": [">=", "<="], ">=": [">", "<"],
        "==": ["!="], "!=": ["=="], "&&": ["||"], "||": ["&&"],
        "+": ["-"], "-": ["+"], "+=": ["-="], "-=": ["+="], "&+=": ["&-="], "&-=": ["&+="],
    ]

    private static func findPoints(_ lines: [String]) -> [Point] {
        let tokens = SwiftTokenizer.tokens(lines)
        let groups = enumCaseGroups(tokens)
        var points: [Point] = []
        for (index, token) in tokens.enumerated() {
            let previous = index > 0 ? tokens[index - 1] : nil
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            switch token.kind {
            case .operator where binaryReplacements[token.text] != nil && token.spaced:
                // A generic clause's `==` is a requirement, not an operator.
                if lines[token.line].range(of: " where ") != nil { continue }
                let mutation = ["+", "-", "+=", "-=", "&+=", "&-="].contains(token.text) ? "arithmetic"
                    : ["&&", "||"].contains(token.text) ? "boolean" : "comparison"
                points.append(Point(kind: .binary(token.text), mutation: mutation, line: token.line, columns: token.columns,
                                    replacements: binaryReplacements[token.text]!))
            case .operator where token.text == "!" && token.leftSpaced && !token.rightSpaced:
                guard let next, next.kind == .identifier || next.text == "(" else { continue }
                points.append(Point(kind: .not, mutation: "boolean", line: token.line, columns: token.columns, replacements: [""]))
            case .number:
                guard let value = Int(token.text), previous?.text != ".", next?.text != ".", previous?.text != "case" else { continue }
                let others = Set([value + 1, value - 1, value == 0 ? 1 : 0]).subtracting([value]).filter { $0 >= 0 || value < 0 }.sorted()
                points.append(Point(kind: .literal(token.text), mutation: "constant", line: token.line, columns: token.columns,
                                    replacements: others.map(String.init)))
            case .identifier where token.text == "true" || token.text == "false":
                points.append(Point(kind: .literal(token.text), mutation: "constant", line: token.line, columns: token.columns,
                                    replacements: [token.text == "true" ? "false" : "true"]))
            case .operator where token.text == ".":
                guard let next, next.kind == .identifier, next.line == token.line, let previous,
                      ["=", "==", "!="].contains(previous.text), index + 2 >= tokens.count || tokens[index + 2].text != "(",
                      let group = groups.first(where: { $0.contains(next.text) }) else { continue }
                let others = group.filter { $0 != next.text }
                points.append(Point(kind: .literal("." + next.text), mutation: "constant", line: token.line,
                                    columns: token.columns.lowerBound..<next.columns.upperBound,
                                    replacements: others.map { "." + $0 }))
            default:
                break
            }
        }
        points += statementPoints(lines, tokens: tokens)
        return points.sorted { ($0.line, $0.columns.lowerBound) < ($1.line, $1.columns.lowerBound) }
    }

    /// The cases of enums whose cases carry no payload (candidates to swap for one another).
    private static func enumCaseGroups(_ tokens: [SwiftTokenizer.Token]) -> [[String]] {
        var groups: [[String]] = []
        var index = 0
        while index < tokens.count {
            guard tokens[index].text == "enum", index + 1 < tokens.count else { index += 1; continue }
            var cursor = index
            while cursor < tokens.count, tokens[cursor].text != "{" { cursor += 1 }
            var depth = 0
            var names: [String] = []
            var payload = false
            var expectName = false
            while cursor < tokens.count {
                let token = tokens[cursor]
                if token.text == "{" { depth += 1 }
                if token.text == "}" { depth -= 1; if depth == 0 { break } }
                if depth == 1 {
                    if token.text == "case" || (token.text == "," && expectName) {
                        expectName = true
                    } else if expectName, token.kind == .identifier {
                        names.append(token.text)
                        expectName = false
                        if cursor + 1 < tokens.count, tokens[cursor + 1].text == "(" { payload = true }
                        if cursor + 1 < tokens.count, tokens[cursor + 1].text == "," { expectName = true }
                    } else if token.text == "func" || token.text == "var" || token.text == "static" {
                        expectName = false
                    }
                }
                cursor += 1
            }
            if !payload, names.count >= 2 { groups.append(names) }
            index = cursor + 1
        }
        return groups
    }

    /// One-line statements that can go: an assignment or a call, not in an initializer.
    private static func statementPoints(_ lines: [String], tokens: [SwiftTokenizer.Token]) -> [Point] {
        var insideInit: Set<Int> = []
        var depth = 0
        var initDepth: Int?
        var pendingInit = false
        for token in tokens {
            if token.text == "init", token.kind == .identifier { pendingInit = true }
            if token.text == "{" {
                depth += 1
                if pendingInit, initDepth == nil { initDepth = depth }
                pendingInit = false
            }
            if initDepth != nil { insideInit.insert(token.line) }
            if token.text == "}" {
                if initDepth == depth { initDepth = nil }
                depth -= 1
            }
        }
        let commentOrString = Set(tokens.filter { $0.kind == .identifier || $0.kind == .number || $0.kind == .operator || $0.kind == .punctuation }.map(\.line))
        var points: [Point] = []
        let statement = #/^(self\.)?[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*(\s*(=|\+=|-=|&\+=|&-=)\s*\S.*|\(.*\))$/#
        for (index, line) in lines.enumerated() where !insideInit.contains(index) && commentOrString.contains(index) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, trimmed.wholeMatch(of: statement) != nil, balanced(trimmed),
                  !trimmed.hasSuffix("{"), !trimmed.hasSuffix(","), !trimmed.contains("//"), !trimmed.contains("\"") else { continue }
            if index + 1 < lines.count {
                let following = lines[index + 1].trimmingCharacters(in: .whitespaces)
                if following.hasPrefix(".") || following.hasPrefix("+") || following.hasPrefix("?") { continue }
            }
            if index > 0 {
                let preceding = lines[index - 1].trimmingCharacters(in: .whitespaces)
                if preceding.hasSuffix(",") || preceding.hasSuffix("(") || preceding.hasSuffix("=") { continue }
            }
            points.append(Point(kind: .statement, mutation: "statement", line: index, columns: 0..<line.utf16.count,
                                replacements: [""]))
        }
        return points
    }

    private static func balanced(_ text: String) -> Bool {
        var depth = 0
        for character in text {
            if "([{".contains(character) { depth += 1 }
            if ")]}".contains(character) { depth -= 1 }
            if depth < 0 { return false }
        }
        return depth == 0
    }
}

/// A small Swift tokenizer: enough to find operators, literals and identifiers outside
/// comments and string literals, with their lines and UTF-16 columns.
enum SwiftTokenizer {
    struct Token {
        enum Kind { case identifier, number, `operator`, punctuation }
        var kind: Kind
        var text: String
        var line: Int
        var columns: Range<Int>
        /// Whitespace on both sides (an infix operator), on the left, on the right.
        var spaced: Bool { leftSpaced && rightSpaced }
        var leftSpaced: Bool
        var rightSpaced: Bool
    }

    static func tokens(_ lines: [String]) -> [Token] {
        var tokens: [Token] = []
        var inBlockComment = false
        var inMultilineString = false
        let operatorCharacters: Set<UInt16> = Set("/=-+!*%<>&|^~?.".utf16)
        for (lineIndex, line) in lines.enumerated() {
            let units = Array(line.utf16)
            var index = 0
            func at(_ offset: Int) -> UInt16? { index + offset < units.count ? units[index + offset] : nil }
            func isSpace(_ unit: UInt16?) -> Bool { unit == nil || unit == 32 || unit == 9 }
            while index < units.count {
                if inBlockComment {
                    if units[index] == 42, at(1) == 47 { inBlockComment = false; index += 2 } else { index += 1 }
                    continue
                }
                if inMultilineString {
                    if units[index] == 34, at(1) == 34, at(2) == 34 { inMultilineString = false; index += 3 } else { index += 1 }
                    continue
                }
                let unit = units[index]
                if unit == 47, at(1) == 47 { break }  // line comment
                if unit == 47, at(1) == 42 { inBlockComment = true; index += 2; continue }
                if unit == 34 {
                    if at(1) == 34, at(2) == 34 { inMultilineString = true; index += 3; continue }
                    index += 1
                    var nesting = 0
                    while index < units.count {
                        if units[index] == 92 {
                            if at(1) == 40 { nesting += 1; index += 2; continue }
                            index += 2
                            continue
                        }
                        if units[index] == 41, nesting > 0 { nesting -= 1; index += 1; continue }
                        if units[index] == 34, nesting == 0 { index += 1; break }
                        index += 1
                    }
                    continue
                }
                if unit == 32 || unit == 9 { index += 1; continue }
                let start = index
                let kind: Token.Kind
                if isLetter(unit) {
                    while index < units.count, isLetter(units[index]) || isDigit(units[index]) { index += 1 }
                    kind = .identifier
                } else if isDigit(unit) {
                    while index < units.count, isDigit(units[index]) || units[index] == 95 { index += 1 }
                    kind = .number
                } else if operatorCharacters.contains(unit) {
                    if unit == 46 {
                        index += 1
                    } else {
                        while index < units.count, operatorCharacters.contains(units[index]), units[index] != 46 { index += 1 }
                    }
                    kind = .operator
                } else {
                    index += 1
                    kind = .punctuation
                }
                let text = String(decoding: units[start..<index], as: UTF16.self)
                tokens.append(Token(kind: kind, text: text, line: lineIndex, columns: start..<index,
                                    leftSpaced: start == 0 || isSpace(units[start - 1]), rightSpaced: isSpace(at(0))))
            }
        }
        return tokens
    }

    private static func isLetter(_ unit: UInt16) -> Bool {
        (65...90).contains(unit) || (97...122).contains(unit) || unit == 95 || unit == 36 || unit == 64 || unit == 35
    }

    private static func isDigit(_ unit: UInt16) -> Bool { (48...57).contains(unit) }
}
