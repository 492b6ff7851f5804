/// Moodle's question category paths: `$course$/top/Session 4`, a `/` inside a name written `//`.
public enum CategoryPath {
    /// A category name as one path component: `/` doubled, newlines removed.
    public static func escape(_ name: String) -> String {
        name.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "/", with: "//")
    }

    /// The name of the innermost category of a path, without the `$course$`, `$module$`,
    /// `$system$`, `$cat1$` context and `top` prefix Moodle writes; "" for none.
    public static func lastName(_ path: String) -> String {
        names(path).last ?? ""
    }

    /// The category names of a path, outermost first, with the context and `top` dropped.
    public static func names(_ path: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var characters = Array(path.trimmingCharacters(in: .whitespaces))[...]
        while let character = characters.first {
            characters = characters.dropFirst()
            if character == "/" {
                if characters.first == "/" {
                    current.append("/")
                    characters = characters.dropFirst()
                } else {
                    parts.append(current.trimmingCharacters(in: .whitespaces))
                    current = ""
                }
            } else {
                current.append(character)
            }
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        parts = parts.filter { !$0.isEmpty }
        if let first = parts.first, first.hasPrefix("$"), first.hasSuffix("$") { parts.removeFirst() }
        if parts.first == "top" { parts.removeFirst() }
        return parts
    }
}

import Foundation
