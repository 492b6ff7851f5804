extension LecternHarness {
    /// Starts a call whose operation waits at a gate that never opens (unless cancelled), and
    /// waits until the operation is inside and the breaker's deadline sleeps on `clock`.
    /// Records `waits_on_clock`; nil when the deadline is not on the injected clock.
    private static func blockedCall(
        _ breaker: Breaker, clock: ManualClock, sleepers: Int = 1, cleanup: Shared<Bool>? = nil,
        into o: inout Observations
    ) async -> Task<Result<Int, any Error>, Never>? {
        let gate = Gate()
        let entered = Counter()
        let call = spawn(breaker) { () async throws -> Int in
            entered.bump()
            do {
                try await gate.wait()
            } catch {
                cleanup?.update { $0 = true }
                throw error
            }
            return 1
        }
        let waiting = await waitUntil { entered.value == 1 && clock.pendingSleepers >= sleepers }
        o["waits_on_clock"] = .bool(waiting)
        return waiting ? call : nil
    }

    /// A call still running at the deadline throws `.timedOut(timeout)` and counts as a
    /// failure stamped at the deadline (P12).
    static func timeoutDefaultConfig() async throws -> Observations {
        var o = Observations()
        let clock = ManualClock()
        let breaker = Breaker(config: try config(timeout: .seconds(5)), clock: clock)
        guard let call = await blockedCall(breaker, clock: clock, into: &o) else { return o }
        clock.advance(by: .seconds(5))
        let outcome = await call.value
        o["raised"] = label(outcome)
        if case .failure(let error) = outcome { o["timed_out_after"] = payload(error) }
        await observe(breaker, into: &o)
        return o
    }

    /// A timeout is a failure even when `isExpectedError` expects nothing (P12).
    static func timeoutNotExpected() async throws -> Observations {
        var o = Observations()
        let clock = ManualClock()
        let breaker = Breaker(
            config: try config(timeout: .seconds(5), isExpectedError: { _ in false }), clock: clock)
        guard let call = await blockedCall(breaker, clock: clock, into: &o) else { return o }
        clock.advance(by: .seconds(5))
        o["raised"] = label(await call.value)
        o["failure_count"] = .int(await breaker.stats().failureCount)
        return o
    }

    /// The timed-out operation is cancelled and has finished its cleanup before the caller
    /// gets `.timedOut` (P12).
    static func timeoutCancelsFunc() async throws -> Observations {
        var o = Observations()
        let clock = ManualClock()
        let breaker = Breaker(config: try config(timeout: .seconds(5)), clock: clock)
        let cleanup = Shared(false)
        guard let call = await blockedCall(breaker, clock: clock, cleanup: cleanup, into: &o)
        else { return o }
        clock.advance(by: .seconds(5))
        o["raised"] = label(await call.value)
        o["cleanup_ran_before_error"] = .bool(cleanup.value)
        return o
    }

    /// A tripping timeout stamps the injected clock's times (P12, P16).
    static func timeoutFakeStamps() async throws -> Observations {
        var o = Observations()
        let clock = ManualClock()
        let breaker = Breaker(
            config: try config(failureThreshold: 1, timeout: .seconds(5)), clock: clock)
        guard let call = await blockedCall(breaker, clock: clock, into: &o) else { return o }
        clock.advance(by: .seconds(5))
        o["raised"] = label(await call.value)
        await observe(breaker, into: &o)
        return o
    }

    /// An operation that itself sleeps on the clock, less than the timeout, succeeds; the
    /// deadline's sleep is cancelled and never counts later (P4, P12).
    static func operationSleepNotTimeout() async throws -> Observations {
        var o = Observations()
        let clock = ManualClock()
        let breaker = Breaker(config: try config(timeout: .seconds(5)), clock: clock)
        await fail(breaker, 1)
        let call = spawn(breaker) { () async throws -> Int in
            try await clock.sleep(for: .seconds(2))
            return 7
        }
        let waiting = await waitUntil { clock.pendingSleepers >= 2 }
        o["waits_on_clock"] = .bool(waiting)
        guard waiting else { return o }
        clock.advance(by: .seconds(2))
        o["outcome"] = label(await call.value)
        o["deadline_sleep_cancelled"] = .bool(clock.pendingSleepers == 0)
        clock.advance(by: .seconds(10))
        await observe(breaker, into: &o)
        return o
    }

    /// A probe that times out reopens the circuit (P12, P13).
    static func timeoutInHalfOpen() async throws -> Observations {
        var o = Observations()
        let clock = ManualClock()
        let breaker = Breaker(
            config: try config(failureThreshold: 1, timeout: .seconds(5)), clock: clock)
        await trip(breaker)
        clock.advance(by: .seconds(60))
        guard let call = await blockedCall(breaker, clock: clock, into: &o) else { return o }
        clock.advance(by: .seconds(5))
        o["raised"] = label(await call.value)
        await observe(breaker, into: &o)
        return o
    }

    /// `CircuitBreaker(config:)` times with the continuous clock (P16).
    static func clockOnly() async throws -> Observations {
        var o = Observations()
        let breaker = CircuitBreaker(config: try config(failureThreshold: 1))
        let before = ContinuousClock.now
        _ = await attempt(breaker) { () throws -> Int in throw Boom(tag: 1) }
        let after = ContinuousClock.now
        let stats = await breaker.stats()
        o["state"] = .string(stats.state.rawValue)
        if let last = stats.lastFailureTime {
            o["last_failure_between_reads"] = .bool(before <= last && last <= after)
            o["next_attempt_is_last_plus_60s"] = .bool(
                stats.nextAttemptTime == last.advanced(by: .seconds(60)))
        } else {
            o["last_failure_between_reads"] = .null
        }
        return o
    }
}
