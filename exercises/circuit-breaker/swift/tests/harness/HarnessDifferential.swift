import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Differential scenarios (docs/grading-protocol.md): one program (HarnessPrograms) run
/// against one breaker, step by step, recording what each step shows: how each call ended
/// (its operation's own value or error, or which error of the breaker's, with its payload),
/// how often its operation ran, whether the operation's cancellation had finished, the state,
/// the stats. The grader runs the same program against the reference in a sandbox of its own
/// and compares the traces outside; nothing is judged here.
///
/// Every task of the program runs on a `SerialExecutor` the driver drains itself, and time
/// is the `ManualClock`, advanced from one sleeper's deadline to the next: a program replays
/// exactly. With `annotate` (the reference's runs), each step also names the hidden test
/// whose rule it exercises, read from `stats()` around the step; those reads cannot change
/// what a correct breaker does, and a submission's run never makes them.
extension LecternHarness {
    /// The error a program's operations throw: a kind and a code, told apart by value.
    final class ProgramError: Error, Sendable {
        let kind: String
        let code: Int

        init(_ kind: String, _ code: Int) {
            self.kind = kind
            self.code = code
        }

        var text: String { "\(kind)(\(code))" }
    }

    /// The observations of a differential scenario whose request is `spec`.
    static func differential(_ spec: JSON, annotate: Bool) -> Observations {
        var program = spec["program"] ?? Programs.generate(seed: UInt64(max(0, spec["seed"]?.int ?? 0)))
        program = renumbered(program)
        let run = ProgramRun(program: program, annotate: annotate)
        var o = Observations()
        o["trace"] = .array(run.run())
        if annotate {
            o["program"] = program
            o["breaker"] = .string(run.setupText)
            o["ambiguous"] = .bool(ambiguous(program))
        }
        return o
    }

    /// The program with its calls numbered 1, 2, … in order; an operation on a call the
    /// program never makes gets id 0.
    static func renumbered(_ program: JSON) -> JSON {
        guard case .object(var members) = program, let ops = program["ops"]?.array else { return program }
        var numbers: [Int: Int] = [:]
        let renumbered: [JSON] = ops.map { op in
            guard case .object(var fields) = op, let index = fields.firstIndex(where: { $0.0 == "id" }) else { return op }
            let id = fields[index].1.int ?? 0
            if op["op"]?.string == "call", numbers[id] == nil { numbers[id] = numbers.count + 1 }
            fields[index].1 = .int(numbers[id] ?? 0)
            return .object(fields)
        }
        members.removeAll { $0.0 == "ops" }
        members.append(("ops", .array(renumbered)))
        return .object(members)
    }

    /// Whether two timers of the program could fall due at one instant: a sleeping operation
    /// waking at a deadline or at another one's wake-up. The grader does not use such programs.
    static func ambiguous(_ program: JSON) -> Bool {
        let timeout = program["config"]?["timeout"]?.number ?? 30
        var now = 0.0
        var deadlines: Set<Double> = []
        var wakes: [Double] = []
        for op in program["ops"]?.array ?? [] {
            switch op["op"]?.string {
            case "advance": now += op["by"]?.number ?? 0
            case "call":
                deadlines.insert(now + timeout)
                if op["does"]?.string == "sleep" { wakes.append(now + (op["seconds"]?.number ?? 0)) }
            default: break
            }
        }
        return Set(wakes).count != wakes.count || wakes.contains { deadlines.contains($0) }
    }

    /// One call of a program: its operation's doings, and the task awaiting `call`.
    final class ProgramCall: @unchecked Sendable {
        struct State {
            var invocations = 0
            var cancelled = false
            var cancelledAtEnd = false
            var released: ProgramError?
            var thrown: ProgramError?
            var ending: Result<Payload, any Error>?
        }

        let number: Int
        let op: JSON
        let payload = Payload()
        let gate = Gate()
        let state = Mutex(State())
        var task: Task<Void, Never>?
        var stateAtStart = ""
        var periodAtStart = 0
        var reported = false

        init(number: Int, op: JSON) {
            self.number = number
            self.op = op
        }

        var does: String { op["does"]?.string ?? "return" }
        var ending: Result<Payload, any Error>? { state.withLock { $0.ending } }
        var invocations: Int { state.withLock { $0.invocations } }
    }

    /// A snapshot of the stats, for annotations.
    struct Peek: Equatable {
        var state: String
        var failureCount: Int
        var lastFailure: Double?
        var nextAttempt: Double?
    }

