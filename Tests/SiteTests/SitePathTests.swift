import Testing
@testable import Site

@Suite struct SitePathTests {
    struct Case: Sendable, CustomStringConvertible {
        let input: String
        let expected: String
        var description: String { input }
    }

    @Test(arguments: [
        Case(input: "lesson.md", expected: "lesson.html"),
        Case(input: "04-deploy/quiz.md", expected: "04-deploy/quiz.html"),
        Case(input: "guide/README.md", expected: "guide/index.html"),
        Case(input: "guide/index.md", expected: "guide/index.html"),
        Case(input: "notes.markdown", expected: "notes.html"),
    ])
    func markdownSourcesMapToHTMLPages(_ example: Case) {
        #expect(SitePath.html(forSource: example.input) == example.expected)
    }

    @Test func relativeLinksClimbOutOfTheCurrentFolder() {
        #expect(SitePath.relative(from: "a/b/page.html", to: "a/c/other.html") == "../c/other.html")
        #expect(SitePath.relative(from: "a/page.html", to: "a/other.html") == "other.html")
        #expect(SitePath.relative(from: "index.html", to: "a/b.html") == "a/b.html")
        #expect(SitePath.relative(from: "a/b/page.html", to: "index.html") == "../../index.html")
    }

    @Test func theByteWiseRelativeLinkAgreesWithThePartWiseOneOnEveryShortPath() {
        // Every path of up to three parts over names that share prefixes with each other.
        let names = ["a", "ab", "b", "a.html", "index.html"]
        var paths = names
        for _ in 0..<2 { paths += paths.flatMap { path in names.map { path + "/" + $0 } } }
        paths = Array(Set(paths)).sorted()
        for from in paths {
            for to in paths {
                #expect(SitePath.relative(from: from, to: to) == SitePath.componentwiseRelative(from: from, to: to), "\(from) → \(to)")
            }
        }
    }

    @Test(arguments: [
        Case(input: "lesson.html", expected: "lesson.html"),
        Case(input: "../a-b_c~d/(1)!$*+,;=@.html", expected: "../a-b_c~d/(1)!$*+,;=@.html"),
        Case(input: "javascript:alert(1).html", expected: "./javascript%3Aalert(1).html"),
        Case(input: "javascript:x/index.html", expected: "./javascript%3Ax/index.html"),
        Case(input: "../javascript:x.html", expected: "../javascript%3Ax.html"),
        Case(input: "hash#tag.html", expected: "hash%23tag.html"),
        Case(input: "what?.html", expected: "what%3F.html"),
        Case(input: "100%.html", expected: "100%25.html"),
        Case(input: "say \"hi\" <b> & 'q'.html", expected: "say%20%22hi%22%20%3Cb%3E%20%26%20%27q%27.html"),
        Case(input: "ü.html", expected: "%C3%BC.html"),
    ])
    func linksArePathsThatCannotBeReadAsAnythingElse(_ example: Case) {
        #expect(SitePath.reference(example.input) == example.expected)
    }

    @Test func relativeLinksAreReferences() {
        #expect(SitePath.relative(from: "index.html", to: "javascript:alert(1).html") == "./javascript%3Aalert(1).html")
        #expect(SitePath.relative(from: "a b/page.html", to: "a b/c#d.html") == "c%23d.html")
        #expect(SitePath.relative(from: "x/page.html", to: "a b/c.html") == "../a%20b/c.html")
    }

    @Test func rootPrefixCountsFolders() {
        #expect(SitePath.root(from: "index.html") == "")
        #expect(SitePath.root(from: "exercises/greeter/index.html") == "../../")
    }

    @Test func resolveFoldsDotsAndRefusesToClimbAboveTheRoot() {
        #expect(SitePath.resolve("../b/two.md", against: "a/one.md") == "b/two.md")
        #expect(SitePath.resolve("./x.md", against: "a/one.md") == "a/x.md")
        #expect(SitePath.resolve("../../x.md", against: "a/one.md") == nil)
    }
}
