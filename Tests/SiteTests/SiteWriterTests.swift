import Course
import Foundation
import Support
import TestSupport
import Testing
@testable import Site

/// The writer takes files from several threads as pages render, and swaps them in whole.
@Suite struct SiteWriterTests {
    private func contents(of folder: URL) -> [String: String] {
        existingFiles(in: folder).mapValues { (try? String(contentsOf: $0, encoding: .utf8)) ?? "" }
    }

    @Test func filesHandedOverFromManyThreadsAllArrive() throws {
        let folder = TemporaryFolder()
        let output = folder.url.appendingPathComponent("site")
        let writer = try SiteWriter(output: output)
        let failures = Parallel.map(200) { index -> Bool in
            (try? writer.put("part-\(index % 7)/page-\(index).html", Data("page \(index)".utf8))) == nil
        }
        #expect(!failures.contains(true))
        let summary = try writer.commit()
        #expect(summary == SiteWriter.Summary(written: 200, unchanged: 0, removed: 0))
        let files = contents(of: output)
        #expect(files.count == 200)
        #expect(files["part-3/page-10.html"] == "page 10")
    }

    @Test func anAbandonedBuildLeavesThePreviousSiteAndNoStagingFolder() throws {
        let folder = TemporaryFolder()
        let output = folder.url.appendingPathComponent("site")
        let first = try SiteWriter(output: output)
        try first.put("index.html", Data("old".utf8))
        try first.put(SiteWriter.marker, Data())
        _ = try first.commit()

        let second = try SiteWriter(output: output)
        try second.put("index.html", Data("new".utf8))
        try second.put("more/page.html", Data("half-built".utf8))
        second.abandon()
        #expect(contents(of: output)["index.html"] == "old")
        #expect(contents(of: output)["more/page.html"] == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["site"])
    }

    @Test func unchangedFilesAreLinkedFromThePreviousSite() throws {
        let folder = TemporaryFolder()
        let output = folder.url.appendingPathComponent("site")
        let first = try SiteWriter(output: output)
        try first.put(SiteWriter.marker, Data())
        try first.put("same.html", Data("same".utf8))
        try first.put("changed.html", Data("before".utf8))
        _ = try first.commit()
        let sameInode = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("same.html").path)[.systemFileNumber] as? Int

        let second = try SiteWriter(output: output)
        try second.put(SiteWriter.marker, Data())
        try second.put("same.html", Data("same".utf8))
        try second.put("changed.html", Data("after".utf8))
        #expect(try second.commit() == SiteWriter.Summary(written: 1, unchanged: 2, removed: 0))
        #expect(contents(of: output) == [SiteWriter.marker: "", "same.html": "same", "changed.html": "after"])
        #expect(try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("same.html").path)[.systemFileNumber] as? Int == sameInode)
    }
}
