import Foundation
import Sandbox

/// A run of `code` as `main.py` under Debian's python3, isolated mode.
func runPython(
    _ code: String,
    in sandbox: any Sandbox = Bubblewrap(),
    limits: Limits = .standard,
    environment: [String: String] = [:],
    stdin: String = "",
    channel: Bool = false,
    files: [String: FileSource] = [:],
    collect: [String] = []
) async throws -> RunResult {
    var all = files
    all["main.py"] = .data(Data(code.utf8))
    return try await sandbox.run(RunRequest(
        argv: ["python3", "-I", "main.py"], files: all, collect: collect,
        environment: environment, stdin: Data(stdin.utf8),
        observationChannel: channel, limits: limits
    ))
}

extension RunResult {
    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    var channelText: String { String(decoding: channel, as: UTF8.self) }
}
