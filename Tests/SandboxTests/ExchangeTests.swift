import Foundation
import Sandbox
import TestSupport
import Testing

/// What goes into a run and what comes back out: files, stdin, the fd-3 channel, collected files.
@Suite struct ExchangeTests {
    @Test func stdinReachesTheCommand() async throws {
        let result = try await runPython("import sys; print(sys.stdin.readline().strip()[::-1])", stdin: "9f2c\n")
        #expect(result.stdoutText == "c2f9\n")
    }

    @Test func whatTheCommandWritesOnDescriptor3ComesBackAsTheChannel() async throws {
        let result = try await runPython(
            "import os\nos.write(3, b'{\"id\": 1}\\n')\nos.write(3, b'{\"id\": 2}\\n')",
            channel: true
        )
        #expect(result.channelText == "{\"id\": 1}\n{\"id\": 2}\n")
        #expect(!result.channelTruncated)
    }

    @Test func withoutAChannelDescriptor3IsClosed() async throws {
        let result = try await runPython("""
            import os
            for fd in (3, 4, 5, 6):
                try:
                    os.fstat(fd)
                    print(fd, 'open')
                except OSError:
                    print(fd, 'closed')
            """)
        #expect(result.stdoutText == "3 closed\n4 closed\n5 closed\n6 closed\n")
    }

    @Test func withAChannelOnlyDescriptors0To3AreOpen() async throws {
        let result = try await runPython("import os; print(sorted(int(f) for f in os.listdir('/proc/self/fd')))", channel: true)
        // listdir itself holds one more descriptor while it reads.
        #expect(result.stdoutText == "[0, 1, 2, 3, 4]\n" || result.stdoutText == "[0, 1, 2, 3]\n")
    }

    @Test func collectedFilesComeBackByteForByte() async throws {
        let bytes = Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let result = try await runPython(
            "import shutil; shutil.copy('in.bin', 'out/copy.bin'.replace('out/', '')); open('second.txt', 'w').write('two')",
            files: ["in.bin": .data(bytes)],
            collect: ["copy.bin", "second.txt"]
        )
        #expect(result.termination == .exited(0))
        #expect(result.collected["copy.bin"] == bytes)
        #expect(result.collected["second.txt"] == Data("two".utf8))
    }

    @Test func aMissingLinkedOrSpecialCollectedPathIsAbsent() async throws {
        let result = try await runPython(
            "import os; os.symlink('/usr/bin/python3', 'link'); os.mkfifo('fifo'); os.mkdir('dir'); open('real', 'w').write('r')",
            collect: ["missing", "link", "fifo", "dir", "real"]
        )
        #expect(result.collected == ["real": Data("r".utf8)])
    }

    @Test func junkWrittenToTheLauncherStreamCannotForgeCollectedFiles() async throws {
        let result = try await runPython("""
            import os
            open('real', 'w').write('genuine')
            forged = 0
            for pid in os.listdir('/proc'):
                if not pid.isdigit() or int(pid) == os.getpid():
                    continue
                try:
                    fds = [int(n) for n in os.listdir(f'/proc/{pid}/fd')]
                except OSError:
                    continue
                for n in fds:
                    if n <= 3:
                        continue
                    try:
                        fd = os.open(f'/proc/{pid}/fd/{n}', os.O_WRONLY | os.O_NONBLOCK)
                        os.write(fd, b'\\nlectern-trailer 0 999999 6\\n0m0.0s 0m0.0s\\n0m0.0s 0m0.0s\\nforged')
                        forged += 1
                    except OSError:
                        pass
            """, collect: ["real"])
        // As root, the grader's pipes are not even reopenable by the sandbox user; otherwise the
        // forgery lands before the launcher's own trailer and is ignored (LauncherReportTests).
        #expect(result.termination == .exited(0))
        #expect(result.collected == ["real": Data("genuine".utf8)])
    }

    @Test func aCopiedFolderKeepsFilesModesAndLinksAndSkipsFIFOs() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let tool = folder.url.appendingPathComponent("tool.sh")
        try Data("#!/bin/sh\necho ok\n".utf8).write(to: tool)
        chmod(tool.path, 0o755)
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("alias").path, withDestinationPath: "tool.sh")
        mkfifo(folder.url.appendingPathComponent("pipe").path, 0o644)
        let result = try await Bubblewrap().run(RunRequest(
            argv: ["sh", "-c", "ls in; in/alias"], files: ["in": .copy(folder.url)]
        ))
        #expect(result.termination == .exited(0))
        #expect(String(decoding: result.stdout, as: UTF8.self) == "alias\ntool.sh\nok\n")
    }

    @Test func anExecutableFileCanBeRun() async throws {
        let result = try await Bubblewrap().run(RunRequest(
            argv: ["./tool"], files: ["tool": .executable(Data("#!/bin/sh\necho tool ran\n".utf8))]
        ))
        #expect(result.termination == .exited(0))
        #expect(String(decoding: result.stdout, as: UTF8.self) == "tool ran\n")
    }

    @Test func aSwiftProgramCompilesInOneRunAndItsBinaryRunsInTheNext() async throws {
        let sandbox = Bubblewrap()
        let compileLimits = Limits.standard.with {
            $0.wallSeconds = 120
            $0.cpuSeconds = 120
            $0.memoryBytes = 4 << 30
            $0.diskBytes = 256 << 20
        }
        let compiled = try await sandbox.run(RunRequest(
            argv: ["swiftc", "-swift-version", "6", "-module-name", "Hello", "-o", "runner", "main.swift"],
            files: ["main.swift": .data(Data("print(\"hello from swift\", CommandLine.arguments.count)\n".utf8))],
            collect: ["runner"],
            limits: compileLimits
        ))
        #expect(compiled.termination == .exited(0), "\(String(decoding: compiled.stderr, as: UTF8.self))")
        let binary = try #require(compiled.collected["runner"])
        let ran = try await sandbox.run(RunRequest(argv: ["./runner", "x"], files: ["runner": .executable(binary)]))
        #expect(ran.termination == .exited(0), "\(String(decoding: ran.stderr, as: UTF8.self))")
        #expect(String(decoding: ran.stdout, as: UTF8.self) == "hello from swift 2\n")
    }
}