    final class ProgramRun: @unchecked Sendable {
        let program: JSON
        let annotate: Bool
        let executor = SerialExecutor()
        let clock = ManualClock()
        var breaker: CircuitBreaker<ManualClock>?
        var calls: [Int: ProgramCall] = [:]
        var period = 0
        var lastPeek: Peek?
        var before: Peek?
        var lastTest: String?
        let failureThreshold: Int
        let successThreshold: Int
        let recovery: Double
        let timeout: Double
        let profile: String

        /// Jobs one step may run before the program is given up as busy.
        static let jobLimit = 200_000

        init(program: JSON, annotate: Bool) {
            self.program = program
            self.annotate = annotate
            clock.settle(on: pthread_self())
            let config = program["config"]
            failureThreshold = config?["failure_threshold"]?.int ?? 5
            successThreshold = config?["success_threshold"]?.int ?? 3
            recovery = config?["recovery_timeout"]?.number ?? 60
            timeout = config?["timeout"]?.number ?? 30
            profile = config?["expected"]?.string ?? "all"
        }

        var setupText: String {
            let predicate = [
                "boom": "{ $0 is Boom }", "server": "{ ($0 as? HTTPStatus).map { $0.code >= 500 } ?? false }",
                "not_other": "{ !($0 is Other) }", "odd_boom": "{ ($0 as? Boom).map { $0.code % 2 == 1 } ?? false }",
                "none": "{ _ in false }",
            ][profile] ?? "{ _ in true }"
            return "let breaker = CircuitBreaker(config: try CircuitBreakerConfig(failureThreshold: \(failureThreshold), "
                + "recoveryTimeout: .seconds(\(format(recovery))), successThreshold: \(successThreshold), "
                + "timeout: .seconds(\(format(timeout))), isExpectedError: \(predicate)), clock: clock); "
                + "the test clock starts at 1000 s"
        }

        func run() -> [JSON] {
            var trace: [JSON] = []
            let expected = profile
            do {
                breaker = CircuitBreaker(
                    config: try CircuitBreakerConfig(
                        failureThreshold: failureThreshold, recoveryTimeout: .seconds(recovery),
                        successThreshold: successThreshold, timeout: .seconds(timeout),
                        isExpectedError: { error in
                            // Any other error (a CancellationError) is expected only by
                            // "not_other", which so tests that a cancellation stays neutral.
                            guard let error = error as? ProgramError else { return expected == "not_other" }
                            return Programs.isExpected(error.kind, error.code, profile: expected)
                        }),
                    clock: clock)
            } catch {
                return [step([("error", .string("CircuitBreakerConfig refused a valid configuration with \(describe(error))"))], text: setupText)]
            }
            if annotate { lastPeek = peek() }
            for op in program["ops"]?.array ?? [] {
                if annotate, let peeked = peek() {
                    before = peeked
                    if peeked.state != lastPeek?.state { period += 1 }
                }
                var see: [(String, JSON)] = []
                let text = annotate ? describeOperation(op) : nil
                apply(op, into: &see)
                let busy = !settle()
                collect(into: &see)
                if busy { see.append(("error", "the code kept running and never waited")) }
                var test: String?
                if annotate, let after = peek(), let before {
                    test = testFor(op, before: before, after: after, see: see)
                    if before.state != after.state || (after.state == "half_open" && after.lastFailure != before.lastFailure) {
                        period += 1
                    }
                    lastPeek = after
                }
                trace.append(step(see, text: text, test: test))
                if busy { break }
            }
            for call in calls.values { call.task?.cancel() }
            _ = settle()
            return trace
        }

        private func step(_ see: [(String, JSON)], text: String?, test: String? = nil) -> JSON {
            var fields: [(String, JSON)] = [("see", .array(see.map { .array([.string($0.0), $0.1]) }))]
            if let text { fields.append(("do", .string(text))) }
            if let test { fields.append(("test", .string(test))) }
            return .object(fields)
        }

        // MARK: Running

        /// Drains the executor until every task waits. Once the submission has been seen
        /// running work off this thread (an unstructured task calling an operation or sleeping
        /// on the clock), each settling also waits until nothing changes for a few moments of
        /// real time, so that work lands too.
        func settle() -> Bool {
            var ran = 0
            var quiet = 0
            var last = signature()
            while true {
                let now = executor.drain(limit: Self.jobLimit - ran)
                ran += now
                if ran >= Self.jobLimit { return false }
                guard strayed || strays.value || clock.sleptOffThread else { return true }
                strayed = true
                let current = signature()
                if now == 0 && current == last {
                    quiet += 1
                    if quiet >= 3 { return true }
                    usleep(300)
                } else {
                    quiet = 0
                }
                last = current
            }
        }

