import Foundation
import Testing
@testable import Course

/// Listing a course folder in one readdir pass.
@Suite struct DirectoryListingTests {
    @Test func listsEntriesByNameWithFoldersAndLinksToFoldersMarked() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-listing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("b-folder"), withIntermediateDirectories: true)
        try "x".write(to: folder.appendingPathComponent("c.md"), atomically: true, encoding: .utf8)
        try "x".write(to: folder.appendingPathComponent("A.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("d-link").path, withDestinationPath: "b-folder")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("e-dangling").path, withDestinationPath: "nowhere")
        #expect(DirectoryListing.entries(of: folder.path) == [
            .init(name: "A.md", isDirectory: false),
            .init(name: "b-folder", isDirectory: true),
            .init(name: "c.md", isDirectory: false),
            .init(name: "d-link", isDirectory: true),
            .init(name: "e-dangling", isDirectory: false),
        ])
    }

    @Test func aFolderThatCannotBeReadGivesNil() {
        #expect(DirectoryListing.entries(of: "/nonexistent-\(UUID().uuidString)") == nil)
    }

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
