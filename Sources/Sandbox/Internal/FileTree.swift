import Glibc

/// Small POSIX walks over a host directory tree: never following links, no Foundation (whose
/// enumerator and removeItem cost milliseconds per run on Linux).
enum FileTree {
    /// The name of a `readdir` entry, read in place: copying `d_name` (or the whole `dirent`)
    /// reads 256 bytes, but a record is only `d_reclen` long, and the last one of readdir's
    /// buffer may end before that, at unmapped memory (a SIGSEGV while listing a full /tmp).
    static func entryName(_ entry: UnsafePointer<dirent>) -> String {
        String(cString: (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self))
    }

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// The names in directory `path`, without `.` and `..`.
    static func names(in path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = entryName(entry)
            if name != "." && name != ".." { names.append(name) }
        }
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
        // Close-on-exec: a run spawned by another thread meanwhile must never inherit it.
        let listing = fcntl(folder, F_DUPFD_CLOEXEC, 0)
        guard listing >= 0 else { return }
        guard let directory = fdopendir(listing) else {
            close(listing)
            return
        }
        var entries: [String] = []
        while let entry = readdir(directory) {
            let name = entryName(entry)
            if name != "." && name != ".." { entries.append(name) }
        }
        closedir(directory)
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
