extension LecternHarness {
    /// An open circuit refuses calls without running the operation (P8).
    static func openNoInvoke() async throws -> Observations {
        var o = Observations()
        let breaker = Breaker(config: try config(failureThreshold: 1), clock: ManualClock())
        await trip(breaker)
        let entered = Counter()
        for _ in 1...3 {
            o["raised"] = label(await attempt(breaker) { () -> Int in
                entered.bump()
                return 1
            })
        }
        o["operation_runs"] = .int(entered.value)
        return o
    }

    /// Rejections change no counter, time or state (P8).
    static func rejectionNoSideEffects() async throws -> Observations {
        var o = Observations()
        let clock = ManualClock()
        let breaker = Breaker(config: try config(failureThreshold: 1), clock: clock)
        await trip(breaker)
        clock.advance(by: .seconds(10))
        var rejections: [JSON] = []
        for _ in 1...5 { rejections.append(await succeed(breaker)) }
        o["rejections"] = .array(rejections)
        await observe(breaker, into: &o)
        return o
    }

    /// `.open(retryAfter:)` carries the time left until probes are admitted (P8).
    static func rejectionRetryAfter() async throws -> Observations {
        var o = Observations()
        let clock = ManualClock()
        let breaker = Breaker(config: try config(failureThreshold: 1), clock: clock)
        await trip(breaker)
        clock.advance(by: .seconds(20))
        let early = await attempt(breaker) { 1 }
        o["raised_at_20s"] = label(early)
        if case .failure(let error) = early { o["retry_after_at_20s"] = payload(error) }
        clock.advance(by: .milliseconds(39_500))
        let late = await attempt(breaker) { 1 }
        o["raised_at_59_5s"] = label(late)
        if case .failure(let error) = late { o["retry_after_at_59_5s"] = payload(error) }
        return o
    }

    /// Probes are admitted once recoveryTimeout has fully elapsed, not a moment before (P9).
    static func recoveryBoundary() async throws -> Observations {
        var o = Observations()
        let clock = ManualClock()
        let breaker = Breaker(config: try config(failureThreshold: 1), clock: clock)
        await trip(breaker)
        clock.advance(by: .milliseconds(59_999))
        let early = await attempt(breaker) { 1 }
        o["at_59_999s"] = label(early)
        if case .failure(let error) = early { o["retry_after_at_59_999s"] = payload(error) }
        clock.advance(by: .milliseconds(1))
        o["at_60s"] = await succeed(breaker)
        return o
    }

    /// Stats after the recovery timeout: half-open, counts as the contract says (P9, P15).
    static func halfOpenStats() async throws -> Observations {
        var o = Observations()
        let clock = ManualClock()
        let breaker = Breaker(config: try config(failureThreshold: 2), clock: clock)
        await trip(breaker, failures: 2)
        clock.advance(by: .seconds(60))
        await observe(breaker, into: &o)
        return o
    }

    /// Reading `state` alone performs the due open → half-open transition (P9).
    static func stateReadsHalfOpen() async throws -> Observations {
        var o = Observations()
        let clock = ManualClock()
        let breaker = Breaker(config: try config(failureThreshold: 1), clock: clock)
        await trip(breaker)
        clock.advance(by: .seconds(59))
        o["state_at_59s"] = .string(await breaker.state.rawValue)
        clock.advance(by: .seconds(1))
        o["state_at_60s"] = .string(await breaker.state.rawValue)
        o["success_count_at_60s"] = .int(await breaker.stats().successCount)
        return o
    }

    /// A zero recovery timeout admits probes at once (P2, P9).
    static func zeroRecovery() async throws -> Observations {
        var o = Observations()
        let breaker = Breaker(
            config: try config(failureThreshold: 1, recoveryTimeout: .zero, successThreshold: 1),
            clock: ManualClock())
        await trip(breaker)
        o["state_after_trip"] = .string(await breaker.state.rawValue)
        o["probe"] = await succeed(breaker)
        o["state_after_probe"] = .string(await breaker.state.rawValue)
        return o
    }
}
