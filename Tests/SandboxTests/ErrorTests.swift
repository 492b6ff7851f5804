import Foundation
import Testing
import Sandbox

/// A sandbox that cannot run says why and how to fix it, instead of running unsandboxed.
@Suite struct ErrorTests {
    @Test func aMissingBwrapIsReportedWithHowToInstallIt() async throws {
        var configuration = Bubblewrap.Configuration()
        configuration.bwrapPath = "/nonexistent/bwrap"
        let error = await #expect(throws: SandboxError.self) {
            try await Bubblewrap(configuration: configuration).run(RunRequest(argv: ["true"]))
        }
        #expect(error == .bwrapMissing(path: "/nonexistent/bwrap"))
        #expect(error?.description.contains("apt-get install bubblewrap") == true)
    }

    @Test func aBwrapThatCannotSetUpIsReportedAsUnavailableNamespaces() async throws {
        // `false` stands in for a bwrap whose namespace setup fails: it exits 1 before any command.
        var configuration = Bubblewrap.Configuration()
        configuration.bwrapPath = "/bin/false"
        let error = await #expect(throws: SandboxError.self) {
            try await Bubblewrap(configuration: configuration).run(RunRequest(argv: ["true"]))
        }
        guard case .namespacesUnavailable(let detail) = error else {
            Issue.record("expected namespacesUnavailable, got \(String(describing: error))")
            return
        }
        #expect(detail.contains("status 1"))
        #expect(error?.description.contains("unprivileged_userns_clone") == true)
    }

    @Test(arguments: ["/etc/passwd", "../up", "a/../../b", ""])
    func aFileOutsideTheWorkDirIsRefused(_ path: String) async throws {
        await #expect(throws: SandboxError.self) {
            try await Bubblewrap().run(RunRequest(argv: ["true"], files: [path: .data(Data())]))
        }
    }

    @Test(arguments: ["relative/path", "/sandbox", "/run/lectern", "/proc/1", "/usr/../root"])
    func aReadOnlyPathOverTheSandboxsOwnPlacesIsRefused(_ path: String) async throws {
        await #expect(throws: SandboxError.self) {
            try await Bubblewrap().run(RunRequest(argv: ["true"], readOnlyPaths: [path]))
        }
    }

    @Test func aMissingFileToCopyIsReportedWithItsPath() async throws {
        await #expect(throws: SandboxError.unreadableFile(path: "/nonexistent/file.py", reason: "No such file or directory")) {
            try await Bubblewrap().run(RunRequest(argv: ["true"], files: ["a.py": .copy(URL(fileURLWithPath: "/nonexistent/file.py"))]))
        }
    }

    @Test(arguments: ["", "A=B", "NUL\0"])
    func anUnpassableVariableNameIsRefused(_ name: String) async throws {
        await #expect(throws: SandboxError.self) {
            try await Bubblewrap().run(RunRequest(argv: ["true"], environment: [name: "x"]))
        }
    }

    @Test func anEmptyCommandIsRefused() async throws {
        await #expect(throws: SandboxError.invalidRequest("empty argv")) {
            try await Bubblewrap().run(RunRequest(argv: []))
        }
    }

    @Test func aCommandNotOnThePathExitsWithStatus127() async throws {
        let result = try await Bubblewrap().run(RunRequest(argv: ["no-such-command-here"]))
        #expect(result.termination == .exited(127))
        #expect(String(decoding: result.stderr, as: UTF8.self).contains("no-such-command-here"))
    }
}
