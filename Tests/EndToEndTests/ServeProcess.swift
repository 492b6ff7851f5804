import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TestSupport

/// `lectern site serve content --port 0` started as a user starts it (lectern hands over to
/// lectern-serve), optionally under a lower limit of open files; stopped when released.

final class ServeProcess {
    let process = Process()
    let folder: URL
    let port: UInt16
    /// The built site.
    var site: URL { folder.appendingPathComponent("site") }
    /// What the server wrote to stderr, and how it ended if it has.
    var log: String {
        let text = (try? String(contentsOf: folder.appendingPathComponent("serve.log"), encoding: .utf8)) ?? ""
        return process.isRunning ? text : text + "[exited: \(process.terminationReason == .uncaughtSignal ? "signal" : "status") \(process.terminationStatus)]"
    }

    /// `course` is the folder served (a path, or relative to the repository); `fileLimit` sets
    /// RLIMIT_NOFILE for the server (through the shell's `ulimit -n`).
    init(course: String = "content", watch: Bool = false, fileLimit: Int? = nil) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let log = folder.appendingPathComponent("serve.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        var arguments = ["site", "serve", course, "--output", folder.appendingPathComponent("site").path, "--port", "0"]
        if !watch { arguments.append("--no-watch") }
        if let fileLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -n \(fileLimit) && exec \"$0\" \"$@\"", LecternProcess.binary.path] + arguments
        } else {
            process.executableURL = LecternProcess.binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = LecternProcess.repository
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // The server names its port once it listens: "Serving DIR at http://127.0.0.1:PORT/".
        let pattern = try NSRegularExpression(pattern: #"at http://127\.0\.0\.1:([0-9]+)/"#)
        let deadline = Date().addingTimeInterval(120)
        var found: UInt16?
        while found == nil, process.isRunning, Date() < deadline {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
               let range = Range(match.range(at: 1), in: text) {
                found = UInt16(text[range])
            } else {
                try await Task.sleep(nanoseconds: 50_000_000)
            }
        }
        guard let found, found != 0 else {
            if process.isRunning { process.terminate(); process.waitUntilExit() }
            try? FileManager.default.removeItem(at: folder)
            throw Failure(description: "lectern site serve did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        }
        port = found
    }

    deinit { stop() }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }
}

/// Runs `body` on a thread of its own. The clients below block on their sockets for seconds:
/// on a thread of their own they hold no thread of Swift's cooperative pool, and the times they
/// measure are the server's, not those of a pool that other tests keep busy.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

/// Seconds `body` takes.
func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = Date()
    let result = try body()
    return (result, Date().timeIntervalSince(start))
}

/// One TCP connection to 127.0.0.1 speaking raw bytes, for requests no HTTP client would send:
/// oversized or unfinished heads, undecodable paths, pipelined requests. It blocks: use it on
/// a thread of its own (`onOwnThread`).
final class RawConnection {
    private let fd: Int32
    private var buffered: [UInt8] = []

    init(port: UInt16) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawConnection.error("socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let error = RawConnection.error("connect")
            Glibc.close(fd)
            throw error
        }
    }

    deinit { Glibc.close(fd) }

    /// Sends every byte; false if the server closed or reset the connection first.
    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            sent += n
        }
        return true
    }

    /// What the server sends before `timeout` seconds pass: nil on timeout, [] at the end of
    /// the stream or a reset.
    func receive(timeout: Double) -> [UInt8]? {
        if !buffered.isEmpty { defer { buffered = [] }; return buffered }
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(max(0, timeout * 1000))) > 0 else { return nil }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        return n <= 0 ? [] : Array(chunk[..<n])
    }

    /// Whether the server closes the connection (end of stream or reset) within `timeout` seconds.
    func closedByServer(within timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard let bytes = receive(timeout: deadline.timeIntervalSinceNow) else { return false }
            if bytes.isEmpty { return true }
        }
        return false
    }

    /// Reads one response (head, then a body of its Content-Length), or nil if it does not come
    /// whole within `timeout` seconds.
    func readResponse(timeout: Double) -> RawResponse? {
        let deadline = Date().addingTimeInterval(timeout)
        var data: [UInt8] = []
        let separator = Array("\r\n\r\n".utf8)
        while true {
            if let headEnd = data.firstRange(of: separator)?.upperBound {
                var response = RawResponse(head: String(decoding: data[..<headEnd], as: UTF8.self))
                let length = Int(response.headers["content-length"] ?? "0") ?? 0
                if data.count - headEnd >= length {
                    response.body = Array(data[headEnd..<(headEnd + length)])
                    buffered = Array(data[(headEnd + length)...])
                    return response
                }
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0, let bytes = receive(timeout: left), !bytes.isEmpty else { return nil }
            data += bytes
        }
    }

    /// Sends `request` and reads its response.
    func exchange(_ request: String, timeout: Double = 10) -> RawResponse? {
        send(request) ? readResponse(timeout: timeout) : nil
    }

    private static func error(_ call: String) -> ServeProcess.Failure {
        ServeProcess.Failure(description: "\(call): \(String(cString: strerror(errno)))")
    }
}

/// A response as read off the wire.
struct RawResponse: Sendable {
    var status: Int
    /// Header fields by lowercased name.
    var headers: [String: String] = [:]
    var body: [UInt8] = []

    init(head: String) {
        let lines = head.components(separatedBy: "\r\n")
        status = lines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
    }

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// A GET request for `path` on a kept-alive connection.
func get(_ path: String, extraHeaders: String = "") -> String {
    "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\(extraHeaders)\r\n"
}
