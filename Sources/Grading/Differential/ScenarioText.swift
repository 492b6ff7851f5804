/// A differential finding as the learner reads it: a one-line message (what differs at which
/// step of which seed's sequence) and the scenario itself, step by step in the track's own
/// terms (the reference's descriptions), with what was expected and what happened at the
/// first difference. Values before the difference are the reference's own, equal to the
/// submission's; the submission's value appears only as "got", JSON-quoted.
struct ScenarioText {
    var message: String
    var scenario: String

    init(finding: Grader.Finding) {
        var steps = finding.reference.steps
        if case .differs(let divergence) = finding.problem { steps = Array(steps.prefix(divergence.step + 1)) }
        let origin = finding.seed.map { "seed \($0)" } ?? "a shrunk sequence"
        var lines: [String] = []
        var header = "A sequence of operations on which your code differs from the reference (\(origin)"
        if finding.shrunk {
            header += "; shrunk from \(finding.originalSteps) steps to \(steps.count)"
        } else if steps.count < finding.originalSteps {
            header += "; its first \(steps.count) of \(finding.originalSteps) steps"
        }
        lines.append(header + "):")
        if let setup = finding.reference.setup { lines.append("  " + setup) }
        switch finding.problem {
        case .differs(let divergence):
            for (index, step) in steps.enumerated() {
                lines.append("  \(index + 1). \(step.text ?? "(step \(index + 1))")")
                if index < divergence.step {
                    if !step.see.isEmpty { lines.append("       " + Self.summary(step.see)) }
                    continue
                }
                let agreed = step.see.prefix { $0.key != divergence.key }
                if !agreed.isEmpty { lines.append("       " + Self.summary(Array(agreed))) }
                lines.append("       " + Self.difference(divergence))
            }
            if divergence.step >= steps.count { lines.append("  " + Self.difference(divergence)) }
            message = "differs from the reference at step \(divergence.step + 1) of a random sequence (\(origin)): "
                + Self.difference(divergence)
        case .raised(let what):
            let shown = steps.prefix(12)
            for (index, step) in shown.enumerated() {
                lines.append("  \(index + 1). \(step.text ?? "(step \(index + 1))")")
            }
            if steps.count > shown.count { lines.append("  … and \(steps.count - shown.count) more steps") }
            lines.append("  your code did not finish this sequence: \(what)")
            message = "did not finish a random sequence (\(origin)): \(what)"
        }
        scenario = lines.joined(separator: "\n")
    }

    /// Observations as `key: value; key: value`, strings unquoted.
    static func summary(_ see: [Trace.Observation]) -> String {
        see.map { "\($0.key): \(plain($0.value))" }.joined(separator: "; ")
    }

    static func difference(_ divergence: Divergence) -> String {
        guard let key = divergence.key else { return "expected this step, got nothing (the sequence ended early)" }
        let expected = divergence.expected.map(\.description) ?? "nothing"
        let got = divergence.actual.map(\.description) ?? "nothing"
        return "\(key): expected \(expected), got \(got)"
    }

    private static func plain(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return value.description
    }
}
