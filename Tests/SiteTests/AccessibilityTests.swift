import Foundation
import TestSupport
import Testing
@testable import Site

/// Every page of the fixture courses and of the bundled course has one h1, the landmarks
/// and a language, and every form control and image has its text alternative.
@Suite struct AccessibilityTests {
    static let courses = [Fixture.course, Fixture.folder, Fixture.repository.appendingPathComponent("content").path]

    private func count(_ pattern: String, in text: String) -> Int {
        (try! NSRegularExpression(pattern: pattern)).numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
    }

    @Test(arguments: courses)
    func everyPageHasOneH1AndTheLandmarks(_ course: String) {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: course, into: folder)
        #expect(!site.htmlPages.isEmpty)
        for page in site.htmlPages {
            let html = site.text(page)
            #expect(count(#"<h1[\s>]"#, in: html) == 1, "\(page)")
            #expect(html.contains(#"<html lang="en">"#), "\(page)")
            for landmark in [#"<header class="site-header">"#, #"<nav id="sidebar" class="sidebar" aria-label="Course">"#,
                             #"<main id="main""#, #"<footer class="site-footer">"#, #"role="search""#] {
                #expect(html.contains(landmark), "\(page) lacks \(landmark)")
            }
        }
    }

    @Test(arguments: courses)
    func everyRadioHasALabelAndEveryImageAnAlt(_ course: String) {
        let folder = TemporaryFolder()
        let site = BuiltSite(course: course, into: folder)
        for page in site.htmlPages {
            let html = site.text(page)
            let radios = try! NSRegularExpression(pattern: #"<input type="radio"[^>]* id="([^"]+)""#)
            for match in radios.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let id = String(html[Range(match.range(at: 1), in: html)!])
                #expect(html.contains(#"<label for="\#(id)">"#), "\(page): radio \(id) has no label")
            }
            #expect(count(#"<img(?![^>]*\salt=)[^>]*>"#, in: html) == 0, "\(page): an image without alt")
        }
    }
}
