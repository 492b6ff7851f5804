extension LecternHarness {
    /// Defaults of `CircuitBreakerConfig()`, `.standard`, and of the breakers' default
    /// arguments (P1).
    static func configDefaults() async throws -> Observations {
        var o = Observations()
        let config = try CircuitBreakerConfig()
        o["failure_threshold"] = .int(config.failureThreshold)
        o["recovery_timeout"] = .double(seconds(config.recoveryTimeout))
        o["success_threshold"] = .int(config.successThreshold)
        o["timeout"] = .double(seconds(config.timeout))
        o["expects_any_error"] = .bool(config.isExpectedError(Other(tag: 1)))
        let standard = CircuitBreakerConfig.standard
        o["standard_failure_threshold"] = .int(standard.failureThreshold)
        o["standard_recovery_timeout"] = .double(seconds(standard.recoveryTimeout))
        o["standard_success_threshold"] = .int(standard.successThreshold)
        o["standard_timeout"] = .double(seconds(standard.timeout))
        o["standard_expects_any_error"] = .bool(standard.isExpectedError(Other(tag: 1)))

        let clock = ManualClock()
        let breaker = Breaker(clock: clock)
        await trip(breaker, failures: 4)
        o["default_config_state_after_4"] = .string(await breaker.state.rawValue)
        await fail(breaker, 5)
        o["default_config_state_after_5"] = .string(await breaker.state.rawValue)
        o["default_config_next_attempt_time"] = stamp(await breaker.stats().nextAttemptTime)

        let system = CircuitBreaker()
        for tag in 1...5 {
            _ = await attempt(system) { () throws -> Int in throw Boom(tag: tag) }
        }
        let rejected = await attempt(system) { 1 }
        o["default_clock_rejection"] = label(rejected)
        if case .failure(let error) = rejected { o["default_clock_retry_after"] = payload(error) }
        return o
    }

    /// Raw values and cases of `CircuitState` (P1).
    static func stateEnumStrings() async throws -> Observations {
        var o = Observations()
        o["closed"] = .string(CircuitState.closed.rawValue)
        o["open"] = .string(CircuitState.open.rawValue)
        o["half_open"] = .string(CircuitState.halfOpen.rawValue)
        o["all_cases"] = .array(CircuitState.allCases.map { .string($0.rawValue) })
        if case .halfOpen? = CircuitState(rawValue: "half_open") {
            o["from_raw_half_open"] = true
        } else {
            o["from_raw_half_open"] = false
        }
        return o
    }

    private static func validation(
        _ build: () throws(CircuitBreakerConfigError) -> CircuitBreakerConfig
    ) -> JSON {
        do throws(CircuitBreakerConfigError) {
            _ = try build()
            return "accepted"
        } catch {
            return .string(describe(error))
        }
    }

    /// Thresholds below 1 are refused with the field's typed error (P2).
    static func invalidThresholds() async throws -> Observations {
        var o = Observations()
        let values: [(String, Int)] = [("0", 0), ("-1", -1), ("min", Int.min), ("1", 1)]
        for (name, value) in values {
            o["failure_threshold_\(name)"] = validation { () throws(CircuitBreakerConfigError) in
                try CircuitBreakerConfig(failureThreshold: value)
            }
        }
        for (name, value) in values {
            o["success_threshold_\(name)"] = validation { () throws(CircuitBreakerConfigError) in
                try CircuitBreakerConfig(successThreshold: value)
            }
        }
        return o
    }

    /// A negative recovery timeout and a non-positive call timeout are refused; zero recovery
    /// is accepted (P2).
    static func invalidTimes() async throws -> Observations {
        var o = Observations()
        let recoveries: [(String, Duration)] = [
            ("-1s", .seconds(-1)), ("-1ns", .nanoseconds(-1)), ("0s", .zero), ("1ns", .nanoseconds(1)),
        ]
        for (name, value) in recoveries {
            o["recovery_timeout_\(name)"] = validation { () throws(CircuitBreakerConfigError) in
                try CircuitBreakerConfig(recoveryTimeout: value)
            }
        }
        let timeouts: [(String, Duration)] = [
            ("0s", .zero), ("-0.1s", .milliseconds(-100)), ("-60s", .seconds(-60)), ("1ns", .nanoseconds(1)),
        ]
        for (name, value) in timeouts {
            o["timeout_\(name)"] = validation { () throws(CircuitBreakerConfigError) in
                try CircuitBreakerConfig(timeout: value)
            }
        }
        return o
    }

    /// With several invalid fields, the error names the first in parameter order (P2).
    static func invalidFirstField() async throws -> Observations {
        var o = Observations()
        o["failure_and_success"] = validation { () throws(CircuitBreakerConfigError) in
            try CircuitBreakerConfig(failureThreshold: 0, successThreshold: 0)
        }
        o["recovery_and_success"] = validation { () throws(CircuitBreakerConfigError) in
            try CircuitBreakerConfig(recoveryTimeout: .seconds(-1), successThreshold: 0)
        }
        o["success_and_timeout"] = validation { () throws(CircuitBreakerConfigError) in
            try CircuitBreakerConfig(successThreshold: 0, timeout: .zero)
        }
        o["all_four"] = validation { () throws(CircuitBreakerConfigError) in
            try CircuitBreakerConfig(
                failureThreshold: 0, recoveryTimeout: .seconds(-1), successThreshold: 0,
                timeout: .zero)
        }
        return o
    }

    /// `isExpectedError` receives the operation's error and decides by value (P5).
    static func expectedPredicateByValue() async throws -> Observations {
        var o = Observations()
        let seen = Shared<[String]>([])
        let breaker = Breaker(
            config: try config(failureThreshold: 2, isExpectedError: { error in
                seen.update { $0.append(describe(error)) }
                return (error as? HTTPStatus).map { $0.code >= 500 } ?? false
            }),
            clock: ManualClock())
        func status(_ code: Int) async -> JSON {
            label(await attempt(breaker) { () throws -> Int in throw HTTPStatus(code: code) })
        }
        o["first_503"] = await status(503)
        o["failure_count_after_503"] = .int(await breaker.stats().failureCount)
        o["first_404"] = await status(404)
        o["failure_count_after_404"] = .int(await breaker.stats().failureCount)
        o["second_503"] = await status(503)
        o["state_after_second_503"] = .string(await breaker.state.rawValue)
        o["predicate_saw"] = .array(Set(seen.value).sorted().map { .string($0) })
        return o
    }
}
