// The cost of the sandbox: the median wall time of the same Python run sandboxed
// (Bubblewrap) and not (Unsandboxed), interleaved, and the time each bomb takes to be
// contained against its limit. Prints a markdown section for BENCHMARKS.md.
//
//     swift run -c release SandboxBenchmark [iterations]
import Foundation
import Sandbox

let iterations = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 40

struct Case {
    var name: String
    var request: RunRequest
}

let smallScript = """
    import json, sys
    nonce = sys.stdin.readline().strip()
    def breaker(threshold):
        failures = 0
        for _ in range(threshold):
            failures += 1
        return 'open' if failures >= threshold else 'closed'
    for i in range(20):
        print(json.dumps({"nonce": nonce, "id": f"s{i}", "obs": {"state": breaker(5)}}), file=open(3, 'w', closefd=False))
    """

// The run `lectern grade` makes for a Python submission: the reference and the hidden harness,
// a nonce on stdin, observations on fd 3 (run from the repository's root).
let exercise = URL(fileURLWithPath: "exercises/circuit-breaker/python")
let graded = Case(name: "a graded submission: circuit-breaker reference + harness, 40 scenarios", request: RunRequest(
    argv: ["python3", "-I", "-S", "harness/run.py"],
    files: [
        "submission/circuit_breaker.py": .copy(exercise.appendingPathComponent("reference/circuit_breaker.py")),
        "harness": .copy(exercise.appendingPathComponent("tests/harness")),
    ],
    stdin: Data("9f2c9f2c9f2c9f2c\n".utf8), observationChannel: true
))

var cases = [
    Case(name: "`true` (the sandbox alone)", request: RunRequest(argv: ["true"])),
    Case(name: "`python3 -I -c pass`", request: RunRequest(argv: ["python3", "-I", "-c", "pass"])),
    Case(name: "small script, stdin nonce, 20 records on fd 3", request: RunRequest(
        argv: ["python3", "-I", "main.py"], files: ["main.py": .data(Data(smallScript.utf8))],
        stdin: Data("9f2c\n".utf8), observationChannel: true
    )),
]
if FileManager.default.fileExists(atPath: exercise.path) { cases.append(graded) }

func median(_ values: [Duration]) -> Duration {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    return String(format: "%.1f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
}

func timed(_ sandbox: any Sandbox, _ request: RunRequest) async throws -> Duration {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try await sandbox.run(request)
    let elapsed = clock.now - start
    guard result.termination == .exited(0) else {
        throw SandboxError.hostFailure("\(sandbox.name) run ended \(result.termination): \(String(decoding: result.stderr, as: UTF8.self))")
    }
    return elapsed
}

let bubblewrap = Bubblewrap()
let unsandboxed = Unsandboxed()
/// The machine's 1-minute load average: the figures below stretch with it on a shared machine.
let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"

var lines = [
    "## Sandbox",
    "",
    "Median wall time of one run through `Sandbox.run` (staging, spawn, pumping, cleanup), the same",
    "request sandboxed and unsandboxed, \(iterations) interleaved runs each after 3 warm-ups",
    "(`Benchmarks/SandboxBenchmark/bench`; load average \(load) at the start).",
    "Goal: under 30 ms added per Python run.",
    "",
    "| run | unsandboxed | bubblewrap | added |",
    "| --- | ---: | ---: | ---: |",
]
for benchmark in cases {
    for _ in 0..<3 {
        _ = try await timed(unsandboxed, benchmark.request)
        _ = try await timed(bubblewrap, benchmark.request)
    }
    var plain: [Duration] = []
    var boxed: [Duration] = []
    for _ in 0..<iterations {
        plain.append(try await timed(unsandboxed, benchmark.request))
        boxed.append(try await timed(bubblewrap, benchmark.request))
    }
    let added = median(boxed) - median(plain)
    lines.append("| \(benchmark.name) | \(milliseconds(median(plain))) ms | \(milliseconds(median(boxed))) ms | \(milliseconds(added)) ms |")
}

struct Bomb {
    var name: String
    var code: String
    var limit: String
    var limits: Limits
}

let bombLimits = Limits.standard.with {
    $0.wallSeconds = 10
    $0.cpuSeconds = 2
    $0.memoryBytes = 256 << 20
    $0.processes = 32
    $0.outputBytes = 256 << 10
    $0.diskBytes = 32 << 20
}
let bombs = [
    Bomb(name: "infinite loop", code: "while True: pass", limit: "CPU 2 s", limits: bombLimits),
    Bomb(name: "sleep forever", code: "import time; time.sleep(3600)", limit: "wall 3 s", limits: bombLimits.with { $0.wallSeconds = 3 }),
    Bomb(name: "fork flood", code: "import os\nwhile True: os.fork()", limit: "32 processes", limits: bombLimits),
    Bomb(name: "memory bomb", code: "x = []\nwhile True: x.append(bytearray(1 << 20))", limit: "256 MiB", limits: bombLimits),
    Bomb(name: "output flood", code: "while True: print('x' * 4096)", limit: "256 KiB", limits: bombLimits),
    Bomb(name: "disk filler", code: "f = open('/tmp/fill', 'wb')\nwhile True: f.write(b'x' * 65536)", limit: "32 MiB", limits: bombLimits),
]
lines += [
    "",
    "Time for bubblewrap to contain each bomb (median of 5), against its limit:",
    "",
    "| bomb | limit | ended as | time to contain |",
    "| --- | --- | --- | ---: |",
]
for bomb in bombs {
    var times: [Duration] = []
    var ending = ""
    for _ in 0..<5 {
        let result = try await bubblewrap.run(RunRequest(
            argv: ["python3", "-I", "main.py"], files: ["main.py": .data(Data(bomb.code.utf8))], limits: bomb.limits
        ))
        times.append(result.wallTime)
        ending = "\(result.termination)"
    }
    lines.append("| \(bomb.name) | \(bomb.limit) | `\(ending)` | \(milliseconds(median(times))) ms |")
}
print(lines.joined(separator: "\n"))
