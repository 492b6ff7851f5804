extension LecternHarness {
    /// successThreshold − 1 successes stay half-open; the next closes and zeroes (P11).
    static func successThresholdCloses() async throws -> Observations {
        var o = Observations()
        let clock = ManualClock()
        let breaker = Breaker(
            config: try config(failureThreshold: 1, successThreshold: 3), clock: clock)
        await trip(breaker)
        clock.advance(by: .seconds(60))
        for count in 1...2 {
            await succeed(breaker)
            o["state_after_\(count)"] = .string(await breaker.state.rawValue)
            o["success_count_after_\(count)"] = .int(await breaker.stats().successCount)
        }
        await succeed(breaker)
        await observe(breaker, into: &o)
        return o
    }

    /// A failed probe reopens at once and restarts the wait from its own time (P13).
    static func reopenRestartsTimer() async throws -> Observations {
        var o = Observations()
        let clock = ManualClock()
        let breaker = Breaker(config: try config(failureThreshold: 1), clock: clock)
        await trip(breaker)
        clock.advance(by: .seconds(70))
        o["probe"] = await fail(breaker, 2)
        await observe(breaker, into: &o)
        clock.advance(by: .seconds(59))
        let early = await attempt(breaker) { 1 }
        o["at_129s"] = label(early)
        if case .failure(let error) = early { o["retry_after_at_129s"] = payload(error) }
        clock.advance(by: .seconds(1))
        o["at_130s"] = await succeed(breaker)
        return o
    }

    /// Successes of a failed half-open period do not carry over (P13).
    static func partialSuccessesDropped() async throws -> Observations {
        var o = Observations()
        let clock = ManualClock()
        let breaker = Breaker(
            config: try config(failureThreshold: 1, successThreshold: 3), clock: clock)
        await trip(breaker)
        clock.advance(by: .seconds(60))
        await succeed(breaker)
        await succeed(breaker)
        await fail(breaker, 2)
        await observe(breaker, into: &o, prefix: "reopened_")
        clock.advance(by: .seconds(60))
        await succeed(breaker)
        await succeed(breaker)
        o["state_after_2_fresh"] = .string(await breaker.state.rawValue)
        o["success_count_after_2_fresh"] = .int(await breaker.stats().successCount)
        await succeed(breaker)
        o["state_after_3_fresh"] = .string(await breaker.state.rawValue)
        return o
    }

    /// One failed probe reopens whatever failureThreshold is; failures keep counting (P13).
    static func halfOpenIgnoresFailureThreshold() async throws -> Observations {
        var o = Observations()
        let clock = ManualClock()
        let breaker = Breaker(config: try config(failureThreshold: 5), clock: clock)
        await trip(breaker, failures: 5)
        clock.advance(by: .seconds(60))
        o["probe"] = await fail(breaker, 6)
        await observe(breaker, into: &o)
        return o
    }

    /// After closing, the breaker works like new: a full cycle again (P11).
    static func reuseAfterClose() async throws -> Observations {
        var o = Observations()
        let clock = ManualClock()
        let breaker = Breaker(
            config: try config(failureThreshold: 3, successThreshold: 1), clock: clock)
        await trip(breaker, failures: 3)
        clock.advance(by: .seconds(60))
        await succeed(breaker)
        o["state_after_close"] = .string(await breaker.state.rawValue)
        await fail(breaker, 4)
        await fail(breaker, 5)
        o["state_after_2_failures"] = .string(await breaker.state.rawValue)
        o["failure_count_after_2_failures"] = .int(await breaker.stats().failureCount)
        await fail(breaker, 6)
        o["state_after_3_failures"] = .string(await breaker.state.rawValue)
        clock.advance(by: .seconds(60))
        await succeed(breaker)
        o["state_after_second_close"] = .string(await breaker.state.rawValue)
        return o
    }
}
