import Foundation

/// XML as Python's standard library reads it (`xml.etree.ElementTree`, expat underneath): a
/// parser lectern did not write, which refuses what XML 1.0 forbids (a control character,
/// raw or as a character reference) and applies XML's normalisation of line ends and
/// attribute values, so a test sees what any consumer of the document would.
public enum PythonXML {
    /// One element as parsed.
    public struct Element: Decodable, Sendable {
        public var tag: String
        public var attributes: [String: String]
        /// The text before the first child element.
        public var text: String
        public var children: [Element]

        /// This element and its descendants named `tag`, in document order.
        public func all(_ tag: String) -> [Element] {
            (self.tag == tag ? [self] : []) + children.flatMap { $0.all(tag) }
        }
    }

    /// The parser refused the document; `message` is Python's (expat's) reason, with its line.
    public struct ParseError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    static let script = """
        import json, sys
        import xml.etree.ElementTree as ET
        def tree(e):
            return {"tag": e.tag, "attributes": dict(e.attrib), "text": e.text or "",
                    "children": [tree(c) for c in e]}
        try:
            root = ET.fromstring(sys.stdin.buffer.read())
        except ET.ParseError as error:
            sys.stderr.write(str(error))
            sys.exit(1)
        sys.stdout.write(json.dumps(tree(root)))
        """

    /// Parses `xml` with Debian's own Python (/usr/bin/python3: the first `python3` on PATH
    /// may be another).
    public static func parse(_ xml: String) throws -> Element {
        let result = try LecternProcess.run(executable: URL(fileURLWithPath: "/usr/bin/python3"), ["-c", script], stdin: xml)
        guard result.status == 0 else { throw ParseError(message: result.stderr) }
        return try JSONDecoder().decode(Element.self, from: Data(result.stdout.utf8))
    }
}
