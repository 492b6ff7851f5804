import Foundation
import ZIPFoundation

/// A content package's files, zipped with ZIPFoundation in memory: entries in the order
/// given, deflated, with a fixed date so the same export gives the same bytes.
public enum ZipPackage {
    /// 1 January 2000, 00:00 local time: the date every entry carries.
    static let entryDate = Date(timeIntervalSince1970: 946_684_800)

    public static func zip(_ files: [(path: String, data: [UInt8])]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for file in files {
            let data = Data(file.data)
            try archive.addEntry(with: file.path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: entryDate, permissions: 0o644, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw ZipPackageError.noData }
        return data
    }

    /// The files of a zip, by path (for tests and round trips).
    public static func unzip(_ data: Data) throws -> [String: [UInt8]] {
        let archive = try Archive(data: data, accessMode: .read)
        var files: [String: [UInt8]] = [:]
        for entry in archive where entry.type == .file {
            var bytes: [UInt8] = []
            _ = try archive.extract(entry, skipCRC32: false) { chunk in bytes += chunk }
            files[entry.path] = bytes
        }
        return files
    }
}

enum ZipPackageError: Error, CustomStringConvertible {
    case noData
    var description: String { "the zip archive was not made" }
}
