import Foundation
import Sandbox
import TestSupport
import Testing

/// What a command inside bubblewrap can see and do: only its own files, no network, no
/// grader environment, no privilege.
@Suite struct IsolationTests {
    @Test func aVariableOfTheGraderIsAbsentInside() async throws {
        setenv("LECTERN_TEST_SECRET", "hunter2", 1)
        let result = try await runPython(
            "import os; print(sorted(os.environ.items()))",
            environment: ["GIVEN": "yes"]
        )
        #expect(result.termination == .exited(0))
        #expect(!result.stdoutText.contains("hunter2"))
        #expect(!result.stdoutText.contains("LECTERN_TEST_SECRET"))
        #expect(result.stdoutText.contains("('GIVEN', 'yes')"))
        let names = result.stdoutText.matches(of: /\('([A-Z_]+)'/).map { String($0.1) }
        #expect(Set(names) == ["GIVEN", "HOME", "LANG", "PATH", "TMPDIR"])
    }

    @Test func aListenerOnTheHostLoopbackCannotBeReached() async throws {
        let listener = try LoopbackListener()
        defer { listener.close() }
        #expect(listener.acceptsConnections(), "the listener itself must work for this test to mean anything")
        let result = try await runPython("""
            import socket
            s = socket.socket()
            s.settimeout(2)
            try:
                s.connect(("127.0.0.1", \(listener.port)))
                print("connected")
            except OSError as e:
                print("refused", e.errno)
            """)
        #expect(result.termination == .exited(0))
        #expect(result.stdoutText.hasPrefix("refused"))
    }

    @Test func cannotKillItsLauncher() async throws {
        let result = try await runPython("""
            import os, signal
            os.kill(1, signal.SIGKILL)
            os.kill(1, signal.SIGTERM)
            print('still here')
            """, collect: ["main.py"])
        #expect(result.termination == .exited(0))
        #expect(result.stdoutText == "still here\n")
        #expect(result.collected["main.py"] != nil, "the launcher survived to collect")
    }

    @Test func anExtraReadOnlyPathIsVisibleButNotWritable() async throws {
        // Not under /tmp, which inside is the sandbox's own, nor under the checkout, which may
        // itself live under /tmp or in a home the sandbox's user cannot enter.
        let folder = TemporaryFolder(in: URL(fileURLWithPath: "/var/tmp"))
        defer { folder.remove() }
        try Data("shared".utf8).write(to: folder.url.appendingPathComponent("data.txt"))
        let path = folder.url.path
        let result = try await Bubblewrap().run(RunRequest(
            argv: ["python3", "-I", "-c", """
                import sys
                print(open(sys.argv[1] + '/data.txt').read())
                try:
                    open(sys.argv[1] + '/new.txt', 'w')
                except OSError as e:
                    print('denied')
                """, path],
            readOnlyPaths: [path]
        ))
        #expect(String(decoding: result.stdout, as: UTF8.self) == "shared\ndenied\n")
        #expect(!FileManager.default.fileExists(atPath: path + "/new.txt"))
    }

    @Test func onlyTheLoopbackInterfaceExists() async throws {
        let result = try await runPython("import socket; print(sorted(n for _, n in socket.if_nameindex()))")
        #expect(result.stdoutText == "['lo']\n")
    }

    @Test(arguments: ["/root", "/work", "/home", "/opt/swift-packages", "/etc/passwd", "/etc/shadow", "/var", "/srv", "/mnt"])
    func hostPathsAreNotThere(_ path: String) async throws {
        let result = try await runPython("import os; print(os.path.lexists(\(pythonString(path))))")
        #expect(result.stdoutText == "False\n")
    }

    @Test func theRepositoryCheckoutIsNotThere() async throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let result = try await runPython("import os; print(os.path.lexists(\(pythonString(repository))), os.path.lexists(\(pythonString(repository + "/Package.swift"))))")
        #expect(result.stdoutText == "False False\n")
    }

    @Test func theWorkDirHoldsOnlyTheRequestFiles() async throws {
        let result = try await runPython(
            "import os; print(os.getcwd(), sorted(os.listdir('.')), sorted(os.listdir('sub')))",
            files: ["sub/data.txt": .data(Data("x".utf8))]
        )
        #expect(result.stdoutText == "/sandbox/work ['main.py', 'sub'] ['data.txt']\n")
    }

    @Test func runsAsTheUnprivilegedUserWithNoCapabilities() async throws {
        let result = try await runPython("""
            import os
            caps = [l.split()[1] for l in open('/proc/self/status') if l.startswith(('CapEff', 'CapPrm', 'CapAmb'))]
            print(os.getuid(), os.getgid(), os.geteuid(), caps)
            """)
        #expect(result.stdoutText == "65534 65534 65534 ['0000000000000000', '0000000000000000', '0000000000000000']\n")
    }

    @Test func seesOnlyItsOwnProcesses() async throws {
        let result = try await runPython("import os; print(len([p for p in os.listdir('/proc') if p.isdigit()]), os.getpid() > 1)")
        // The launcher shell (the namespace's init) and python itself.
        #expect(result.stdoutText == "2 True\n")
    }

    @Test(arguments: ["/usr/x", "/x", "/run/lectern/x", "/run/lectern/input/x", "/dev/x", "/opt/swift/x", "/proc/x"])
    func cannotWriteOutsideItsTmpfs(_ path: String) async throws {
        let result = try await runPython("""
            try:
                open(\(pythonString(path)), 'w').write('x')
                print('wrote')
            except OSError as e:
                print('denied', e.strerror)
            """)
        #expect(result.stdoutText.hasPrefix("denied"))
    }

    @Test func writesInsideTheWorkDirHomeAndTmp() async throws {
        let result = try await runPython("""
            import os, tempfile
            for d in ('.', os.environ['HOME'], tempfile.gettempdir(), '/tmp'):
                open(os.path.join(d, 'f'), 'w').write('x')
            print('ok', tempfile.gettempdir())
            """)
        #expect(result.stdoutText == "ok /sandbox/tmp\n")
    }

    @Test func cannotCreateFurtherUserNamespaces() async throws {
        let result = try await runPython("""
            import ctypes
            libc = ctypes.CDLL(None, use_errno=True)
            CLONE_NEWUSER = 0x10000000
            print('unshared' if libc.unshare(CLONE_NEWUSER) == 0 else 'denied')
            """)
        #expect(result.stdoutText == "denied\n")
    }

    @Test func aLinkInACopiedFolderIsCopiedAsALinkNotFollowed() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let secret = folder.url.appendingPathComponent("secret.txt")
        try Data("host-only".utf8).write(to: secret)
        let submission = folder.url.appendingPathComponent("submission")
        try FileManager.default.createDirectory(at: submission, withIntermediateDirectories: true)
        try Data("ok".utf8).write(to: submission.appendingPathComponent("a.txt"))
        try FileManager.default.createSymbolicLink(atPath: submission.appendingPathComponent("leak").path, withDestinationPath: secret.path)
        let result = try await runPython("""
            import os
            print(open('submission/a.txt').read(), os.path.islink('submission/leak'), os.path.exists('submission/leak'))
            """, files: ["submission": .copy(submission)])
        #expect(result.stdoutText == "ok True False\n")
    }
}

/// `text` as a Python string literal.
func pythonString(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
}