        /// The driver's thread, where every task of the program should run.
        private let thread = pthread_self()
        /// Whether work of the submission's ran on another thread.
        private var strayed = false
        private let strays = Shared(false)

        private func signature() -> [Int] {
            [clock.pendingSleepers] + calls.keys.sorted().map { key in
                let call = calls[key]!
                return call.state.withLock { $0.invocations * 4 + ($0.ending == nil ? 0 : 1) + ($0.cancelled ? 2 : 0) }
            }
        }

        /// Runs `body` in a task on the executor and settles; its value, or nil if it never returned.
        func perform<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T? {
            let box = Shared<T?>(nil)
            Task(executorPreference: executor) {
                let value = await body()
                box.update { $0 = value }
            }
            _ = settle()
            return box.value
        }

        func peek() -> Peek? {
            guard let breaker else { return nil }
            return perform {
                let stats = await breaker.stats()
                return Peek(state: stats.state.rawValue, failureCount: stats.failureCount,
                            lastFailure: stats.lastFailureTime.map { seconds($0.offset) },
                            nextAttempt: stats.nextAttemptTime.map { seconds($0.offset) })
            }
        }

        private func apply(_ op: JSON, into see: inout [(String, JSON)]) {
            guard let breaker else { return }
            switch op["op"]?.string {
            case "call":
                let number = op["id"]?.int ?? 0
                guard calls[number] == nil else { return }
                let call = ProgramCall(number: number, op: op)
                call.stateAtStart = before?.state ?? ""
                call.periodAtStart = period
                calls[number] = call
                start(call, on: breaker)
                _ = settle()
                if call.ending == nil {
                    see.append(("call #\(number)", "running"))
                    see.append(("f\(number) calls", .int(call.invocations)))
                }
            case "finish":
                guard let call = calls[op["id"]?.int ?? -1] else { return }
                let waiting = call.does == "wait" && call.invocations > 0 && call.ending == nil
                    && call.state.withLock { !$0.cancelled }
                guard waiting else {
                    see.append(("f\(call.number)", "was not waiting"))
                    return
                }
                if op["does"]?.string == "throw" {
                    let error = ProgramError(op["error"]?.string ?? "Boom", op["code"]?.int ?? 1)
                    call.state.withLock { $0.released = error }
                }
                call.gate.open()
                see.append(("f\(call.number)", "released"))
            case "cancel":
                guard let call = calls[op["id"]?.int ?? -1] else { return }
                if call.ending != nil {
                    see.append(("call #\(call.number)", "had ended"))
                } else {
                    call.task?.cancel()
                }
            case "advance":
                let target = clock.now.advanced(by: .seconds(op["by"]?.number ?? 0))
                while let next = clock.nextDeadline, next <= target {
                    clock.advance(by: clock.now.duration(to: next))
                    _ = settle()
                }
                clock.advance(by: clock.now.duration(to: target))
            case "state":
                if let state = perform({ await breaker.state }) { see.append(("state", .string(state.rawValue))) }
            case "stats":
                guard let stats = perform({ await breaker.stats() }) else { return }
                see.append(("stats().state", .string(stats.state.rawValue)))
                see.append(("stats().failureCount", .int(stats.failureCount)))
                see.append(("stats().successCount", .int(stats.successCount)))
                see.append(("stats().lastFailureTime", stamp(stats.lastFailureTime)))
                see.append(("stats().nextAttemptTime", stamp(stats.nextAttemptTime)))
            case "config":
                see.append((configText(op), tryConfig(op)))
            default:
                break
            }
        }

        private func start(_ call: ProgramCall, on breaker: CircuitBreaker<ManualClock>) {
            let clock = self.clock
            let does = call.does
            let op = call.op
            let home = thread
            let strays = self.strays
            let operation: @Sendable () async throws -> Payload = {
                call.state.withLock { $0.invocations += 1 }
                if pthread_equal(home, pthread_self()) == 0 { strays.update { $0 = true } }
                do {
                    switch does {
                    case "throw":
                        let error = ProgramError(op["error"]?.string ?? "Boom", op["code"]?.int ?? 1)
                        call.state.withLock { $0.thrown = error }
                        throw error
                    case "cancel_itself":
                        throw CancellationError()
                    case "wait":
                        try await call.gate.wait()
                        if let error = call.state.withLock({ $0.released }) {
                            call.state.withLock { $0.thrown = error }
                            throw error
                        }
                    case "sleep":
                        try await clock.sleep(for: .seconds(op["seconds"]?.number ?? 0))
                    default:
                        break
                    }
                } catch is CancellationError where does == "wait" || does == "sleep" {
                    call.state.withLock { $0.cancelled = true }
                    throw CancellationError()
                }
                return call.payload
            }
            call.task = Task(executorPreference: executor) {
                let ending = await attempt(breaker, operation)
                call.state.withLock {
                    $0.cancelledAtEnd = $0.cancelled
                    $0.ending = ending
                }
            }
        }

