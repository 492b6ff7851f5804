import Glibc

/// Small POSIX walks over a host directory tree: never following links, no Foundation (whose
/// enumerator and removeItem cost milliseconds per run on Linux).
enum FileTree {
    /// The names in directory `path`, without `.` and `..`.
    static func names(in path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
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

    /// Removes `path` and everything under it, whatever permissions the run left.
    static func remove(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR {
            chmod(path, 0o700)
            for name in names(in: path) { remove(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
