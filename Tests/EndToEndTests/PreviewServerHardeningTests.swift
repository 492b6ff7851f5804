import Foundation
import SiteServer
import Testing
import TestSupport

/// `lectern site serve` holds up against hostile and careless clients: every test talks to the
/// real server, started as a user starts it, over a real TCP socket on 127.0.0.1. The clients
/// run on threads of their own (`onOwnThread`) and report what they saw.
@Suite struct PreviewServerHardeningTests {
    private let headTimeout = seconds(PreviewServerLimits.standardHeadTimeout)
    private let idleTimeout = seconds(PreviewServerLimits.standardIdleTimeout)
    /// How long another client may wait while one misbehaves: generous for a loaded machine,
    /// and far below the minutes the quadratic parser of the old server took.
    private let served = 5.0

    @Test func anOversizedHeadGets431AndOtherClientsAreServedMeanwhile() async throws {
        let server = try await ServeProcess()
        defer { server.stop() }
        let port = server.port
        let (other, answers) = try await onOwnThread {
            // Four clients each start a head of 256 KiB, eight times the limit, and never finish it.
            let oversized = try (0..<4).map { _ in try RawConnection(port: port) }
            for connection in oversized {
                connection.send(get("/", extraHeaders: "X-Big: ") + String(repeating: "a", count: 256 * 1024))
            }
            let other = try RawConnection(port: port)
            let page = timed { other.exchange(get("/"), timeout: 60) }
            let answers = oversized.map { ($0.readResponse(timeout: 10), $0.closedByServer(within: 10)) }
            return ((page.0?.status, page.1), answers.map { ($0.0?.status, $0.0?.headers["connection"], $0.1) })
        }
        #expect(other.0 == 200)
        #expect(other.1 < served, "another client waited \(other.1) s")
        for (status, connection, closed) in answers {
            #expect(status == 431)
            #expect(connection == "close")
            #expect(closed)
        }
    }

    @Test func aHeadWithinTheLimitIsServedOnAKeptAliveConnection() async throws {
        let server = try await ServeProcess()
        defer { server.stop() }
        let port = server.port
        let statuses = try await onOwnThread {
            let connection = try RawConnection(port: port)
            let cookie = "Cookie: session=" + String(repeating: "c", count: 8 * 1024) + "\r\n"
            return [connection.exchange(get("/", extraHeaders: cookie))?.status,
                    connection.exchange(get("/assets/site.css"))?.status]
        }
        #expect(statuses == [200, 200])
    }

    @Test func aSlowLorisIsClosedAfterTheHeadTimeoutAndBlocksNoOne() async throws {
        let server = try await ServeProcess()
        defer { server.stop() }
        let port = server.port, headTimeout = headTimeout
        let (closed, after, others) = try await onOwnThread {
            let loris = try RawConnection(port: port)
            let opened = Date()
            // A header line every half second keeps bytes coming; the head never ends.
            loris.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            var closed = false, others: [(Int?, Double)] = []
            while !closed && Date().timeIntervalSince(opened) < headTimeout + 15 {
                closed = loris.closedByServer(within: 0.5) || !loris.send("X-Trickle: 1\r\n")
                if others.count < 3 {
                    let other = try RawConnection(port: port)
                    let page = timed { other.exchange(get("/"), timeout: 60) }
                    others.append((page.0?.status, page.1))
                }
            }
            return (closed, Date().timeIntervalSince(opened), others)
        }
        #expect(closed, "a head trickled for \(after) s was not cut off")
        #expect(after >= headTimeout - 1, "closed after \(after) s, before the head timeout")
        #expect(others.allSatisfy { $0.0 == 200 && $0.1 < served }, "other clients: \(others)")
    }

    @Test func anIdleKeptAliveConnectionIsClosedAfterTheIdleTimeout() async throws {
        let server = try await ServeProcess()
        defer { server.stop() }
        let port = server.port, headTimeout = headTimeout, idleTimeout = idleTimeout
        let (status, closedEarly, closed) = try await onOwnThread {
            let connection = try RawConnection(port: port)
            let status = connection.exchange(get("/"))?.status
            // Idle is not a slow head: the connection outlives the head timeout...
            let closedEarly = connection.closedByServer(within: headTimeout + 2)
            // ...and is closed once idle for the idle timeout.
            return (status, closedEarly, connection.closedByServer(within: idleTimeout - headTimeout + 10))
        }
        #expect(status == 200)
        #expect(!closedEarly)
        #expect(closed)
    }

    @Test func theServerOutlivesRunningOutOfFileDescriptors() async throws {
        let server = try await ServeProcess(fileLimit: 64)
        defer { server.stop() }
        let port = server.port
        let process = server.process
        let (exhausted, runningWhenExhausted, waitingStatus, freshStatus) = try await onOwnThread {
            // 150 connections (the kernel completes them into the listen backlog) exhaust 64 descriptors.
            var held = try (0..<150).map { _ in try RawConnection(port: port) }
            let waiting = try RawConnection(port: port)
            waiting.send(get("/"))
            let exhausted = waiting.readResponse(timeout: 2) == nil
            let running = process.isRunning
            held.removeAll()  // closed
            let waitingStatus = waiting.readResponse(timeout: 10)?.status
            let fresh = try? RawConnection(port: port)
            return (exhausted, running, waitingStatus, fresh?.exchange(get("/"))?.status)
        }
        try #require(exhausted, "the server never ran out of descriptors")
        #expect(runningWhenExhausted, "\(server.log)")
        #expect(waitingStatus == 200)
        #expect(freshStatus == 200)
        #expect(server.process.isRunning, "\(server.log)")
    }

