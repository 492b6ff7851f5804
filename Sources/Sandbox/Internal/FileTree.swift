import Glibc
import Support

/// Small POSIX walks over a host directory tree: never following links, no Foundation (whose
/// enumerator and removeItem cost milliseconds per run on Linux). Folders are read through
/// Support's `DirectoryListing`.
enum FileTree {
    /// The names in directory `path`, without `.` and `..`.
    static func names(in path: String) -> [String] {
        var names: [String] = []
        DirectoryListing.forEachEntry(of: path) { name, _ in names.append(name) }
        return names
    }

    /// Calls `visit` for `path` and, when it is a directory, everything under it, parents
    /// first. `visit` returns false to stop the walk.
    @discardableResult
    static func walk(_ path: String, _ visit: (String, stat) -> Bool) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return true }
        guard visit(path, info) else { return false }
        if info.st_mode & S_IFMT == S_IFDIR {
            for name in names(in: path) where !walk(path + "/" + name, visit) { return false }
        }
        return true
    }

    /// Removes `path` and everything under it, whatever permissions the run left. Each folder
    /// is opened without following links and worked on through its descriptor, so a link
    /// swapped in for a folder while this runs is removed as a link, never followed (a chmod
    /// by path would change the mode of whatever it points to).
    static func remove(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            unlink(path)
            return
        }
        let folder = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if folder >= 0 {
            removeContents(of: folder)
            close(folder)
        }
        rmdir(path)
    }

    /// Empties the folder open as `folder`, depth first.
    private static func removeContents(of folder: CInt) {
        fchmod(folder, 0o700)
        var entries: [String] = []
        DirectoryListing.forEachEntry(ofFolderOpenAs: folder) { name, _ in entries.append(name) }
        for name in entries where unlinkat(folder, name, 0) != 0 {
            let child = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if child >= 0 {
                removeContents(of: child)
                close(child)
            }
            unlinkat(folder, name, AT_REMOVEDIR)
        }
    }
}
