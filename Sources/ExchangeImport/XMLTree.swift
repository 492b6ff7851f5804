import Exchange
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element with the line it starts on: enough of a DOM to read Moodle XML and
/// the HTML Lectern writes, with libxml2 (Foundation's XMLParser) doing the parsing.
final class ParsedElement: @unchecked Sendable {
    let name: String
    let attributes: [String: String]
    let line: Int
    fileprivate(set) var children: [XMLNodeItem] = []

    init(name: String, attributes: [String: String], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    /// Child elements named `name`.
    func elements(_ name: String) -> [ParsedElement] {
        children.compactMap { if case .element(let element) = $0, element.name == name { return element } else { return nil } }
    }

    func element(_ name: String) -> ParsedElement? { elements(name).first }

    /// Every child element.
    var elementChildren: [ParsedElement] {
        children.compactMap { if case .element(let element) = $0 { return element } else { return nil } }
    }

    /// The text of the element and its descendants.
    var text: String {
        children.map { child in
            switch child {
            case .text(let text): return text
            case .element(let element): return element.text
            }
        }.joined()
    }
}

/// A child of an element: text or another element.
enum XMLNodeItem {
    case text(String)
    case element(ParsedElement)
}

/// Why a document could not be read: libxml2's message and line.
struct XMLProblem: Error {
    var line: Int
    var message: String
}

enum XMLTree {
    /// Parses `data`; the root element, or where and why it is not well-formed.
    static func parse(_ data: Data) -> Result<ParsedElement, XMLProblem> {
        let parser = XMLParser(data: data)
        let builder = Builder(parser: parser)
        parser.delegate = builder
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        if parser.parse(), let root = builder.root {
            return .success(root)
        }
        let code = (parser.parserError as NSError?)?.code
        let message = code.flatMap { XMLParser.ErrorCode(rawValue: $0) }.map { "libxml2: \($0)" }
            ?? builder.failure ?? "not well-formed XML"
        return .failure(XMLProblem(line: max(parser.lineNumber, 1), message: message))
    }

    private final class Builder: NSObject, XMLParserDelegate {
        unowned let parser: XMLParser
        var stack: [ParsedElement] = []
        var root: ParsedElement?
        var failure: String?

        init(parser: XMLParser) {
            self.parser = parser
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let element = ParsedElement(name: elementName, attributes: attributes, line: parser.lineNumber)
            if let parent = stack.last { parent.children.append(.element(element)) } else { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            append(string)
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            append(String(decoding: CDATABlock, as: UTF8.self))
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if failure == nil { failure = (parseError as NSError).localizedDescription }
        }

        private func append(_ text: String) {
            guard let current = stack.last else { return }
            if case .text(let previous)? = current.children.last {
                current.children[current.children.count - 1] = .text(previous + text)
            } else {
                current.children.append(.text(text))
            }
        }
    }
}
