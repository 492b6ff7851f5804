import Foundation
import Glibc

/// Checks whether grading can be sandboxed on this machine, for `lectern doctor`: each check
/// runs something real (bubblewrap, python3 and swiftc inside the sandbox) and says what it
/// saw and, when something is wrong, how to fix it.
public struct SandboxDoctor: Sendable {
    /// One check's outcome.
    public struct Finding: Sendable, Equatable, Codable {
        public enum Status: String, Sendable, Codable {
            case ok
            /// Grading works, but something is worth knowing (e.g. no Swift toolchain: the Swift track cannot be graded).
            case warning
            /// Sandboxed grading cannot work until this is fixed.
            case failure
        }

        public var check: String
        public var status: Status
        public var detail: String

        public init(check: String, status: Status, detail: String) {
            self.check = check
            self.status = status
            self.detail = detail
        }
    }

    public var sandbox: Bubblewrap

    public init(sandbox: Bubblewrap = Bubblewrap()) {
        self.sandbox = sandbox
    }

    /// Whether every finding allows sandboxed grading.
    public static func canGrade(_ findings: [Finding]) -> Bool {
        !findings.contains { $0.status == .failure }
    }

    public func check() async -> [Finding] {
        let config = sandbox.configuration
        var findings: [Finding] = []
        findings.append(tool("bubblewrap", at: config.bwrapPath, missing: SandboxError.bwrapMissing(path: config.bwrapPath)))
        findings.append(tool("prlimit", at: config.prlimitPath, missing: .toolMissing(path: config.prlimitPath, package: "util-linux")))
        if getuid() == 0 {
            let setpriv = tool("setpriv", at: config.setprivPath, missing: .toolMissing(path: config.setprivPath, package: "util-linux"))
            findings.append(setpriv.status == .ok ? Finding(
                check: "setpriv", status: .ok,
                detail: "lectern runs as root, so bubblewrap is started as uid \(config.sandboxUser) through \(config.setprivPath)"
            ) : setpriv)
        }
        guard Self.canGrade(findings) else { return findings }

        let isolation = await probe("namespaces", RunRequest(argv: [
            "python3", "-I", "-c",
            "import os, socket; print(os.getuid(), sorted(n for _, n in socket.if_nameindex()), os.path.exists('/root'))",
        ], limits: Self.probeLimits))
        switch isolation {
        case .success(let result) where result.termination == .exited(0):
            let seen = String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if seen == "\(config.sandboxUser) ['lo'] False" {
                findings.append(Finding(check: "namespaces", status: .ok, detail: "user, pid, network, IPC and UTS namespaces work; inside: uid \(config.sandboxUser), loopback only, no host home"))
            } else {
                findings.append(Finding(check: "namespaces", status: .failure, detail: "the sandbox started but is not isolated as expected (saw: \(seen))"))
            }
        case .success(let result):
            findings.append(Finding(check: "namespaces", status: .failure, detail: "python3 -I failed inside the sandbox (\(result.termination)): \(Self.excerpt(result.stderr))"))
        case .failure(let error):
            findings.append(Finding(check: "namespaces", status: .failure, detail: error.description))
            return findings
        }

        findings.append(await version("python3", argv: ["python3", "-I", "-c", "import sys; print(sys.executable, sys.version.split()[0])"], required: true))
        findings.append(await version("swiftc", argv: ["swiftc", "--version"], required: false))
        return findings
    }

    static let probeLimits = Limits.standard.with { $0.wallSeconds = 30 }

    private func tool(_ name: String, at path: String, missing: SandboxError) -> Finding {
        access(path, X_OK) == 0
            ? Finding(check: name, status: .ok, detail: path)
            : Finding(check: name, status: .failure, detail: missing.description)
    }

    private func probe(_ name: String, _ request: RunRequest) async -> Result<RunResult, SandboxError> {
        do {
            return .success(try await sandbox.run(request))
        } catch {
            return .failure(error)
        }
    }

    private func version(_ name: String, argv: [String], required: Bool) async -> Finding {
        let outcome = await probe(name, RunRequest(argv: argv, limits: Self.probeLimits))
        if case .success(let result) = outcome, result.termination == .exited(0) {
            let line = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
            return Finding(check: name, status: .ok, detail: "inside the sandbox: \(line)")
        }
        let why: String
        switch outcome {
        case .success(let result): why = "\(result.termination): \(Self.excerpt(result.stderr))"
        case .failure(let error): why = error.description
        }
        let consequence = required ? "the Python track cannot be graded" : "the Swift track cannot be graded"
        return Finding(check: name, status: required ? .failure : .warning, detail: "\(argv[0]) does not run inside the sandbox (\(why)); \(consequence)")
    }

    private static func excerpt(_ data: Data) -> String {
        let text = String(decoding: data.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "no message" : text
    }
}

extension Limits {
    /// These limits with some changed.
    public func with(_ change: (inout Limits) -> Void) -> Limits {
        var copy = self
        change(&copy)
        return copy
    }
}
