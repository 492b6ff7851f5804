import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TestSupport

/// `lectern site serve` checks the command line, then hands over to `lectern-serve`.
@Suite struct SiteServeCommandTests {
    @Test func servesTheBuiltSiteThroughThePreviewServer() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let port = UInt16.random(in: 41000...48000)
        let process = Process()
        process.executableURL = LecternProcess.binary
        process.arguments = ["site", "serve", "content", "--output", output.path, "--port", String(port), "--no-watch"]
        process.currentDirectoryURL = LecternProcess.repository
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }

        var page = ""
        for _ in 0..<200 where !page.contains("<h1") {
            if let (data, _) = try? await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/index.html")!) {
                page = String(decoding: data, as: UTF8.self)
            } else {
                try await Task.sleep(nanoseconds: 100_000_000)
            }
        }
        #expect(page.contains("<h1"))
        #expect(process.isRunning)
    }

    @Test func aBadPortIsAUsageError() throws {
        let result = try LecternProcess.run(["site", "serve", "--port", "eighty"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("port"))
    }

    @Test func aMissingPreviewServerIsReportedWithHowToBuildIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-alone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A hard link is the binary without a copy's open write handle, which a child forked
        // meanwhile by another test could hold, making exec fail with "Text file busy".
        let alone = folder.appendingPathComponent("lectern")
        if (try? FileManager.default.linkItem(at: LecternProcess.binary, to: alone)) == nil {
            try FileManager.default.copyItem(at: LecternProcess.binary, to: alone)
        }
        let process = Process()
        process.executableURL = alone
        process.arguments = ["site", "serve", "content", "--output", folder.appendingPathComponent("site").path]
        process.currentDirectoryURL = LecternProcess.repository
        let err = Pipe()
        process.standardError = err
        for attempt in 1...50 {
            do {
                try process.run()
                break
            } catch let error as NSError where attempt < 50
                && (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(ETXTBSY) {
                Thread.sleep(forTimeInterval: 0.1)  // a copied binary: wait for the stray handle to close
            }
        }
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(message.contains("cannot start the preview server"))
        #expect(message.contains("--product lectern-serve"))
    }
}
