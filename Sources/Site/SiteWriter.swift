import Foundation

/// Writes a built site to its output folder all at once, or not at all.
///
/// The new site is assembled in a temporary folder beside the output and swapped in at the
/// end by two renames, so an interrupted or failed build leaves the previous site as it was.
/// A file whose bytes did not change is hard-linked from the previous site rather than
/// written, and when nothing changed at all the output is not touched: a second build with
/// no change rewrites nothing (timestamps stay, file watchers stay quiet).
public enum SiteWriter {
    /// The file marking a folder as a site lectern built, so lectern never replaces anything else.
    public static let marker = ".lectern-site"

    /// What a write did.
    public struct Summary: Sendable, Equatable {
        public var written: Int
        public var unchanged: Int
        public var removed: Int
    }

    /// An output folder lectern refuses to replace, or an I/O failure.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes `files` (site path → bytes) as the whole content of `output`.
    public static func write(_ files: [String: Data], to output: URL) throws -> Summary {
        let fileManager = FileManager.default
        let output = output.standardizedFileURL
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory)
        if exists {
            guard isDirectory.boolValue else { throw Failure(description: "\(output.path) exists and is not a folder") }
            let contents = try fileManager.contentsOfDirectory(atPath: output.path)
            if !contents.isEmpty && !contents.contains(marker) {
                throw Failure(description: "refusing to replace \(output.path): it is not empty and is not a site lectern built (no \(marker) file); choose another --output")
            }
        }
        let parent = output.deletingLastPathComponent()
        removeLeftovers(of: output)

        let previous = exists ? existingFiles(in: output) : [:]
        var unchanged = Set<String>()
        for (path, data) in files {
            if let old = previous[path], (try? Data(contentsOf: old, options: .mappedIfSafe)) == data { unchanged.insert(path) }
        }
        let removed = previous.keys.filter { files[$0] == nil }.count
        if exists && unchanged.count == files.count && removed == 0 {
            return Summary(written: 0, unchanged: unchanged.count, removed: 0)
        }

        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: staging)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            var made = Set<String>()
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                let target = staging.appendingPathComponent(path)
                let folder = (path as NSString).deletingLastPathComponent
                if !folder.isEmpty, !made.contains(folder) {
                    try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                    made.insert(folder)
                }
                if unchanged.contains(path), let old = previous[path], link(old.path, target.path) == 0 { continue }
                try writeFile(data, to: target.path)
            }
            if exists {
                let retired = parent.appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
                try? fileManager.removeItem(at: retired)
                try fileManager.moveItem(at: output, to: retired)
                do {
                    try fileManager.moveItem(at: staging, to: output)
                } catch {
                    try? fileManager.moveItem(at: retired, to: output)
                    throw error
                }
                try? fileManager.removeItem(at: retired)
            } else {
                try fileManager.moveItem(at: staging, to: output)
            }
        } catch let failure as Failure {
            try? fileManager.removeItem(at: staging)
            throw failure
        } catch {
            try? fileManager.removeItem(at: staging)
            throw Failure(description: "cannot write the site to \(output.path): \(error.localizedDescription)")
        }
        return Summary(written: files.count - unchanged.count, unchanged: unchanged.count, removed: removed)
    }

    /// Writes a file with plain POSIX calls: no fsync per file (the swap-in is what makes the
    /// site appear whole), which keeps a 300-page build fast.
    static func writeFile(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }

    /// Regular files under `folder`, by site path. Symbolic links are not followed, nor listed.
    /// Checked with lstat: URL resource values also look up every file's owner and group names.
    static func existingFiles(in folder: URL) -> [String: URL] {
        var result: [String: URL] = [:]
        let base = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return result }
        while let relative = walker.nextObject() as? String {
            var info = stat()
            guard lstat(base + relative, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            result[relative] = URL(fileURLWithPath: base + relative)
        }
        return result
    }

    /// Staging and retired folders an interrupted build left beside the output.
    private static func removeLeftovers(of output: URL) {
        let parent = output.deletingLastPathComponent()
        let prefixes = [".\(output.lastPathComponent).tmp-", ".\(output.lastPathComponent).old-"]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        where prefixes.contains(where: { name.hasPrefix($0) }) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}
