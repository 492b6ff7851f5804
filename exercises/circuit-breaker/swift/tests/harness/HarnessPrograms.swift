extension LecternHarness {
    /// Seeded random programs for the differential scenarios (docs/grading-protocol.md): a
    /// configuration (every field away from its default, `isExpectedError` deciding by the
    /// error's value) and operations on one breaker: calls whose operation returns, throws an
    /// expected or an unexpected error, throws `CancellationError` itself, waits until
    /// released (and so may run past its deadline or be cancelled) or sleeps on the clock;
    /// releases; cancellations; clock advances; reads of the state and the stats;
    /// configurations tried with edge values. SplitMix64 makes a seed's program the same
    /// on every machine. The grader shrinks a program by dropping operations, so the
    /// interpreter accepts any subsequence of one.
    enum Programs {
        /// What `isExpectedError` expects, by name: each decides by the error's value.
        static let profiles = ["boom", "server", "not_other", "odd_boom", "none"]
        /// The errors an operation may throw: a kind and a code.
        static let errors: [(String, Int)] = [("Boom", 1), ("Boom", 2), ("Other", 1), ("HTTPStatus", 503), ("HTTPStatus", 404)]

        static func isExpected(_ kind: String, _ code: Int, profile: String) -> Bool {
            switch profile {
            case "boom": return kind == "Boom"
            case "server": return kind == "HTTPStatus" && code >= 500
            case "not_other": return kind != "Other"
            case "odd_boom": return kind == "Boom" && code % 2 == 1
            case "none": return false
            default: return true
            }
        }

        /// Configurations tried with edge values: the fields given, as the program spells them.
        static let trials: [[(String, JSON)]] = [
            [("failure_threshold", 0)], [("failure_threshold", -1)], [("failure_threshold", "min")], [("failure_threshold", 1)],
            [("success_threshold", 0)], [("success_threshold", -1)], [("success_threshold", 1)],
            [("recovery_timeout", -1.0)], [("recovery_timeout", -0.000000001)], [("recovery_timeout", 0.0)],
            [("timeout", 0.0)], [("timeout", -1.0)], [("timeout", 0.000000001)],
            [("failure_threshold", 0), ("recovery_timeout", -1.0)], [("recovery_timeout", -1.0), ("success_threshold", 0)],
            [("success_threshold", 0), ("timeout", 0.0)], [("failure_threshold", -2), ("timeout", -1.0)],
        ]

        static func generate(seed: UInt64) -> JSON {
            var builder = Builder(seed: seed)
            let config: [(String, JSON)] = [
                ("failure_threshold", .int(builder.pick([1, 2, 2, 3, 4, 6]))),
                ("recovery_timeout", .double(builder.pick([0.0, 2.5, 5.0, 5.0, 12.5]))),
                ("success_threshold", .int(builder.pick([1, 2, 2, 4]))),
                ("timeout", .double(builder.pick([0.75, 2.0, 4.5]))),
                ("expected", .string(builder.pick(profiles))),
            ]
            builder.configure(config)
            let length = builder.int(16...44)
            while builder.ops.count < length {
                switch builder.weighted([40, 15, 14, 12, 8, 6, 2, 5]) {
                case 0: builder.single()
                case 1: builder.failures()
                case 2: builder.waitForRecovery()
                case 3: builder.probes()
                case 4: builder.overlap()
                case 5: builder.read()
                case 6: builder.configTrial()
                default: builder.reopeningWave()
                }
            }
            // Configurations tried with edge values, at random places: a handful in every
            // program, so that the fixed seeds together try each of them.
            for _ in 0..<4 {
                let trial = JSON.object([("op", "config"), ("fields", .object(builder.pick(Programs.trials)))])
                builder.ops.insert(trial, at: builder.int(0...builder.ops.count))
            }
            return .object([("config", .object(config)), ("ops", .array(builder.ops))])
        }

        /// Appends operations, keeping the time line: no sleeping operation wakes at an
        /// instant when a deadline passes or another one wakes (their order would be chance).
        struct Builder {
            var state: UInt64
            var ops: [JSON] = []
            var now = 0.0
            var calls = 0
            var waiting: [Int] = []
            var deadlines: Set<Double> = []
            var sleepEnds: Set<Double> = []
            var failureThreshold = 1
            var successThreshold = 1
            var recovery = 0.0
            var timeout = 1.0
            var expected: [(String, Int)] = []
            var unexpected: [(String, Int)] = []

            init(seed: UInt64) { state = seed }

            mutating func next() -> UInt64 {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return z ^ (z >> 31)
            }

            mutating func int(_ range: ClosedRange<Int>) -> Int {
                range.lowerBound + Int(next() % UInt64(range.count))
            }

            mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

            mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }

            mutating func weighted(_ weights: [Int]) -> Int {
                var roll = int(0...(weights.reduce(0, +) - 1))
                for (index, weight) in weights.enumerated() {
                    if roll < weight { return index }
                    roll -= weight
                }
                return weights.count - 1
            }

            mutating func configure(_ config: [(String, JSON)]) {
                let fields = Dictionary(config, uniquingKeysWith: { first, _ in first })
                failureThreshold = fields["failure_threshold"]?.int ?? 1
                successThreshold = fields["success_threshold"]?.int ?? 1
                recovery = fields["recovery_timeout"]?.number ?? 0
                timeout = fields["timeout"]?.number ?? 1
                let profile = fields["expected"]?.string ?? ""
                expected = Programs.errors.filter { Programs.isExpected($0.0, $0.1, profile: profile) }
                unexpected = Programs.errors.filter { !Programs.isExpected($0.0, $0.1, profile: profile) }
            }

            mutating func error(expected wanted: Bool) -> (String, Int) {
                let pool = wanted && !expected.isEmpty ? expected : unexpected.isEmpty ? expected : unexpected
                return pick(pool)
            }

            mutating func advance(_ seconds: Double) {
                now += seconds
                ops.append(.object([("op", "advance"), ("by", .double(seconds))]))
            }

            @discardableResult
            mutating func call(_ does: String, error: (String, Int)? = nil) -> Int {
                if sleepEnds.contains(now + timeout) { advance(0.25) }
                calls += 1
                var op: [(String, JSON)] = [("op", "call"), ("id", .int(calls))]
                var kind = does
                if does == "sleep" {
                    kind = "return"
                    var lengths = [0.25, 0.5, 1.25, 2.75, 3.5, 5.25]
                    while !lengths.isEmpty {
                        let length = lengths.remove(at: int(0...(lengths.count - 1)))
                        let end = now + length
                        if !deadlines.contains(end) && !sleepEnds.contains(end) && length != timeout {
                            kind = "sleep"
                            op.append(("seconds", .double(length)))
                            sleepEnds.insert(end)
                            break
                        }
                    }
                }
                op.insert(("does", .string(kind)), at: 2)
                if let error {
                    op.append(("error", .string(error.0)))
                    op.append(("code", .int(error.1)))
                }
                if kind == "wait" { waiting.append(calls) }
                deadlines.insert(now + timeout)
                ops.append(.object(op))
                return calls
            }

            mutating func finish(_ call: Int, _ outcome: String) {
                waiting.removeAll { $0 == call }
                var op: [(String, JSON)] = [("op", "finish"), ("id", .int(call))]
                if outcome == "return" {
                    op.append(("does", "return"))
                } else {
                    let (kind, code) = error(expected: outcome == "expected")
                    op += [("does", "throw"), ("error", .string(kind)), ("code", .int(code))]
                }
                ops.append(.object(op))
            }

            mutating func cancel(_ call: Int) {
                ops.append(.object([("op", "cancel"), ("id", .int(call))]))
            }

            mutating func someCall() {
                switch weighted([30, 30, 9, 4, 19, 8]) {
                case 0: call("return")
                case 1: call("throw", error: error(expected: true))
                case 2: call("throw", error: error(expected: false))
                case 3: call("cancel_itself")
                case 4: call("wait")
                default: call("sleep")
                }
            }

            mutating func someAdvance() {
                var choices = [0.25, 0.5, 1.0, 2.5, timeout, timeout, 0.0078125, 0.1015625]
                if recovery > 0 { choices += [recovery, recovery, recovery - 0.0078125] }
                advance(pick(choices))
            }

            mutating func read() {
                switch weighted([35, 65]) {
                case 0: ops.append(.object([("op", "state")]))
                default: ops.append(.object([("op", "stats")]))
                }
            }

            mutating func single() {
                let roll = unit()
                if roll < 0.45 {
                    someCall()
                } else if roll < 0.62, !waiting.isEmpty {
                    finish(pick(waiting), ["return", "expected", "unexpected"][weighted([50, 35, 15])])
                } else if roll < 0.66, calls > 0 {
                    cancel(int(max(1, calls - 3)...calls))
                } else if roll < 0.84 {
                    someAdvance()
                } else {
                    read()
                }
            }

            mutating func failures() {
                let count = max(1, failureThreshold + pick([-1, 0, 0, 0, 1]))
                for _ in 0..<count {
                    if unit() < 0.2 { advance(pick([0.0078125, 0.25, 1.0])) }
                    call("throw", error: error(expected: true))
                }
                if unit() < 0.6 { read() }
            }

            mutating func waitForRecovery() {
                if recovery > 0 && unit() < 0.3 {
                    advance(recovery - 0.0078125)
                    read()
                    advance(0.0078125)
                } else if recovery > 0 {
                    advance(recovery)
                }
                if unit() < 0.6 { read() }
            }

            mutating func probes() {
                var started = (0..<(successThreshold + pick([0, 1, 1, 2]))).map { _ in call("wait") }
                if unit() < 0.5 { read() }
                for index in started.indices.reversed() {
                    started.swapAt(index, int(0...index))
                }
                for call in started {
                    let roll = unit()
                    if roll < 0.65 {
                        finish(call, "return")
                    } else if roll < 0.8 {
                        finish(call, "expected")
                    } else if roll < 0.9 {
                        finish(call, "unexpected")
                    } else {
                        cancel(call)
                    }
                }
                if unit() < 0.6 { read() }
            }

            /// Probes running together, one of which fails: the circuit reopens while the others
            /// still run (their outcomes come late), then waits out the recovery for a new wave.
            mutating func reopeningWave() {
                var started = (0...successThreshold).map { _ in call("wait") }
                finish(started.remove(at: int(0...(started.count - 1))), "expected")
                read()
                for call in started where unit() < 0.5 {
                    finish(call, pick(["return", "expected"]))
                }
                waitForRecovery()
                probes()
            }

            mutating func overlap() {
                let started = (0..<int(2...3)).map { _ in call(pick(["wait", "wait", "sleep"])) }
                for call in started where waiting.contains(call) && unit() < 0.5 {
                    finish(call, pick(["return", "expected", "unexpected"]))
                }
                advance(timeout)
                if unit() < 0.6 { read() }
            }

            mutating func configTrial() {
                ops.append(.object([("op", "config"), ("fields", .object(pick(Programs.trials)))]))
            }
        }
    }
}
