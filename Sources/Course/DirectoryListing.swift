import Foundation

/// The entries of a folder, read with one `readdir` pass: the entry type comes with each
/// name, where FileManager needs a `stat` per entry (and its enumerator also searches and
/// replaces in every path), which on a course of hundreds of pages was most of the time
/// spent listing it. `CourseTree` walks a course with it.
public enum DirectoryListing {
    /// The regular files under `root`, as paths relative to it, in no particular order.
    /// Symbolic links are neither followed nor listed.
    public static func regularFiles(under root: String) -> [String] {
        var result: [String] = []
        var folders = [""]
        while let relative = folders.popLast() {
            _ = forEachEntry(of: relative.isEmpty ? root : root + "/" + relative) { name, type in
                let path = relative.isEmpty ? name : relative + "/" + name
                var type = type
                if type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(root + "/" + path, &info) == 0 else { return }
                    let format = info.st_mode & S_IFMT
                    type = format == S_IFDIR ? UInt8(DT_DIR) : format == S_IFREG ? UInt8(DT_REG) : UInt8(DT_LNK)
                }
                if type == UInt8(DT_DIR) {
                    folders.append(path)
                } else if type == UInt8(DT_REG) {
                    result.append(path)
                }
            }
        }
        return result
    }

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// Calls `body` with the name and `d_type` of each entry of `path` but `.` and `..`;
    /// false when the folder cannot be opened.
    static func forEachEntry(of path: String, _ body: (String, UInt8) -> Void) -> Bool {
        guard let directory = opendir(path) else { return false }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            // Read in place: copying `d_name` reads 256 bytes, past a short last record of
            // readdir's buffer (Sandbox's FileTree.entryName says more).
            let name = String(cString: (UnsafeRawPointer(entry) + Self.nameOffset).assumingMemoryBound(to: CChar.self))
            if name != "." && name != ".." { body(name, entry.pointee.d_type) }
        }
        return true
    }
}
