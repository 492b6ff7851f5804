import Glibc

/// The entries of a folder, read with one `readdir` pass: the entry type comes with each
/// name, where FileManager needs a `stat` per entry (and its enumerator also searches and
/// replaces in every path), which on a course of hundreds of pages was most of the time
/// spent listing it. The one place lectern reads `dirent`s: the course walk (`CourseTree`),
/// the site's output listing and the sandbox's POSIX walks all read folders through it.
public enum DirectoryListing {
    /// What an entry is, from its `d_type` (or, where the file system leaves that unknown,
    /// from an `lstat` of the entry). Symbolic links are reported as links, never followed.
    public enum Kind: Equatable, Sendable {
        case file
        case folder
        case link
        /// A FIFO, socket or device.
        case special
        /// The file system gave no type and the entry could not be looked at (it went away).
        case unknown
    }

    /// Calls `body` with the name and kind of each entry of the folder at `path` but `.` and
    /// `..`, in the order `readdir` gives them; false when the folder cannot be opened.
    @discardableResult
    public static func forEachEntry(of path: String, _ body: (_ name: String, _ kind: Kind) -> Void) -> Bool {
        guard let directory = opendir(path) else { return false }
        defer { closedir(directory) }
        read(directory, body)
        return true
    }

    /// As `forEachEntry(of:)`, for the folder open as `descriptor`, from its first entry.
    /// The descriptor stays open: a close-on-exec duplicate of it is read (so a command
    /// spawned by another thread meanwhile never inherits the listing), which shares its
    /// position in the folder.
    @discardableResult
    public static func forEachEntry(ofFolderOpenAs descriptor: CInt, _ body: (_ name: String, _ kind: Kind) -> Void) -> Bool {
        let listing = fcntl(descriptor, F_DUPFD_CLOEXEC, 0)
        guard listing >= 0 else { return false }
        guard let directory = fdopendir(listing) else {
            close(listing)
            return false
        }
        defer { closedir(directory) }
        rewinddir(directory)
        read(directory, body)
        return true
    }

    /// The regular files under `root`, as paths relative to it, in no particular order.
    /// Symbolic links are neither followed nor listed.
    public static func regularFiles(under root: String) -> [String] {
        var result: [String] = []
        var folders = [""]
        while let relative = folders.popLast() {
            forEachEntry(of: relative.isEmpty ? root : root + "/" + relative) { name, kind in
                let path = relative.isEmpty ? name : relative + "/" + name
                switch kind {
                case .folder: folders.append(path)
                case .file: result.append(path)
                case .link, .special, .unknown: break
                }
            }
        }
        return result
    }

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    private static let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type)!

    private static func read(_ directory: OpaquePointer, _ body: (String, Kind) -> Void) {
        while let entry = readdir(directory) {
            // The name and type are read in place: copying `d_name` (or the whole `dirent`, as
            // `entry.pointee` may) reads 256 bytes, but a record is only `d_reclen` long, and the
            // last one of readdir's buffer may end before that, at unmapped memory (a SIGSEGV
            // while listing a full /tmp).
            let record = UnsafeRawPointer(entry)
            let name = String(cString: (record + nameOffset).assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." { continue }
            body(name, kind((record + typeOffset).load(as: UInt8.self), name, in: directory))
        }
    }

    private static func kind(_ type: UInt8, _ name: String, in directory: OpaquePointer) -> Kind {
        switch Int32(type) {
        case Int32(DT_REG): return .file
        case Int32(DT_DIR): return .folder
        case Int32(DT_LNK): return .link
        case Int32(DT_UNKNOWN): break
        default: return .special
        }
        var info = stat()
        guard fstatat(dirfd(directory), name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .unknown }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .special
        }
    }
}