    /// Nagle's algorithm with the client's delayed ACK adds about 40 ms to every request, in
    /// every round; the best of three rounds' medians leaves out a round slowed by other tests.
    @Test(arguments: ["/assets/site.css", "/search/index.js"])
    func keptAliveRequestsAreNotDelayed(path: String) async throws {
        let server = try await ServeProcess()
        defer { server.stop() }
        let port = server.port
        let rounds = try await onOwnThread {
            let connection = try RawConnection(port: port)
            return (0..<3).map { _ in
                (0..<20).map { _ in
                    let (response, took) = timed { connection.exchange(get(path)) }
                    return response?.status == 200 ? took * 1000 : .infinity
                }.sorted()
            }
        }
        let medians = rounds.map { $0[$0.count / 2] }
        #expect(medians.min()! < 20, "medians \(medians) ms; rounds \(rounds.map { $0.map { Int($0) } }) ms")
    }

    @Test func aFolderRedirectsOnceToItsSlashForm() async throws {
        let server = try await ServeProcess()
        defer { server.stop() }
        let walker = try #require(FileManager.default.enumerator(at: server.site, includingPropertiesForKeys: [.isDirectoryKey]))
        var folders: [String] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
            folders.append(String(url.standardizedFileURL.path.dropFirst(server.site.standardizedFileURL.path.count)))
        }
        #expect(folders.contains("/assets"))
        let port = server.port, asked = folders
        let (answers, doubleSlash) = try await onOwnThread {
            let connection = try RawConnection(port: port)
            let answers = asked.map { folder in
                (folder, connection.exchange(get(folder)), connection.exchange(get(folder + "/"))?.status)
            }
            return (answers, connection.exchange(get("//assets"))?.headers["location"])
        }
        for (folder, redirect, target) in answers {
            #expect(redirect?.status == 301, "\(folder)")
            #expect(redirect?.headers["location"] == folder + "/")
            #expect(target.map { !(300..<400).contains($0) } == true, "\(folder)/ answered \(target ?? 0)")
        }
        #expect(doubleSlash == "/assets/")
    }

    @Test func undecodablePathsAreNotFound() async throws {
        let server = try await ServeProcess()
        defer { server.stop() }
        let notFoundPage = try String(contentsOf: server.site.appendingPathComponent("404.html"), encoding: .utf8)
        let port = server.port
        let paths = ["/%ff", "/%", "/%zz", "/%c0%ae%c0%ae/", "/index.html%00", "/assets/%ff%fe"]
        let responses = try await onOwnThread {
            let connection = try RawConnection(port: port)
            return paths.map { connection.exchange(get($0)) }
        }
        for (path, response) in zip(paths, responses) {
            #expect(response?.status == 404, "\(path)")
            #expect(response?.text == notFoundPage, "\(path)")
        }
    }

    @Test func traversalNeverLeavesTheSiteFolder() async throws {
        let server = try await ServeProcess()
        defer { server.stop() }
        // A secret beside the site folder, and a link to it inside.
        try "the secret\n".write(to: server.folder.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: server.site.appendingPathComponent("leak.txt"),
                                                   withDestinationURL: server.folder.appendingPathComponent("secret.txt"))
        let attempts = ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt",
                        "/assets/..%2f..%2fsecret.txt", "/assets/%2e%2e/%2e%2e/secret.txt", "/..\\secret.txt",
                        "/leak.txt", "/../../../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                        "/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd", "http://127.0.0.1/../secret.txt"]
        let port = server.port
        let responses = try await onOwnThread {
            let connection = try RawConnection(port: port)
            return attempts.map { connection.exchange(get($0)) }
        }
        for (path, response) in zip(attempts, responses) {
            #expect(response?.status == 404, "\(path)")
            #expect(response.map { !$0.text.contains("the secret") && !$0.text.contains("root:") } == true, "\(path)")
        }
    }

    @Test func aPortInUseIsReportedPlainly() async throws {
        let server = try await ServeProcess()
        defer { server.stop() }
        let output = server.folder.appendingPathComponent("second-site").path
        let port = server.port
        let second = try await onOwnThread {
            try LecternProcess.run(["site", "serve", "content", "--output", output, "--port", String(port)])
        }
        #expect(second.status == 1)
        #expect(second.stderr.contains("error: cannot serve on 127.0.0.1:\(port): Address already in use"))
        #expect(second.stderr.contains("--port"))
    }

    @Test func anHTTP10RequestWithoutKeepAliveIsClosedAfterItsResponse() async throws {
        let server = try await ServeProcess()
        defer { server.stop() }
        let port = server.port
        let (status, closed) = try await onOwnThread {
            let connection = try RawConnection(port: port)
            return (connection.exchange("GET / HTTP/1.0\r\n\r\n")?.status, connection.closedByServer(within: 5))
        }
        #expect(status == 200)
        #expect(closed)
    }
}

private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
