import Foundation
import Glibc

/// The fixed shell script that bubblewrap runs as the sandbox's first process. It copies the
/// staged input into the tmpfs, runs the command under `prlimit` with fd 4 closed, kills every
/// other process of the run, then writes the collected files and a trailer line to fd 4:
///
///     lectern-ready\n  <learner bytes, if any reached fd 4>  <file bytes…>
///     lectern-trailer <status> <free bytes> <size or -> …\n
///     <the shell's own user and system CPU>\n
///     <its children's user and system CPU>\n
///
/// (the last two lines as the shell's `times` prints them, e.g. `0m1.250000s 0m0.010000s`).
///
/// The command cannot write fd 4 directly, but could reach it through `/proc`; anything it
/// writes there comes before the launcher's own bytes (it is dead by then), so the trailer is
/// read from the end and the files just before it.
enum Launcher {
    /// Processes of the run that are not the command's: this shell, the pid namespace's init.
    static let processesOfItsOwn = 1
    static let readyLine = "lectern-ready\n"
    static let trailerPrefix = "lectern-trailer "

    static let script = """
        exec 5>&-
        unset PWD OLDPWD
        printf 'lectern-ready\\n' >&4
        if ! cp -R /run/lectern/input/. . 2>/dev/null; then printf '\\nlectern-trailer setup 0\\n' >&4; times >&4; exit 125; fi
        "$@" 4>&-
        status=$?
        kill -s KILL -1 2>/dev/null
        sizes=''
        while IFS= read -r path; do
          if [ -f "$path" ] && [ ! -h "$path" ]; then
            size=$(wc -c < "$path") && cat -- "$path" >&4 && sizes="$sizes $size" || sizes="$sizes -"
          else
            sizes="$sizes -"
          fi
        done < /run/lectern/collect
        free=-
        if [ "$status" -ne 0 ]; then free=$(stat -f -c '%a %S' /sandbox | { read -r blocks size; echo $((blocks * size)); }); fi
        printf '\\nlectern-trailer %s %s%s\\n' "$status" "$free" "$sizes" >&4
        times >&4
        exit $status
        """

    /// The sandbox's command line after bubblewrap's options.
    static func arguments(prlimit: String, limits: [String], argv: [String]) -> [String] {
        ["--", "/bin/sh", "-c", script, "lectern-launcher", prlimit] + limits + ["--"] + argv
    }

    /// The command's own status from the launcher's: a shell reports death by signal n as
    /// exit status 128 + n, so that is read back as the signal. (A command that exits with
    /// such a status by itself is reported as killed by that signal.)
    static func commandStatus(_ launcher: RawStatus) -> RawStatus {
        if case .exited(let code) = launcher, code > 128, code < 128 + 65 {
            return .signaled(code - 128)
        }
        return launcher
    }
}

/// What the launcher wrote on fd 4, read defensively: from the end, bounded, and verified
/// against the request's collect list.
struct LauncherReport {
    var started = false
    var setupFailed = false
    var freeBytes: Int?
    /// CPU time of the command and every process of the run that ended before it.
    var cpuTime: Duration?
    var collected: [String: Data] = [:]

    init(parsing data: Data, collect: [String]) {
        let ready = Data(Launcher.readyLine.utf8)
        guard data.starts(with: ready) else { return }
        started = true
        // The last three lines: the trailer, then the shell's `times`.
        var lineStarts: [Data.Index] = []
        var end = data.endIndex
        for _ in 0..<3 {
            guard end > data.startIndex, data[end - 1] == UInt8(ascii: "\n") else { return }
            let start = data[..<(end - 1)].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? data.startIndex
            lineStarts.append(start)
            end = start
        }
        let trailerStart = lineStarts[2]
        let line = String(decoding: data[trailerStart..<(lineStarts[1] - 1)], as: UTF8.self)
        let times = String(decoding: data[lineStarts[0]..<(data.endIndex - 1)], as: UTF8.self).split(separator: " ")
        guard line.hasPrefix(Launcher.trailerPrefix) else { return }
        let fields = line.dropFirst(Launcher.trailerPrefix.count).split(separator: " ").map(String.init)
        guard fields.count >= 2 else { return }
        if fields[0] == "setup" {
            setupFailed = true
            return
        }
        freeBytes = Int(fields[1])
        if times.count == 2, let user = Self.shellTime(String(times[0])), let system = Self.shellTime(String(times[1])) {
            cpuTime = user + system
        }
        let sizes = fields.dropFirst(2).map { Int($0) }
        guard sizes.count == collect.count else { return }
        // The files end just before the newline that precedes the trailer.
        end = trailerStart - 1
        var files: [String: Data] = [:]
        for (path, size) in zip(collect, sizes).reversed() {
            guard let size else { continue }
            guard size >= 0, end - size >= data.startIndex + ready.count else { return }
            files[path] = Data(data[(end - size)..<end])
            end -= size
        }
        collected = files
    }

    /// A duration as dash's `times` prints it: `<minutes>m<seconds>s`, e.g. `1m2.500000s`.
    static func shellTime(_ text: String) -> Duration? {
        guard text.hasSuffix("s"), let m = text.firstIndex(of: "m"),
              let minutes = Int(text[..<m]),
              let seconds = Double(text[text.index(after: m)..<text.index(before: text.endIndex)])
        else { return nil }
        return .seconds(minutes * 60) + .seconds(seconds)
    }
}
