import Foundation
import Testing

/// The default theme's colour pairs pass WCAG AA (4.5:1 for text, 3:1 for the focus ring)
/// in both the light and the dark scheme, code highlighting included.
@Suite struct ThemeContrastTests {
    static let css = (try? String(contentsOf: Fixture.repository.appendingPathComponent("site/assets/site.css"), encoding: .utf8)) ?? ""

    /// `--name: #rrggbb;` declarations of the first `:root…{` block after `marker`.
    static func palette(after marker: String) -> [String: String] {
        guard let start = css.range(of: marker), let root = css.range(of: ":root", range: start.upperBound..<css.endIndex),
              let open = css.range(of: "{", range: root.upperBound..<css.endIndex),
              let close = css.range(of: "}", range: open.upperBound..<css.endIndex) else { return [:] }
        let block = String(css[open.upperBound..<close.lowerBound])
        let pattern = try! NSRegularExpression(pattern: #"--([a-z-]+):\s*(#[0-9a-fA-F]{6})"#)
        var result: [String: String] = [:]
        for match in pattern.matches(in: block, range: NSRange(block.startIndex..., in: block)) {
            result[String(block[Range(match.range(at: 1), in: block)!])] = String(block[Range(match.range(at: 2), in: block)!])
        }
        return result
    }

    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16)!
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { Double($0) / 255 }
        let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    static let textPairs = [("text", "bg"), ("text", "bg-soft"), ("muted", "bg"), ("muted", "bg-soft"), ("link", "bg"),
                            ("link", "bg-soft"), ("link-visited", "bg"), ("good", "good-bg"), ("bad", "bad-bg"),
                            ("accent-text", "accent"), ("accent", "bg"), ("text", "code-bg"), ("text", "mark-bg"),
                            ("muted", "mark-bg"), ("link", "mark-bg"),
                            ("hl-keyword", "code-bg"), ("hl-string", "code-bg"), ("hl-comment", "code-bg"), ("hl-number", "code-bg"),
                            ("hl-title", "code-bg"), ("hl-built-in", "code-bg"), ("hl-tag", "code-bg"), ("hl-deletion", "code-bg"),
                            ("hl-keyword", "bg"), ("hl-comment", "bg")]

    static let schemes = ["/* Lectern default theme", "@media (prefers-color-scheme: dark)", "/* The same dark palette, chosen by the reader"]

    @Test(arguments: schemes)
    func textColoursPassAA(_ scheme: String) {
        let colours = Self.palette(after: scheme)
        #expect(colours.count >= 24)
        for (foreground, background) in Self.textPairs {
            guard let fg = colours[foreground], let bg = colours[background] else {
                Issue.record("\(foreground) or \(background) is missing")
                continue
            }
            #expect(Self.contrast(fg, bg) >= 4.5, "\(foreground) on \(background): \(Self.contrast(fg, bg))")
        }
    }

    @Test(arguments: schemes)
    func theFocusRingStandsOut(_ scheme: String) {
        let colours = Self.palette(after: scheme)
        #expect(Self.contrast(colours["focus"] ?? "#ffffff", colours["bg"] ?? "#ffffff") >= 3)
    }

    @Test func theDarkSchemeIsTheSameWhetherTheSystemOrTheReaderChoosesIt() {
        #expect(Self.palette(after: Self.schemes[1]) == Self.palette(after: Self.schemes[2]))
        #expect(Self.palette(after: Self.schemes[1]) != Self.palette(after: Self.schemes[0]))
    }
}
