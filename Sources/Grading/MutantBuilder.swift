import Foundation
import Glibc
import Sandbox

/// Builds a mutant's source from its patch: GNU `patch` applies the unified diff to the
/// track's reference with no fuzz. Mutants are kept as patches so that a change to the
/// reference is made once, not once per mutant, and each file shows just its bug.
///
/// `patch` runs through the given sandbox, like every other run over a course's files
/// (inside bubblewrap it is the host's `/usr/bin/patch`, bound read-only with `/usr`).
public struct MutantBuilder: Sendable {
    public var sandbox: any Sandbox
    /// GNU patch (Debian package `patch`).
    public var patchPath: String

    public init(sandbox: any Sandbox, patchPath: String = "/usr/bin/patch") {
        self.sandbox = sandbox
        self.patchPath = patchPath
    }

    /// Why a patch gave no mutant.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// There is no GNU patch at this path.
        case patchMissing(path: String)
        /// The patch does not apply to the reference: patch's own message, and the line of
        /// the patch file where its first failing hunk starts (1 when patch names no hunk).
        case doesNotApply(message: String, line: Int)

        public var description: String {
            switch self {
            case .patchMissing(let path):
                "mutants are built with GNU patch, but there is no executable at \(path); install the Debian package `patch`"
            case .doesNotApply(let message, _): message
            }
        }
    }

    /// Whether `patch` is there to run.
    public var isAvailable: Bool { access(patchPath, X_OK) == 0 }

    /// The options `patch` gets: no fuzz (a hunk applies where its context matches exactly,
    /// at most shifted), never a question, a reversed-looking patch is not reversed, and no
    /// backup or reject files.
    static let options = ["--force", "--fuzz=0", "--no-backup-if-mismatch", "--reject-file=-"]

    /// The reference with `patch` applied, or why it does not apply. Throws only when the
    /// sandbox cannot run at all.
    public func build(_ patch: URL, reference: URL) async throws(GradingError) -> Result<Data, Failure> {
        guard isAvailable else { return .failure(.patchMissing(path: patchPath)) }
        let request = RunRequest(
            argv: [patchPath] + Self.options + ["--output=mutant", "reference", "mutant.patch"],
            files: ["reference": .copy(reference), "mutant.patch": .copy(patch)],
            collect: ["mutant"], limits: .standard)
        let result: RunResult
        do throws(SandboxError) {
            result = try await sandbox.run(request)
        } catch {
            throw .sandbox(error)
        }
        if result.termination.isSuccess, let source = result.collected["mutant"] {
            return .success(source)
        }
        let said = Self.message(result.stdout + result.stderr)
        let message = said.isEmpty ? "patch ended with \(result.termination) and no message" : said
        return .failure(.doesNotApply(message: message, line: Self.failedHunkLine(message, patch: patch)))
    }

    /// What `patch` said, on one line, without its "patching file …" progress lines.
    static func message(_ output: Data) -> String {
        String(decoding: output, as: UTF8.self).split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("patching file ") }
            .map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
            .joined(separator: "; ")
    }

    /// The line of the patch file where the first hunk that patch reports FAILED starts, so
    /// the diagnostic points at it; 1 when patch names no hunk.
    static func failedHunkLine(_ message: String, patch: URL) -> Int {
        guard let range = message.range(of: #"Hunk #(\d+) FAILED"#, options: .regularExpression),
              let hunk = Int(message[range].dropFirst("Hunk #".count).prefix { $0.isNumber }),
              let text = try? String(contentsOf: patch, encoding: .utf8) else { return 1 }
        var seen = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.hasPrefix("@@ ") {
            seen += 1
            if seen == hunk { return index + 1 }
        }
        return 1
    }

    /// A patch's bug, from its first line ("Bug: …", the "Bug:" dropped); "not described"
    /// when the file starts with the diff itself.
    public static func bug(of patch: URL) -> String {
        let text = (try? String(contentsOf: patch, encoding: .utf8)) ?? ""
        let first = (text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            .trimmingCharacters(in: .whitespaces)
        if first.isEmpty || ["--- ", "diff ", "@@ ", "Index: "].contains(where: first.hasPrefix) { return "not described" }
        let bug = first.hasPrefix("Bug:") ? first.dropFirst(4).trimmingCharacters(in: .whitespaces) : first
        return bug.isEmpty ? "not described" : bug
    }
}
