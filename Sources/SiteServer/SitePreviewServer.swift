import Course
import FlyingFox
import FlyingSocks
import Foundation
import Site

/// `lectern site serve`: builds the site, serves it on 127.0.0.1 and rebuilds it when a
/// course file changes (found by polling modification times, so it works on every file
/// system and needs no watcher library).
public struct SitePreviewServer: Sendable {
    public var coursePath: String
    public var options: SiteBuildOptions
    public var port: UInt16
    /// Seconds between two looks at the course's files; nil serves without rebuilding.
    public var pollInterval: Double?

    public init(coursePath: String, options: SiteBuildOptions, port: UInt16, pollInterval: Double?) {
        self.coursePath = coursePath
        self.options = options
        self.port = port
        self.pollInterval = pollInterval
    }

    /// Builds, then serves until the task is cancelled. `log` receives each build's report.
    public func run(log: @escaping @Sendable (String) -> Void) async throws {
        let first = SiteBuilder.build(coursePath: coursePath, options: options)
        log(first.text)
        guard first.succeeded else { throw ServeError(description: "the site did not build, so there is nothing to serve") }
        let resolver = SiteFileResolver(root: URL(fileURLWithPath: options.output))
        let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: port)
        let server = HTTPServer(address: address, logger: .disabled)
        await server.appendRoute("GET,HEAD *") { request in
            Self.respond(to: request.path, with: resolver)
        }
        let watcher = pollInterval.map { interval in
            Task.detached { await watch(every: interval, log: log) }
        }
        defer { watcher?.cancel() }
        let serving = Task { try await server.run() }
        try await server.waitUntilListening(timeout: 5)
        log("Serving \(options.output) at http://127.0.0.1:\(port)/ (Ctrl-C to stop)\n")
        try await serving.value
    }

    static func respond(to path: String, with resolver: SiteFileResolver) -> HTTPResponse {
        switch resolver.resolve(path) {
        case .file(let url):
            guard let data = FileManager.default.contents(atPath: url.path) else { return notFound(resolver) }
            return HTTPResponse(statusCode: .ok, headers: HTTPHeaders([.contentType: SiteFileResolver.contentType(of: url), .cacheControl: "no-cache"]), body: data)
        case .redirect(let location):
            return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: location]))
        case .notFound:
            return notFound(resolver)
        }
    }

    private static func notFound(_ resolver: SiteFileResolver) -> HTTPResponse {
        let page = FileManager.default.contents(atPath: resolver.root.appendingPathComponent("404.html").path) ?? Data("Not found\n".utf8)
        return HTTPResponse(statusCode: .notFound, headers: HTTPHeaders([.contentType: "text/html; charset=utf-8"]), body: page)
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
