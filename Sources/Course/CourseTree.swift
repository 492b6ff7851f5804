import Foundation
import Support

/// A folder lectern reads course files from (the course folder, an exercise's folder), and
/// the one walk over it that every reader of a course uses: the loader, the site builder,
/// the preview server's watcher.
///
/// Nothing is read through a symbolic link that leads outside the folder: a course cloned
/// from someone else could otherwise publish `/etc/shadow` by linking to it. Links to files
/// and folders inside are followed. A folder is never entered while it is already being
/// walked (told by device and inode, as `find -L` does), so `ln -s . a` cannot make a walk
/// endless; dangling links and loops of links are reported, never read.
public struct CourseTree: Sendable {
    /// The folder, standardized, symbolic links kept: paths below it are the ones authors write.
    public let root: String
    /// The folder with every symbolic link resolved: what "inside" is measured against.
    public let realRoot: String
    /// How warnings name the folder ("the course folder").
    public let noun: String

    public init(root: URL, noun: String = "the course folder") {
        self.root = root.standardizedFileURL.path
        realRoot = (try? Self.realPath(self.root).get()) ?? self.root
        rootIdentity = Self.identity(self.root)
        self.noun = noun
    }

    /// The root folder's device and inode, looked up once.
    private let rootIdentity: Identity?

    // MARK: One path

    /// Where a path leads once its symbolic links are resolved.
    public enum Resolution: Equatable, Sendable {
        /// Inside the folder, at this real path.
        case inside(String)
        /// Outside the folder, at this real path.
        case outside(String)
        /// Nothing there: a missing file or a dangling link.
        case missing
        /// A loop of symbolic links (`a -> b -> a`).
        case loop
    }

    /// Where `path` (absolute, or relative to the root) leads.
    public func resolve(_ path: String) -> Resolution {
        let full = path.hasPrefix("/") ? path : root + "/" + path
        if let real = realBelowRoot(full) {
            return real.isEmpty ? .missing : .inside(real)
        }
        switch Self.realPath(full) {
        case .success(let real): return contains(real) ? .inside(real) : .outside(real)
        case .failure(let error): return error.code == .ELOOP ? .loop : .missing
        }
    }

    /// The real path of `full` when it is below the root and none of its parts after the root
    /// is a link, `.` or `..` (so it is inside); "" when a part is missing; nil when a part is
    /// a link or a dot, for `realpath` to decide. The root's own parts are resolved once, in
    /// `init`, where `realpath` would look at every one of them again on every call.
    private func realBelowRoot(_ full: String) -> String? {
        guard full.utf8.starts(with: root.utf8),
              full.utf8.dropFirst(root.utf8.count).first == UInt8(ascii: "/") || full.utf8.count == root.utf8.count else {
            return nil
        }
        var real = realRoot == "/" ? "" : realRoot
        for part in full.utf8.dropFirst(root.utf8.count).split(separator: UInt8(ascii: "/")) {
            let name = String(decoding: part, as: UTF8.self)
            if name == "." || name == ".." { return nil }
            real += "/" + name
            var info = stat()
            guard lstat(real, &info) == 0 else { return "" }
            if info.st_mode & S_IFMT == S_IFLNK { return nil }
        }
        return real.isEmpty ? "/" : real
    }

    /// Whether a real path is the root or below it.
    func contains(_ real: String) -> Bool {
        realRoot == "/" || real == realRoot
            || (real.utf8.starts(with: realRoot.utf8) && real.utf8.dropFirst(realRoot.utf8.count).first == UInt8(ascii: "/"))
    }

    // MARK: The walk

    /// One entry of a folder as the walk gives it.
    public struct Entry: Equatable, Sendable {
        public enum Kind: Equatable, Sendable {
            /// A file that may be read (a regular file, or a link to one inside the folder).
            case file
            /// A folder that may be entered (a real one, or a link to one inside).
            case folder
            /// Something the walk does not read or enter, and why.
            case refused(Refusal)
        }

        public var name: String
        /// The path from the root, as named (through links, not their targets): `a/b.md`.
        public var path: String
        public var kind: Kind
        /// Whether the entry itself is a symbolic link.
        public var isLink: Bool
        /// The folder's device and inode, for the walk's cycle check.
        var identity: Identity?
    }

    /// Why an entry is not read.
    public enum Refusal: Equatable, Sendable {
        /// A link leading outside the folder, to this real path.
        case outside(String, isFolder: Bool)
        /// A link to nothing; the text of the link.
        case dangling(String)
        /// A loop of links (`a -> b -> a`).
        case loop
        /// A folder that is one of the folders it sits in (`ln -s . a`): entering it would
        /// repeat the walk without end. The path of that folder from the root ("" for the root).
        case cycle(String)
        /// Neither a regular file nor a folder (a FIFO, socket or device): reading it could block.
        case special

        /// Whether it is a link to nothing.
        public var isDangling: Bool {
            if case .dangling = self { return true }
            return false
        }

        /// Whether it stands where a folder would: links to folders, cycles.
        public var isFolder: Bool {
            switch self {
            case .outside(_, let isFolder): return isFolder
            case .cycle: return true
            case .dangling, .loop, .special: return false
            }
        }
    }

