import Foundation
import Support
import TestSupport
@testable import Site

/// Fixture paths and a temporary build of a fixture course.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var course: String { directory.appendingPathComponent("course").path }
    static var folder: String { directory.appendingPathComponent("folder").path }
    /// Options that do not depend on the machine: no highlight.js even where it is installed.
    static func options(output: URL, strict: Bool = false) -> SiteBuildOptions {
        SiteBuildOptions(output: output.path, strict: strict, highlightDirectory: "/nonexistent-highlight")
    }
}

extension TemporaryFolder {
    /// Copies a fixture folder in, so a test may change it.
    func copy(_ source: String, as name: String) throws -> URL {
        let target = url.appendingPathComponent(name)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: source), to: target)
        return target
    }
}

/// A built site: its files as text, by site path.
struct BuiltSite: Sendable {
    let report: SiteBuildReport
    let root: URL
    let files: [String: URL]

    init(course: String, into folder: TemporaryFolder, strict: Bool = false, output: String = "site") {
        root = folder.url.appendingPathComponent(output)
        report = SiteBuilder.build(coursePath: course, options: Fixture.options(output: root, strict: strict))
        files = existingFiles(in: root)
    }

    func text(_ path: String) -> String {
        files[path].flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
    }

    var htmlPages: [String] { files.keys.filter { $0.hasSuffix(".html") }.sorted() }

    /// Every href and src attribute value of a page, in order (not the <base> element's).
    func links(in page: String) -> [String] {
        let html = text(page).replacingOccurrences(of: #"<base href="[^"]*">"#, with: "", options: .regularExpression)
        let pattern = try! NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
            String(html[Range($0.range(at: 1), in: html)!]).replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    /// Every id attribute of a page.
    func ids(in page: String) -> Set<String> {
        let html = text(page)
        let pattern = try! NSRegularExpression(pattern: #"\sid="([^"]*)""#)
        return Set(pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
            String(html[Range($0.range(at: 1), in: html)!])
        })
    }
}

/// Regular files under `folder`, by site path. Symbolic links are not followed, nor listed.
func existingFiles(in folder: URL) -> [String: URL] {
    let base = folder.path.hasSuffix("/") ? String(folder.path.dropLast()) : folder.path
    var result: [String: URL] = [:]
    for relative in DirectoryListing.regularFiles(under: base) {
        result[relative] = URL(fileURLWithPath: base + "/" + relative)
    }
    return result
}
