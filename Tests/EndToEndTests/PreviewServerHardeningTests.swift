import Foundation
import SiteServer
import Testing

/// `lectern site serve` holds up against hostile and careless clients: every test talks to the
/// real server, started as a user starts it, over a real TCP socket on 127.0.0.1.
@Suite struct PreviewServerHardeningTests {
    private let headTimeout = seconds(PreviewServerLimits.standardHeadTimeout)
    private let idleTimeout = seconds(PreviewServerLimits.standardIdleTimeout)

    /// Seconds `body` takes.
    private func timed<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
        let start = Date()
        let result = try await body()
        return (result, Date().timeIntervalSince(start))
    }

    @Test func anOversizedHeadGets431AndOtherClientsAreServedMeanwhile() async throws {
        let server = try await ServeProcess()
        // Four clients each start a head of 256 KiB, eight times the limit, and never finish it.
        let oversized = try (0..<4).map { _ in try RawConnection(port: server.port) }
        for connection in oversized {
            await connection.send(get("/", extraHeaders: "X-Big: ") + String(repeating: "a", count: 256 * 1024))
        }
        let other = try RawConnection(port: server.port)
        let (page, took) = await timed { await other.exchange(get("/"), timeout: 30) }
        #expect(page?.status == 200)
        #expect(took < 2, "another client waited \(took) s")
        for connection in oversized {
            let answer = await connection.readResponse(timeout: 10)
            #expect(answer?.status == 431)
            #expect(answer?.headers["connection"] == "close")
            #expect(await connection.closedByServer(within: 10))
        }
    }

    @Test func aHeadWithinTheLimitIsServedOnAKeptAliveConnection() async throws {
        let server = try await ServeProcess()
        let connection = try RawConnection(port: server.port)
        let cookie = "Cookie: session=" + String(repeating: "c", count: 8 * 1024) + "\r\n"
        #expect(await connection.exchange(get("/", extraHeaders: cookie))?.status == 200)
        #expect(await connection.exchange(get("/assets/site.css"))?.status == 200)
    }

    @Test func aSlowLorisIsClosedAfterTheHeadTimeoutAndBlocksNoOne() async throws {
        let server = try await ServeProcess()
        let loris = try RawConnection(port: server.port)
        let opened = Date()
        // A header line every half second keeps bytes coming; the head never ends.
        await loris.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        var closed = false, others: [Double] = []
        while !closed && Date().timeIntervalSince(opened) < headTimeout + 15 {
            closed = await loris.closedByServer(within: 0.5)
            if !closed { closed = await !loris.send("X-Trickle: 1\r\n") }
            if others.count < 3 {
                let other = try RawConnection(port: server.port)
                let (page, took) = await timed { await other.exchange(get("/"), timeout: 30) }
                #expect(page?.status == 200)
                others.append(took)
            }
        }
        let after = Date().timeIntervalSince(opened)
        #expect(closed, "a head trickled for \(after) s was not cut off")
        #expect(after >= headTimeout - 1, "closed after \(after) s, before the head timeout")
        #expect(others.allSatisfy { $0 < 2 }, "other clients waited \(others) s")
    }

    @Test func anIdleKeptAliveConnectionIsClosedAfterTheIdleTimeout() async throws {
        let server = try await ServeProcess()
        let connection = try RawConnection(port: server.port)
        #expect(await connection.exchange(get("/"))?.status == 200)
        // Idle is not a slow head: the connection outlives the head timeout...
        #expect(await connection.closedByServer(within: headTimeout + 2) == false)
        // ...and is closed once idle for the idle timeout.
        #expect(await connection.closedByServer(within: idleTimeout - headTimeout + 10))
    }

    @Test func theServerOutlivesRunningOutOfFileDescriptors() async throws {
        let server = try await ServeProcess(fileLimit: 64)
        // 150 connections (the kernel completes them into the listen backlog) exhaust 64 descriptors.
        var held = try (0..<150).map { _ in try RawConnection(port: server.port) }
        let waiting = try RawConnection(port: server.port)
        await waiting.send(get("/"))
        try #require(await waiting.readResponse(timeout: 2) == nil, "the server never ran out of descriptors")
        #expect(server.process.isRunning)
        held.removeAll()  // closed
        #expect(await waiting.readResponse(timeout: 10)?.status == 200)
        let fresh = try RawConnection(port: server.port)
        #expect(await fresh.exchange(get("/"))?.status == 200)
        #expect(server.process.isRunning)
    }

    /// Nagle's algorithm with the client's delayed ACK costs about 40 ms a request.
    @Test(arguments: ["/assets/site.css", "/search-index.js"])
    func keptAliveRequestsAreNotDelayed(path: String) async throws {
        let server = try await ServeProcess()
        let connection = try RawConnection(port: server.port)
        var times: [Double] = []
        for _ in 0..<20 {
            let (response, took) = await timed { await connection.exchange(get(path)) }
            try #require(response?.status == 200)
            times.append(took * 1000)
        }
        let median = times.sorted()[times.count / 2]
        #expect(median < 20, "median \(median) ms over \(times.map { Int($0) }) ms")
    }

    @Test func aFolderRedirectsOnceToItsSlashForm() async throws {
        let server = try await ServeProcess()
        let connection = try RawConnection(port: server.port)
        let walker = try #require(FileManager.default.enumerator(at: server.site, includingPropertiesForKeys: [.isDirectoryKey]))
        var folders: [String] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
            folders.append(String(url.standardizedFileURL.path.dropFirst(server.site.standardizedFileURL.path.count)))
        }
        #expect(folders.contains("/assets"))
        for folder in folders {
            let redirect = await connection.exchange(get(folder))
            #expect(redirect?.status == 301)
            #expect(redirect?.headers["location"] == folder + "/")
            let target = await connection.exchange(get(folder + "/"))
            #expect(target.map { !(300..<400).contains($0.status) } == true, "\(folder)/ answered \(target?.status ?? 0)")
        }
        #expect(await connection.exchange(get("//assets"))?.headers["location"] == "/assets/")
    }

    @Test func undecodablePathsAreNotFound() async throws {
        let server = try await ServeProcess()
        let connection = try RawConnection(port: server.port)
        let notFoundPage = try String(contentsOf: server.site.appendingPathComponent("404.html"), encoding: .utf8)
        for path in ["/%ff", "/%", "/%zz", "/%c0%ae%c0%ae/", "/index.html%00", "/assets/%ff%fe"] {
            let response = await connection.exchange(get(path))
            #expect(response?.status == 404, "\(path)")
            #expect(response?.text == notFoundPage, "\(path)")
        }
    }

    @Test func traversalNeverLeavesTheSiteFolder() async throws {
        let server = try await ServeProcess()
        // A secret beside the site folder, and a link to it inside.
        try "the secret\n".write(to: server.folder.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: server.site.appendingPathComponent("leak.txt"),
                                                   withDestinationURL: server.folder.appendingPathComponent("secret.txt"))
        let connection = try RawConnection(port: server.port)
        let attempts = ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt",
                        "/assets/..%2f..%2fsecret.txt", "/assets/%2e%2e/%2e%2e/secret.txt", "/..\\secret.txt",
                        "/leak.txt", "/../../../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                        "/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd", "http://127.0.0.1/../secret.txt"]
        for path in attempts {
            let response = await connection.exchange(get(path))
            #expect(response?.status == 404, "\(path)")
            #expect(response.map { !$0.text.contains("the secret") && !$0.text.contains("root:") } == true, "\(path)")
        }
    }

    @Test func aPortInUseIsReportedPlainly() async throws {
        let server = try await ServeProcess()
        let output = server.folder.appendingPathComponent("second-site").path
        let second = try LecternProcess.run(["site", "serve", "content", "--output", output, "--port", String(server.port)])
        #expect(second.status == 1)
        #expect(second.stderr.contains("error: cannot serve on 127.0.0.1:\(server.port): Address already in use"))
        #expect(second.stderr.contains("--port"))
    }

    @Test func anHTTP10RequestWithoutKeepAliveIsClosedAfterItsResponse() async throws {
        let server = try await ServeProcess()
        let connection = try RawConnection(port: server.port)
        #expect(await connection.exchange("GET / HTTP/1.0\r\n\r\n")?.status == 200)
        #expect(await connection.closedByServer(within: 5))
    }
}

private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
