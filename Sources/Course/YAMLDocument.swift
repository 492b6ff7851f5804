import Foundation
import Yams

/// A YAML file parsed into Yams nodes that keep their positions, so schema errors can name
/// the line and column of the offending value.
struct YAMLDocument {
    let path: String
    /// Lines of the file that precede this YAML (front matter starts at line 2).
    let lineOffset: Int
    let root: Node?

    /// Parses `text`; a syntax error becomes a diagnostic and the document is nil.
    static func parse(_ text: String, path: String, lineOffset: Int = 0, diagnostics: inout [Diagnostic]) -> YAMLDocument? {
        do {
            return YAMLDocument(path: path, lineOffset: lineOffset, root: try Yams.compose(yaml: text))
        } catch let error as YamlError {
            diagnostics.append(syntaxDiagnostic(error, path: path, lineOffset: lineOffset))
            return nil
        } catch {
            diagnostics.append(.error(path, (lineOffset + 1, 1), "YAML error: \(error)"))
            return nil
        }
    }

    private static func syntaxDiagnostic(_ error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return .error(path, (mark.line + lineOffset, mark.column), "YAML syntax error: \(detail)")
        case .reader(let problem, _, _, _):
            return .error(path, (lineOffset + 1, 1), "YAML syntax error: \(problem)")
        default:
            return .error(path, (lineOffset + 1, 1), "YAML error: \(error)")
        }
    }

    func position(of node: Node?) -> (line: Int, column: Int) {
        guard let mark = node?.mark else { return (lineOffset + 1, 1) }
        return (mark.line + lineOffset, mark.column)
    }

    /// The top-level mapping, or a diagnostic when the document is something else.
    func mapping(diagnostics: inout [Diagnostic]) -> Node.Mapping? {
        guard let root else { return Node.Mapping([]) }
        guard case .mapping(let mapping) = root else {
            diagnostics.append(.error(path, position(of: root), "expected a mapping of keys to values at the top level"))
            return nil
        }
        return mapping
    }

    func string(_ mapping: Node.Mapping, _ key: String, diagnostics: inout [Diagnostic]) -> String? {
        guard let node = mapping[key] else { return nil }
        guard case .scalar(let scalar) = node else {
            diagnostics.append(.error(path, position(of: node), "'\(key)' must be text"))
            return nil
        }
        return scalar.string
    }

    func int(_ mapping: Node.Mapping, _ key: String, diagnostics: inout [Diagnostic]) -> Int? {
        guard let node = mapping[key] else { return nil }
        guard let value = node.int else {
            diagnostics.append(.error(path, position(of: node), "'\(key)' must be a whole number"))
            return nil
        }
        return value
    }

    func bool(_ mapping: Node.Mapping, _ key: String, diagnostics: inout [Diagnostic]) -> Bool? {
        guard let node = mapping[key] else { return nil }
        guard let value = node.bool else {
            diagnostics.append(.error(path, position(of: node), "'\(key)' must be true or false"))
            return nil
        }
        return value
    }

    func number(_ mapping: Node.Mapping, _ key: String, diagnostics: inout [Diagnostic]) -> Double? {
        guard let node = mapping[key] else { return nil }
        guard let value = node.float ?? node.int.map(Double.init), value.isFinite else {
            diagnostics.append(.error(path, position(of: node), "'\(key)' must be a number"))
            return nil
        }
        return value
    }

    func strings(_ mapping: Node.Mapping, _ key: String, diagnostics: inout [Diagnostic]) -> [String]? {
        guard let node = mapping[key] else { return nil }
        guard case .sequence(let sequence) = node else {
            diagnostics.append(.error(path, position(of: node), "'\(key)' must be a list"))
            return nil
        }
        var result: [String] = []
        for item in sequence {
            guard case .scalar(let scalar) = item else {
                diagnostics.append(.error(path, position(of: item), "each entry of '\(key)' must be text"))
                return nil
            }
            result.append(scalar.string)
        }
        return result
    }

    /// Flat string values of a mapping (for front matter passed through to templates).
    func flatStrings(_ mapping: Node.Mapping) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in mapping {
            if case .scalar(let k) = key, case .scalar(let v) = value { result[k.string] = v.string }
        }
        return result
    }
}

extension YAMLDocument {
    /// Makes what the first YAML parse of a process would make first (Yams' default resolver
    /// compiles seven regular expressions, about 1.5 ms) on a thread of its own. Started as a
    /// command starts, it runs while the arguments are parsed, off the path of the command
    /// that then reads course.yml or mkdocs.yml; a command that reads no YAML loses nothing.
    static func prepareInBackground() {
        Thread {
            _ = Resolver.default
            _ = Constructor.default
        }.start()
    }
}
