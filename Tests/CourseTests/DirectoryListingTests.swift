import Foundation
import Testing
@testable import Course

/// Listing a built site's files in one readdir pass per folder (`CourseTreeTests` cover the course walk).
@Suite struct DirectoryListingTests {
    @Test func regularFilesAreListedAtEveryDepthWithoutFollowingLinks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-files-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        try "x".write(to: folder.appendingPathComponent("top.html"), atomically: true, encoding: .utf8)
        try "x".write(to: folder.appendingPathComponent("a/b/deep.html"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("a/link.html").path, withDestinationPath: "../top.html")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("linked-folder").path, withDestinationPath: "a")
        #expect(DirectoryListing.regularFiles(under: folder.path).sorted() == ["a/b/deep.html", "top.html"])
    }
}
