import Glibc
import Testing
@testable import Sandbox

/// A child gets exactly the descriptors its table names. A descriptor the grader holds
/// without close-on-exec (for a moment, on another thread) must not reach it, even when its
/// number is below the highest one named: with only 4 and 5 named, a leaked descriptor 3 would
/// sit inside the sandbox, and a folder's descriptor there is a way out of it.
@Suite struct SpawnDescriptorTests {
    @Test func aDescriptorTheTableDoesNotNameIsClosedEvenBelowTheNamedOnes() throws {
        let leaky = open("/dev/null", O_RDONLY)  // inheritable on purpose
        try #require(leaky >= 3)
        defer { close(leaky) }
        let null = open("/dev/null", O_RDWR | O_CLOEXEC)
        defer { close(null) }
        let output = try Pipe()
        defer { close(output.readEnd) }
        let spec = ChildSpec(
            executable: "/bin/sh",
            argv: ["sh", "-c", "if [ -e /proc/self/fd/\(leaky) ]; then echo open; else echo closed; fi; [ -e /proc/self/fd/\(leaky + 1) ] && echo named"],
            environment: [:], workingDirectory: nil,
            descriptors: [0: null, 1: output.writeEnd, 2: null, leaky + 1: null])
        let pid = try spawn(spec)
        close(output.writeEnd)
        var seen: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256)
        while true {
            let count = read(output.readEnd, &chunk, chunk.count)
            if count <= 0 { break }
            seen.append(contentsOf: chunk[0..<count])
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        #expect(String(decoding: seen, as: UTF8.self) == "closed\nnamed\n")
    }
}
