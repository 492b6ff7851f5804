extension LecternHarness {
    /// A half-open breaker after one failure, with the given success threshold.
    private static func halfOpen(
        successThreshold: Int, timeout: Duration = .seconds(30),
        isExpectedError: @escaping @Sendable (any Error) -> Bool = { _ in true }
    ) async throws -> (Breaker, ManualClock) {
        let clock = ManualClock()
        let breaker = Breaker(
            config: try config(
                failureThreshold: 1, successThreshold: successThreshold, timeout: timeout,
                isExpectedError: isExpectedError),
            clock: clock)
        await trip(breaker)
        clock.advance(by: .seconds(60))
        return (breaker, clock)
    }

    /// A neutral probe keeps half-open, counts nothing and frees its slot (P5, P10).
    static func halfOpenNeutral() async throws -> Observations {
        var o = Observations()
        let (breaker, _) = try await halfOpen(successThreshold: 1, isExpectedError: { $0 is Boom })
        o["probe"] = label(await attempt(breaker) { () throws -> Int in throw Other(tag: 1) })
        await observe(breaker, into: &o)
        o["next_probe"] = await succeed(breaker)
        o["state_after_next_probe"] = .string(await breaker.state.rawValue)
        return o
    }

    /// `count` concurrent calls whose operations wait at one gate. Returns how many got
    /// inside, the errors of the calls that finished meanwhile (refused ones), and a release
    /// that opens the gate and collects every outcome.
    private static func crowd(
        _ breaker: Breaker, count: Int
    ) async -> (entered: Int, rejected: [String], release: () async -> [JSON]) {
        let gate = Gate()
        let entered = Counter()
        let finished = Shared<[String]>([])
        let calls = (0..<count).map { _ in
            Task { () -> Result<Int, any Error> in
                let outcome = await attempt(breaker) { () async throws -> Int in
                    entered.bump()
                    try await gate.wait()
                    return 1
                }
                let text: String
                switch outcome {
                case .success(let value): text = "returned \(value)"
                case .failure(let error): text = describe(error)
                }
                finished.update { $0.append(text) }
                return outcome
            }
        }
        _ = await waitUntil { entered.value + finished.value.count >= count }
        let inside = entered.value
        let rejected = finished.value.sorted()
        return (inside, rejected, {
            gate.open()
            var outcomes: [JSON] = []
            for call in calls { outcomes.append(label(await call.value)) }
            return outcomes
        })
    }

    /// With successThreshold 3, only 3 of 5 concurrent probes run; the others are refused
    /// at once; the 3 successes close the circuit (P10, P11).
    static func halfOpenProbeLimit() async throws -> Observations {
        var o = Observations()
        let (breaker, _) = try await halfOpen(successThreshold: 3)
        let (entered, rejected, release) = await crowd(breaker, count: 5)
        o["probes_running"] = .int(entered)
        o["rejected"] = .array(rejected.map { .string($0) })
        _ = await release()
        o["state_after_release"] = .string(await breaker.state.rawValue)
        return o
    }

    /// With successThreshold 1, one of 10 concurrent probes runs (P10).
    static func singleProbe() async throws -> Observations {
        var o = Observations()
        let (breaker, _) = try await halfOpen(successThreshold: 1)
        let (entered, rejected, release) = await crowd(breaker, count: 10)
        o["probes_running"] = .int(entered)
        o["rejected_count"] = .int(rejected.count)
        o["rejected_kinds"] = .array(Set(rejected).sorted().map { .string($0) })
        _ = await release()
        o["state_after_release"] = .string(await breaker.state.rawValue)
        return o
    }

    /// Cancelling the only probe propagates CancellationError, changes nothing and frees the
    /// slot (P5, P10).
    static func cancelledProbeFreesSlot() async throws -> Observations {
        var o = Observations()
        let (breaker, _) = try await halfOpen(successThreshold: 1)
        let gate = Gate()
        let entered = Counter()
        let probe = spawn(breaker) { () async throws -> Int in
            entered.bump()
            try await gate.wait()
            return 1
        }
        o["probe_entered"] = .bool(await waitUntil { entered.value == 1 })
        probe.cancel()
        o["probe"] = label(await probe.value)
        await observe(breaker, into: &o)
        o["next_probe"] = await succeed(breaker)
        o["state_after_next_probe"] = .string(await breaker.state.rawValue)
        return o
    }

    /// Two calls admitted while closed; the first trips the circuit; the second's failure,
    /// later, belongs to the old period and is ignored (P14).
    static func staleFailureIgnored() async throws -> Observations {
        var o = Observations()
        let clock = ManualClock()
        let breaker = Breaker(config: try config(failureThreshold: 1), clock: clock)
        let gateA = Gate()
        let gateB = Gate()
        let entered = Counter()
        let a = spawn(breaker) { () async throws -> Int in
            entered.bump()
            try await gateA.wait()
            throw Boom(tag: 1)
        }
        let b = spawn(breaker) { () async throws -> Int in
            entered.bump()
            try await gateB.wait()
            throw Boom(tag: 2)
        }
        o["both_admitted"] = .bool(await waitUntil { entered.value == 2 })
        gateA.open()
        o["first"] = label(await a.value)
        clock.advance(by: .seconds(10))
        gateB.open()
        o["second"] = label(await b.value)
        await observe(breaker, into: &o)
        return o
    }

    /// A call admitted while closed that succeeds after the circuit went half-open does not
    /// count as a probe success; its caller still gets the value (P14).
    static func staleSuccessIgnored() async throws -> Observations {
        var o = Observations()
        let clock = ManualClock()
        let breaker = Breaker(
            config: try config(failureThreshold: 1, successThreshold: 2, timeout: .seconds(3600)),
            clock: clock)
        let gate = Gate()
        let entered = Counter()
        let slow = spawn(breaker) { () async throws -> Int in
            entered.bump()
            try await gate.wait()
            return 5
        }
        o["slow_admitted"] = .bool(await waitUntil { entered.value == 1 })
        await trip(breaker)
        clock.advance(by: .seconds(60))
        o["state_before"] = .string(await breaker.state.rawValue)
        gate.open()
        o["slow"] = label(await slow.value)
        await observe(breaker, into: &o)
        return o
    }

    /// A call admitted while closed that times out after the circuit opened still throws
    /// `.timedOut`, but its failure is not counted (P12, P14).
    static func staleTimeoutIgnored() async throws -> Observations {
        var o = Observations()
        let clock = ManualClock()
        let breaker = Breaker(
            config: try config(failureThreshold: 1, timeout: .seconds(5)), clock: clock)
        let gate = Gate()
        let entered = Counter()
        let slow = spawn(breaker) { () async throws -> Int in
            entered.bump()
            try await gate.wait()
            return 1
        }
        let waiting = await waitUntil { entered.value == 1 && clock.pendingSleepers >= 1 }
        o["waits_on_clock"] = .bool(waiting)
        guard waiting else { return o }
        await trip(breaker)
        clock.advance(by: .seconds(5))
        o["slow"] = label(await slow.value)
        await observe(breaker, into: &o)
        return o
    }

    /// No isolation is held while operations run: 5 closed calls are inside at once (P17).
    static func closedCallsOverlap() async throws -> Observations {
        var o = Observations()
        let breaker = Breaker(config: try config(), clock: ManualClock())
        let (entered, rejected, release) = await crowd(breaker, count: 5)
        o["inside_at_once"] = .int(entered)
        o["rejected"] = .array(rejected.map { .string($0) })
        o["outcomes"] = .array(await release())
        return o
    }
}
