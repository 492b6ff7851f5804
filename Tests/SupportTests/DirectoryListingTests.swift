import Foundation
import Glibc
import Support
import TestSupport
import Testing

/// The one readdir loop (the course walk, the site's output listing and the sandbox's walks
/// read folders through it), and the recursive listing of a built site's files.
@Suite struct DirectoryListingTests {
    /// Every entry `forEachEntry(of:)` gives for `path`, by name.
    static func entries(of path: String) -> [String: DirectoryListing.Kind] {
        var seen: [String: DirectoryListing.Kind] = [:]
        DirectoryListing.forEachEntry(of: path) { name, kind in
            #expect(seen[name] == nil, "\(name) given twice")
            seen[name] = kind
        }
        return seen
    }

    static func touch(_ path: String) {
        let descriptor = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0o644)
        #expect(descriptor >= 0, "cannot create \(path)")
        close(descriptor)
    }

    @Test func regularFilesAreListedAtEveryDepthWithoutFollowingLinks() throws {
        let folder = TemporaryFolder(prefix: "lectern-files")
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        try "x".write(to: folder.url.appendingPathComponent("top.html"), atomically: true, encoding: .utf8)
        try "x".write(to: folder.url.appendingPathComponent("a/b/deep.html"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("a/link.html").path, withDestinationPath: "../top.html")
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("linked-folder").path, withDestinationPath: "a")
        #expect(DirectoryListing.regularFiles(under: folder.path).sorted() == ["a/b/deep.html", "top.html"])
    }

    @Test func eachEntryComesWithItsKindAndLinksAreNotFollowed() throws {
        let folder = TemporaryFolder(prefix: "lectern-kinds")
        Self.touch(folder.path + "/file")
        #expect(mkdir(folder.path + "/folder", 0o755) == 0)
        #expect(symlink("file", folder.path + "/link-to-file") == 0)
        #expect(symlink("folder", folder.path + "/link-to-folder") == 0)
        #expect(symlink("nowhere", folder.path + "/dangling") == 0)
        #expect(mkfifo(folder.path + "/fifo", 0o644) == 0)
        #expect(Self.entries(of: folder.path) == [
            "file": .file, "folder": .folder, "link-to-file": .link, "link-to-folder": .link,
            "dangling": .link, "fifo": .special,
        ])
    }

    /// Names of every length up to NAME_MAX, among thousands of short ones: readdir's buffer
    /// fills many times and ends on records of every size, and each name must come back
    /// whole (copying `d_name` read 256 bytes past a short last record).
    @Test func everyNameOfAFolderOfManyEntriesComesBackWholeOnce() throws {
        let folder = TemporaryFolder(prefix: "lectern-many")
        var expected: [String: DirectoryListing.Kind] = [:]
        for length in 1...255 {
            let name = String(repeating: "é", count: length / 2) + String(repeating: "n", count: length % 2)
            Self.touch(folder.path + "/" + name)
            expected[name] = .file
        }
        for index in 0..<3000 {
            Self.touch(folder.path + "/f\(index)")
            expected["f\(index)"] = .file
        }
        let actual = Self.entries(of: folder.path)
        #expect(actual.count == expected.count)
        #expect(actual == expected)
        #expect(actual.keys.contains { $0.utf8.count == 255 })
    }

    @Test func aFolderThatCannotBeOpenedIsReportedAndGivesNothing() {
        let folder = TemporaryFolder(prefix: "lectern-missing")
        var called = false
        #expect(!DirectoryListing.forEachEntry(of: folder.path + "/missing") { _, _ in called = true })
        Self.touch(folder.path + "/file")
        #expect(!DirectoryListing.forEachEntry(of: folder.path + "/file") { _, _ in called = true })
        #expect(!called)
    }

    @Test func aFolderOpenAsADescriptorIsReadFromItsFirstEntryAndStaysOpen() throws {
        let folder = TemporaryFolder(prefix: "lectern-descriptor")
        Self.touch(folder.path + "/file")
        #expect(mkdir(folder.path + "/folder", 0o755) == 0)
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        for _ in 0..<2 {
            var seen: [String: DirectoryListing.Kind] = [:]
            #expect(DirectoryListing.forEachEntry(ofFolderOpenAs: descriptor) { name, kind in seen[name] = kind })
            #expect(seen == ["file": .file, "folder": .folder])
        }
        #expect(fcntl(descriptor, F_GETFD) == FD_CLOEXEC)
    }
}
