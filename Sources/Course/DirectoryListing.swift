import Foundation

/// The entries of a folder, read with one `readdir` pass: the entry type comes with each
/// name, where FileManager needs a `stat` per entry, which on a course of hundreds of pages
/// was most of the time spent listing it.
enum DirectoryListing {
    struct Entry: Equatable {
        var name: String
        /// A folder, or a symbolic link to one (links are followed, as `fileExists` does).
        var isDirectory: Bool
    }

    /// The entries of `path` sorted by name, without `.` and `..`; nil when it cannot be read.
    static func entries(of path: String) -> [Entry]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var result: [Entry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let type = entry.pointee.d_type
            var isDirectory = type == UInt8(DT_DIR)
            if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                var info = stat()
                isDirectory = stat(path + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
            }
            result.append(Entry(name: name, isDirectory: isDirectory))
        }
        return result.sorted { $0.name < $1.name }
    }
}
