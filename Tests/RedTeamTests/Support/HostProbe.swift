import Foundation
import Glibc

/// What an attack could have left on the host: files, processes, a connection to a listener.
enum HostProbe {
    /// Places outside the sandbox where an escaped write would land.
    static var canaryPlaces: [String] {
        [
            "/tmp", "/root", "/work", "/home", "/var/tmp",
            FileManager.default.temporaryDirectory.path,
            RedTeam.repository.path,
            RedTeam.exerciseFolder.path,
            RedTeam.exerciseFolder.appendingPathComponent("python").path,
            RedTeam.exerciseFolder.appendingPathComponent("swift").path,
        ]
    }

    /// Canary files named `canary` present on the host.
    static func canariesFound(_ canary: String) -> [String] {
        canaryPlaces.map { $0 + "/" + canary }.filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// Host processes whose command line contains `marker`.
    static func markedProcesses(_ marker: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { $0.allSatisfy(\.isNumber) }.compactMap { pid in
            guard let raw = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let line = String(decoding: raw, as: UTF8.self).replacingOccurrences(of: "\0", with: " ")
            return line.contains(marker) ? "\(pid): \(line)" : nil
        }
    }
}

/// A TCP listener on the host's 127.0.0.1 that records whether anyone connected.
final class TrapListener: @unchecked Sendable {
    let descriptor: CInt
    let port: UInt16

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else { throw POSIXError(.EADDRINUSE) }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        self.descriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    /// Whether a connection is waiting to be accepted.
    func wasContacted() -> Bool {
        let client = accept(descriptor, nil, nil)
        if client >= 0 {
            close(client)
            return true
        }
        return false
    }

    deinit {
        close(descriptor)
    }
}
