import Course
import Foundation
import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import Site

/// `lectern site serve`: builds the site, serves it on 127.0.0.1 and rebuilds it when a
/// course file changes (found by polling modification times, so it works on every file
/// system and needs no watcher library).
///
/// The HTTP side is Hummingbird on SwiftNIO: NIO's HTTP/1.1 parser is linear and bounded,
/// its accept loop backs off and carries on when descriptors run out, and `PreviewHTTPChannel`
/// adds the limits of `PreviewServerLimits`.
public struct SitePreviewServer: Sendable {
    public var coursePath: String
    public var options: SiteBuildOptions
    /// 0 picks a free port; the log line names the one taken.
    public var port: UInt16
    /// Seconds between two looks at the course's files; nil serves without rebuilding.
    public var pollInterval: Double?
    public var limits: PreviewServerLimits

    public init(coursePath: String, options: SiteBuildOptions, port: UInt16, pollInterval: Double?,
                limits: PreviewServerLimits = .standard) {
        self.coursePath = coursePath
        self.options = options
        self.port = port
        self.pollInterval = pollInterval
        self.limits = limits
    }

    /// Builds, then serves until the task is cancelled. `log` receives each build's report
    /// and, once the server listens, `Serving DIR at http://127.0.0.1:PORT/`.
    public func run(log: @escaping @Sendable (String) -> Void) async throws {
        let first = SiteBuilder.build(coursePath: coursePath, options: options)
        log(first.text)
        guard first.succeeded else { throw ServeError(description: "the site did not build, so there is nothing to serve") }
        let resolver = SiteFileResolver(root: URL(fileURLWithPath: options.output))
        var logger = Logger(label: PreviewRequest.executableName) { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .critical  // a cancelled run logs its CancellationError as an error
        let output = options.output
        let server = Server(
            childChannelSetup: PreviewHTTPChannel(limits: limits) { request, writer, _ in
                try await Self.respond(to: request, with: resolver, writer: writer)
            },
            configuration: ServerConfiguration(address: .hostname("127.0.0.1", port: Int(port))),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                log("Serving \(output) at http://127.0.0.1:\(port)/ (Ctrl-C to stop)\n")
            },
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
            logger: logger
        )
        let watcher = pollInterval.map { interval in
            Task.detached { await watch(every: interval, log: log) }
        }
        defer { watcher?.cancel() }
        do {
            try await server.run()
        } catch let error as IOError {
            let hint = error.errnoCode == EADDRINUSE ? " (another server has it: pick another with --port)" : ""
            throw ServeError(description: "cannot serve on 127.0.0.1:\(port): \(String(cString: strerror(error.errnoCode)))\(hint)")
        }
    }

    /// Writes the `SiteResponse` to `request`.
    private static func respond(to request: Request, with resolver: SiteFileResolver, writer: consuming ResponseWriter) async throws {
        let response = SiteResponse(method: request.method.rawValue, target: request.head.path ?? "", resolver: resolver)
        var fields = HTTPFields()
        for (name, value) in response.headers.sorted(by: { $0.key < $1.key }) {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        let head = HTTPResponse(status: .init(code: response.status), headerFields: fields)
        try await writer.write(response: head, body: ResponseBody(byteBuffer: ByteBuffer(bytes: response.body)))
    }

    /// Rebuilds whenever the course's files change.
    private func watch(every interval: Double, log: @Sendable (String) -> Void) async {
        var folders = SourceSnapshot.folders(coursePath: coursePath)
        var snapshot = SourceSnapshot(folders: folders, excluding: options.output)
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
            let now = SourceSnapshot(folders: folders, excluding: options.output)
            guard now != snapshot else { continue }
            folders = SourceSnapshot.folders(coursePath: coursePath)
            snapshot = SourceSnapshot(folders: folders, excluding: options.output)
            log("Change seen; rebuilding…\n")
            log(SiteBuilder.build(coursePath: coursePath, options: options).text)
        }
    }
}

/// An error that stops `site serve` before it starts serving.
public struct ServeError: Error, CustomStringConvertible {
    public var description: String
}

/// The modification times and sizes of every file a build reads: the course folder, its
/// theme, and its exercises folder (course.yml's `exercises:`, by default `../exercises`).
struct SourceSnapshot: Equatable {
    var entries: [String: [Double]] = [:]

    init(folders: [URL], excluding output: String) {
        let outputPath = URL(fileURLWithPath: output).standardizedFileURL.path
        for folder in folders { add(folder, excluding: outputPath) }
    }

    /// The folders to watch: the course and each of its exercises.
    static func folders(coursePath: String) -> [URL] {
        var folders = [URL(fileURLWithPath: coursePath).standardizedFileURL]
        var diagnostics: [Diagnostic] = []
        if let course = CourseLoader.load(coursePath, diagnostics: &diagnostics) {
            folders += course.exercises.map(\.directory)
        }
        return folders
    }

    /// Walks `folder` with the course's own walk, so a link out of the course is not
    /// watched and a link cycle (`ln -s . a`) is not followed round and round.
    private mutating func add(_ folder: URL, excluding outputPath: String) {
        let tree = CourseTree(root: folder)
        tree.walk { _, items in
            var folders: [CourseTree.Entry] = []
            for item in items where !item.name.hasPrefix(".") {
                let path = tree.root + "/" + item.path
                if path == outputPath { continue }
                var info = stat()
                // Refused links are watched as links, so mending one rebuilds.
                let found = item.kind == .file || item.kind == .folder ? stat(path, &info) : lstat(path, &info)
                guard found == 0 else { continue }
                entries[path] = [Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9, Double(info.st_size),
                                 item.kind == .folder ? 1 : 0]
                if item.kind == .folder { folders.append(item) }
            }
            return folders
        }
    }
}