        /// Adds how each call that has ended since the last step ended.
        private func collect(into see: inout [(String, JSON)]) {
            for number in calls.keys.sorted() {
                let call = calls[number]!
                guard !call.reported, let ending = call.ending else { continue }
                call.reported = true
                see.removeAll { $0.0 == "call #\(number)" || $0.0 == "f\(number) calls" }
                see.append(("call #\(number)", .string(endingText(call, ending))))
                see.append(("f\(number) calls", .int(call.invocations)))
                if call.does == "wait" || call.does == "sleep" {
                    see.append(("f\(number) cancelled before the call ended", .bool(call.state.withLock { $0.cancelledAtEnd })))
                }
            }
        }

        private func endingText(_ call: ProgramCall, _ ending: Result<Payload, any Error>) -> String {
            switch ending {
            case .success(let value):
                return value === call.payload ? "returned r\(call.number)" : "returned another value"
            case .failure(let error):
                if let mine = error as? ProgramError {
                    if mine === call.state.withLock({ $0.thrown }) { return "threw f\(call.number)'s \(mine.text)" }
                    return "threw another \(mine.text)"
                }
                switch error {
                case CircuitBreakerError.open(let retryAfter):
                    return "threw CircuitBreakerError.open(retryAfter: \(format(seconds(retryAfter))) s)"
                case CircuitBreakerError.timedOut(let after):
                    return "threw CircuitBreakerError.timedOut(\(format(seconds(after))) s)"
                default:
                    return "threw " + describe(error)
                }
            }
        }

        private func configText(_ op: JSON) -> String {
            guard case .object(let fields)? = op["fields"] else { return "CircuitBreakerConfig()" }
            let names = ["failure_threshold": "failureThreshold", "recovery_timeout": "recoveryTimeout",
                         "success_threshold": "successThreshold", "timeout": "timeout"]
            let arguments = fields.map { name, value -> String in
                let label = names[name] ?? name
                if value.string == "min" { return "\(label): Int.min" }
                if name.hasSuffix("threshold") { return "\(label): \(value.int ?? 0)" }
                return "\(label): .seconds(\(format(value.number ?? 0)))"
            }
            return "CircuitBreakerConfig(\(arguments.joined(separator: ", ")))"
        }

        private func tryConfig(_ op: JSON) -> JSON {
            let fields = op["fields"]
            func count(_ key: String, _ fallback: Int) -> Int {
                guard let value = fields?[key] else { return fallback }
                return value.string == "min" ? Int.min : value.int ?? fallback
            }
            func time(_ key: String, _ fallback: Double) -> Duration {
                .seconds(fields?[key]?.number ?? fallback)
            }
            do throws(CircuitBreakerConfigError) {
                let config = try CircuitBreakerConfig(
                    failureThreshold: count("failure_threshold", 5), recoveryTimeout: time("recovery_timeout", 60),
                    successThreshold: count("success_threshold", 3), timeout: time("timeout", 30))
                return .string("accepted: failureThreshold \(config.failureThreshold), recoveryTimeout "
                    + "\(format(seconds(config.recoveryTimeout))) s, successThreshold \(config.successThreshold), "
                    + "timeout \(format(seconds(config.timeout))) s")
            } catch {
                return .string("threw " + describe(error))
            }
        }

        // MARK: Annotations (reference runs only)

