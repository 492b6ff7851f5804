extension LecternHarness {
    /// A fresh breaker: closed, zero counts, no times (P3, P15).
    static func initialStats() async throws -> Observations {
        var o = Observations()
        let breaker = Breaker(config: try config(), clock: ManualClock())
        o["state_property"] = .string(await breaker.state.rawValue)
        await observe(breaker, into: &o)
        return o
    }

    /// An admitted call runs the operation once and returns its very result (P4).
    static func passthrough() async throws -> Observations {
        var o = Observations()
        let breaker = Breaker(config: try config(), clock: ManualClock())
        let payload = Payload()
        let entered = Counter()
        let outcome = await attempt(breaker) { () -> Payload in
            entered.bump()
            return payload
        }
        o["outcome"] = label(outcome.map(\.value))
        if case .success(let returned) = outcome { o["same_instance"] = .bool(returned === payload) }
        o["operation_runs"] = .int(entered.value)
        o["integer_result"] = await succeed(breaker, 7)
        return o
    }

    /// A failure rethrows the very error, counts it and stamps the clock's time (P5, P7).
    static func failureSameObject() async throws -> Observations {
        var o = Observations()
        let clock = ManualClock()
        let breaker = Breaker(config: try config(), clock: clock)
        clock.advance(by: .seconds(5))
        let marked = Marked()
        let outcome = await attempt(breaker) { () throws -> Int in throw marked }
        o["raised"] = label(outcome)
        if case .failure(let error) = outcome {
            o["same_instance"] = .bool((error as? Marked) === marked)
        }
        await observe(breaker, into: &o)
        return o
    }

    /// failureThreshold − 1 consecutive failures keep the circuit closed (P7).
    static func belowThreshold() async throws -> Observations {
        var o = Observations()
        let breaker = Breaker(config: try config(failureThreshold: 5), clock: ManualClock())
        for tag in 1...3 { await fail(breaker, tag) }
        o["raised"] = await fail(breaker, 4)
        await observe(breaker, into: &o)
        return o
    }

    /// The threshold-th failure rethrows its own error and opens the circuit (P5, P7).
    static func tripAtThreshold() async throws -> Observations {
        var o = Observations()
        let breaker = Breaker(config: try config(failureThreshold: 3), clock: ManualClock())
        await fail(breaker, 1)
        await fail(breaker, 2)
        o["raised"] = await fail(breaker, 3)
        await observe(breaker, into: &o)
        return o
    }

    /// failureThreshold 1 opens on the first failure (P7).
    static func thresholdOne() async throws -> Observations {
        var o = Observations()
        let breaker = Breaker(config: try config(failureThreshold: 1), clock: ManualClock())
        o["raised"] = await fail(breaker, 1)
        await observe(breaker, into: &o)
        return o
    }

    /// A closed success zeroes the failure count: failures must be consecutive (P6).
    static func successResets() async throws -> Observations {
        var o = Observations()
        let breaker = Breaker(config: try config(failureThreshold: 3), clock: ManualClock())
        await fail(breaker, 1)
        await fail(breaker, 2)
        await succeed(breaker)
        o["failure_count_after_success"] = .int(await breaker.stats().failureCount)
        await fail(breaker, 3)
        await fail(breaker, 4)
        await observe(breaker, into: &o)
        return o
    }

    /// Errors `isExpectedError` rejects are rethrown unchanged and change nothing (P5).
    static func unexpectedNotCounted() async throws -> Observations {
        var o = Observations()
        let breaker = Breaker(
            config: try config(failureThreshold: 2, isExpectedError: { $0 is Boom }),
            clock: ManualClock())
        var rethrown = 0
        for tag in 1...10 {
            let outcome = await attempt(breaker) { () throws -> Int in throw Other(tag: tag) }
            if case .failure(let error as Other) = outcome, error.tag == tag { rethrown += 1 }
        }
        o["rethrown_unchanged"] = .int(rethrown)
        await observe(breaker, into: &o)
        return o
    }

    /// An unexpected error between failures does not reset the count (P5).
    static func unexpectedNoReset() async throws -> Observations {
        var o = Observations()
        let breaker = Breaker(
            config: try config(failureThreshold: 3, isExpectedError: { $0 is Boom }),
            clock: ManualClock())
        await fail(breaker, 1)
        await fail(breaker, 2)
        o["unexpected"] = label(await attempt(breaker) { () throws -> Int in throw Other(tag: 1) })
        o["failure_count_after_unexpected"] = .int(await breaker.stats().failureCount)
        await fail(breaker, 3)
        await observe(breaker, into: &o)
        return o
    }

    /// Cancelling a closed call propagates CancellationError and counts nothing, even with
    /// `isExpectedError` accepting everything (P5).
    static func cancelNeverCounted() async throws -> Observations {
        var o = Observations()
        let breaker = Breaker(
            config: try config(failureThreshold: 1, isExpectedError: { _ in true }),
            clock: ManualClock())
        let gate = Gate()
        let entered = Counter()
        let call = spawn(breaker) { () async throws -> Int in
            entered.bump()
            try await gate.wait()
            return 1
        }
        o["operation_entered"] = .bool(await waitUntil { entered.value == 1 })
        call.cancel()
        o["raised"] = label(await call.value)
        await observe(breaker, into: &o)
        return o
    }
}
