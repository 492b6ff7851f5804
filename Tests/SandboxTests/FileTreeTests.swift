import Foundation
import Glibc
import TestSupport
import Testing
@testable import Sandbox

/// The sandbox's POSIX walks over the host folders it stages and removes, read through
/// Support's `DirectoryListing` (whose own tests cover the readdir loop).
@Suite struct FileTreeTests {
    static func file(_ path: String) throws {
        try Data("x".utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func theWalkVisitsParentsFirstAndNeverEntersALink() throws {
        let base = TemporaryFolder(prefix: "lectern-filetree")
        let outside = TemporaryFolder(prefix: "lectern-filetree-outside")
        try Self.file(outside.path + "/secret")
        try FileManager.default.createDirectory(atPath: base.path + "/a/b", withIntermediateDirectories: true)
        try Self.file(base.path + "/a/b/file")
        #expect(symlink(outside.path, base.path + "/a/out") == 0)
        var visited: [String] = []
        FileTree.walk(base.path) { path, _ in
            visited.append(String(path.dropFirst(base.path.count)))
            return true
        }
        #expect(Set(visited) == ["", "/a", "/a/b", "/a/b/file", "/a/out"])
        #expect(visited.firstIndex(of: "/a")! < visited.firstIndex(of: "/a/b")!)
        #expect(visited.firstIndex(of: "/a/b")! < visited.firstIndex(of: "/a/b/file")!)
    }

    /// Folders of hundreds of long names, some the run left unreadable or read-only: all of it
    /// goes, and a link out of the tree is removed as a link.
    @Test func removingATreeEmptiesEveryFolderWhateverItsMode() throws {
        let base = TemporaryFolder(prefix: "lectern-filetree")
        let outside = TemporaryFolder(prefix: "lectern-filetree-outside")
        try Self.file(outside.path + "/keep")
        let root = base.path + "/run"
        for folder in ["locked", "unreadable", "plain/deeper"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            for index in 0..<300 {
                try Self.file(root + "/" + folder + "/" + String(repeating: "n", count: 240) + "\(index)")
            }
        }
        #expect(symlink(outside.path, root + "/plain/out") == 0)
        chmod(root + "/locked", 0o500)
        chmod(root + "/unreadable", 0o000)
        FileTree.remove(root)
        var info = stat()
        #expect(lstat(root, &info) != 0)
        #expect(FileManager.default.fileExists(atPath: outside.path + "/keep"))
    }
}
