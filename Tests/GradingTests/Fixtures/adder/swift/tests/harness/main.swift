// Fixture harness: reads the nonce, then reports observations of the learner's add on fd 3.
#if canImport(Glibc)
import Glibc
#endif

let nonce = readLine() ?? ""
let ids = Array(CommandLine.arguments.dropFirst())
let scenarios: [String: () -> String] = [
    "small": { "{\"sum\": \(add(2, 3))}" },
    "negative": { "{\"sum\": \(add(-2, -3)), \"mixed\": \(add(5, -3))}" },
    "large": { "{\"sum\": \(add(1_000_000, 1))}" },
]
for id in ids {
    let body = scenarios[id].map { "\"obs\": " + $0() } ?? "\"error\": {\"type\": \"UnknownScenario\", \"message\": \"\(id)\"}"
    let line = Array("{\"nonce\": \"\(nonce)\", \"id\": \"\(id)\", \(body)}\n".utf8)
    _ = line.withUnsafeBytes { write(3, $0.baseAddress, $0.count) }
}