    /// Walks depth first from the folder `start` (a path from the root; "" is the root).
    /// `visit` gets each folder's path and its entries sorted by name (without `.` and `..`)
    /// and returns the ones to enter next, in order; only `.folder` entries are entered.
    /// Every folder of `start`'s own path counts as being walked, for the cycle check.
    /// A `start` that leads outside the root is not walked.
    public func walk(from start: String = "", _ visit: (_ folder: String, _ entries: [Entry]) -> [Entry]) {
        guard case .inside = resolve(start.isEmpty ? root : start) else { return }
        var ancestors: [Identity: String] = [:]
        if let rootIdentity { ancestors[rootIdentity] = "" }
        var prefix = ""
        for part in start.split(separator: "/").map(String.init) {
            prefix = prefix.isEmpty ? part : prefix + "/" + part
            if let identity = Self.identity(absolute(prefix)), ancestors[identity] == nil { ancestors[identity] = prefix }
        }
        walk(start, ancestors: &ancestors, visit)
    }

    private func walk(_ folder: String, ancestors: inout [Identity: String], _ visit: (String, [Entry]) -> [Entry]) {
        var entries: [Entry] = []
        DirectoryListing.forEachEntry(of: absolute(folder)) { name, kind in
            entries.append(entry(name, kind: kind, in: folder, ancestors: ancestors))
        }
        entries.sort { $0.name < $1.name }
        for next in visit(folder, entries) {
            guard next.kind == .folder, let identity = next.identity, ancestors[identity] == nil else { continue }
            ancestors[identity] = next.path
            walk(next.path, ancestors: &ancestors, visit)
            ancestors[identity] = nil
        }
    }

    /// Classifies one entry: its own kind when it is plain, its target when it is a link.
    private func entry(_ name: String, kind: DirectoryListing.Kind, in folder: String, ancestors: [Identity: String]) -> Entry {
        let path = folder.isEmpty ? name : folder + "/" + name
        let full = absolute(path)
        func folderEntry(isLink: Bool) -> Entry {
            guard let identity = Self.identity(full) else {
                return Entry(name: name, path: path, kind: .refused(.dangling("")), isLink: isLink)
            }
            if let ancestor = ancestors[identity] {
                return Entry(name: name, path: path, kind: .refused(.cycle(ancestor)), isLink: isLink)
            }
            return Entry(name: name, path: path, kind: .folder, isLink: isLink, identity: identity)
        }
        switch kind {
        case .file: return Entry(name: name, path: path, kind: .file, isLink: false)
        case .folder: return folderEntry(isLink: false)
        case .link: break
        case .special: return Entry(name: name, path: path, kind: .refused(.special), isLink: false)
        case .unknown: return Entry(name: name, path: path, kind: .refused(.dangling("")), isLink: false)
        }
        switch resolve(full) {
        case .missing:
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? ""
            return Entry(name: name, path: path, kind: .refused(.dangling(target)), isLink: true)
        case .loop:
            return Entry(name: name, path: path, kind: .refused(.loop), isLink: true)
        case .outside(let real):
            var info = stat()
            let isFolder = stat(real, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
            return Entry(name: name, path: path, kind: .refused(.outside(real, isFolder: isFolder)), isLink: true)
        case .inside(let real):
            var info = stat()
            guard stat(real, &info) == 0 else { return Entry(name: name, path: path, kind: .refused(.dangling("")), isLink: true) }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return folderEntry(isLink: true)
            case S_IFREG: return Entry(name: name, path: path, kind: .file, isLink: true)
            default: return Entry(name: name, path: path, kind: .refused(.special), isLink: true)
            }
        }
    }

    // MARK: Diagnostics

    /// The diagnostic for a refused entry, naming it as `displayRoot` joined with its path.
    public func diagnostic(_ severity: Severity, for entry: Entry, displayRoot: String) -> Diagnostic? {
        guard case .refused(let refusal) = entry.kind else { return nil }
        return Diagnostic(severity, join(displayRoot, entry.path), "not read: " + describe(refusal))
    }

    /// Why a path is not read, for a diagnostic: "a symbolic link to /etc, outside the course folder".
    public func describe(_ refusal: Refusal) -> String {
        switch refusal {
        case .outside(let real, _):
            return "a symbolic link to \(real), outside \(noun)"
        case .dangling(let target):
            return target.isEmpty ? "a dangling symbolic link" : "a dangling symbolic link (to '\(target)', which does not exist)"
        case .loop:
            return "a loop of symbolic links"
        case .cycle(let ancestor):
            return "a symbolic link cycle: it leads back to \(ancestor.isEmpty ? noun : ancestor), which holds it"
        case .special:
            return "not a regular file or folder"
        }
    }

    // MARK: File system

    /// A folder's device and inode.
    struct Identity: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
    }

    private func absolute(_ path: String) -> String {
        path.isEmpty ? root : path.hasPrefix("/") ? path : root + "/" + path
    }

    /// The device and inode of the folder at `path` (links followed); nil when it is none.
    private static func identity(_ path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// `realpath(3)`: the path with every link, `.` and `..` resolved.
    static func realPath(_ path: String) -> Result<String, POSIXError> {
        guard let resolved = realpath(path, nil) else {
            return .failure(POSIXError(POSIXErrorCode(rawValue: errno) ?? .ENOENT))
        }
        defer { free(resolved) }
        return .success(String(cString: resolved))
    }
}