        private func testFor(_ op: JSON, before: Peek, after: Peek, see: [(String, JSON)]) -> String? {
            var test: String?
            for (opened, probing) in [(lastPeek, before), (before, after)] {
                guard let opened, opened.state == "open", probing.state == "half_open" else { continue }
                let now = seconds(clock.now.offset)
                if recovery == 0 {
                    test = "zero_recovery"
                } else if op["op"]?.string == "state" {
                    test = "state_reads_half_open"
                } else {
                    test = opened.nextAttempt == now ? "recovery_boundary" : "half_open_stats"
                }
            }
            switch op["op"]?.string {
            case "config":
                var fields: [(String, JSON)] = []
                if case .object(let members)? = op["fields"] { fields = members }
                if fields.count > 1 {
                    test = "invalid_first_field"
                } else {
                    test = fields.first?.0.hasSuffix("threshold") == true ? "invalid_thresholds" : "invalid_times"
                }
            case "call":
                let call = calls[op["id"]?.int ?? -1]
                let running = calls.values.contains { $0 !== call && $0.ending == nil && $0.invocations > 0 }
                if before.state == "open" {
                    test = "open_no_invoke"
                } else if before.state == "half_open", let call, call.invocations == 0 {
                    test = successThreshold == 1 ? "single_probe" : "half_open_probe_limit"
                } else if before.state == "closed", running, let call, call.ending == nil {
                    test = "closed_calls_overlap"
                }
            default:
                break
            }
            for call in calls.values.sorted(by: { $0.number < $1.number }) {
                guard let value = see.first(where: { $0.0 == "call #\(call.number)" })?.1,
                      value.string != "running", value.string != "had ended",
                      let ending = endingTest(call, before: before, after: after) else { continue }
                test = ending
            }
            if let test { lastTest = test }
            return lastTest
        }

        private func endingTest(_ call: ProgramCall, before: Peek, after: Peek) -> String? {
            guard let ending = call.ending, call.invocations > 0 else { return nil }
            let started = call.stateAtStart
            let stale = call.periodAtStart != period && started != "open"
            switch ending {
            case .success:
                if stale { return "stale_success_ignored" }
                if call.does == "sleep" { return "operation_sleep_not_timeout" }
                if started == "half_open" { return "success_threshold_closes" }
                return before.failureCount > 0 ? "success_resets" : "passthrough"
            case .failure(let error):
                if error is CancellationError {
                    if call.does == "cancel_itself" { return "cancel_never_counted" }
                    return started == "half_open" ? "cancelled_probe_frees_slot" : "cancel_never_counted"
                }
                if let mine = error as? ProgramError {
                    if stale { return "stale_failure_ignored" }
                    let expected = Programs.isExpected(mine.kind, mine.code, profile: profile)
                    let byValue = (profile == "server" && mine.kind == "HTTPStatus") || (profile == "odd_boom" && mine.kind == "Boom")
                    if !expected {
                        if started == "half_open" { return "half_open_neutral" }
                        if byValue { return "expected_predicate_by_value" }
                        return before.failureCount > 0 ? "unexpected_no_reset" : "unexpected_not_counted"
                    }
                    if started == "half_open" {
                        return failureThreshold > 1 ? "half_open_ignores_failure_threshold" : "reopen_restarts_timer"
                    }
                    if byValue { return "expected_predicate_by_value" }
                    if after.state == "open" { return failureThreshold == 1 ? "threshold_one" : "trip_at_threshold" }
                    return before.failureCount > 0 ? "below_threshold" : "failure_same_object"
                }
                // A timeout.
                if stale { return "stale_timeout_ignored" }
                if started == "half_open" { return "timeout_in_half_open" }
                if profile == "none" { return "timeout_not_expected" }
                return after.lastFailure != before.lastFailure && after.state == "open" ? "timeout_fake_stamps" : "timeout_default_config"
            }
        }

        private func describeOperation(_ op: JSON) -> String {
            let number = op["id"]?.int ?? 0
            switch op["op"]?.string {
            case "call":
                let what: String
                switch op["does"]?.string {
                case "throw": what = "throws \(op["error"]?.string ?? "")(\(op["code"]?.int ?? 0))"
                case "cancel_itself": what = "throws CancellationError() itself"
                case "wait": what = "waits until released"
                case "sleep": what = "sleeps \(format(op["seconds"]?.number ?? 0)) s on the clock, then returns r\(number)"
                default: what = "returns r\(number)"
                }
                return "call #\(number): try await breaker.call(f\(number)) in a task of its own; f\(number) \(what)"
            case "finish":
                if op["does"]?.string == "throw" {
                    return "f\(number) throws \(op["error"]?.string ?? "")(\(op["code"]?.int ?? 0))"
                }
                return "f\(number) returns r\(number)"
            case "cancel":
                return "the task awaiting call #\(number) is cancelled"
            case "advance":
                let by = op["by"]?.number ?? 0
                return "the clock advances \(format(by)) s (to \(format(seconds(clock.now.offset) + by)) s)"
            case "state":
                return "await breaker.state"
            case "stats":
                return "await breaker.stats()"
            case "config":
                return configText(op)
            default:
                return op["op"]?.string ?? "?"
            }
        }

        private func format(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
        }
    }
}
