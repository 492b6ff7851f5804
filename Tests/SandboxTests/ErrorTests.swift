import Foundation
import Sandbox
import TestSupport
import Testing

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

    /// A stand-in for bwrap that fails its setup the way bwrap does, with `message` on stderr.
    /// Written with O_CLOEXEC: a write descriptor inherited by a child that another test forks
    /// at the same moment would make executing the script fail with "Text file busy".
    static func failingBwrap(_ message: String, in folder: TemporaryFolder) throws -> Bubblewrap {
        let script = folder.url.appendingPathComponent("bwrap")
        let fd = open(script.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        let bytes = Array("#!/bin/sh\necho '\(message)' >&2\nexit 1\n".utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { throw CocoaError(.fileWriteUnknown) }
        chmod(folder.url.path, 0o755)
        chmod(script.path, 0o755)
        var configuration = Bubblewrap.Configuration()
        configuration.bwrapPath = script.path
        return Bubblewrap(configuration: configuration)
    }

    @Test func aBwrapThatCannotCreateNamespacesIsReportedWithHowToEnableThem() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let message = "bwrap: No permissions to create new namespace, likely because the kernel does not allow non-privileged user namespaces."
        let error = await #expect(throws: SandboxError.self) {
            try await Self.failingBwrap(message, in: folder).run(RunRequest(argv: ["true"]))
        }
        #expect(error == .namespacesUnavailable(message))
        #expect(error?.description.contains("unprivileged_userns_clone") == true)
    }

    @Test func aBwrapFailingForAnotherReasonSaysWhatItSaid() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let error = await #expect(throws: SandboxError.self) {
            try await Self.failingBwrap("bwrap: Failed to mount tmpfs on /newroot/sandbox: No space left on device", in: folder)
                .run(RunRequest(argv: ["true"]))
        }
        #expect(error == .hostFailure("bubblewrap could not set the sandbox up: bwrap: Failed to mount tmpfs on /newroot/sandbox: No space left on device"))
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
