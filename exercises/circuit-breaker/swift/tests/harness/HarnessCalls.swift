extension LecternHarness {
    typealias Breaker = CircuitBreaker<ManualClock>

    /// A configuration the scenario needs; a refusal is reported as the scenario's error.
    static func config(
        failureThreshold: Int = 5, recoveryTimeout: Duration = .seconds(60),
        successThreshold: Int = 3, timeout: Duration = .seconds(30),
        isExpectedError: @escaping @Sendable (any Error) -> Bool = { _ in true }
    ) throws -> CircuitBreakerConfig {
        do {
            return try CircuitBreakerConfig(
                failureThreshold: failureThreshold, recoveryTimeout: recoveryTimeout,
                successThreshold: successThreshold, timeout: timeout,
                isExpectedError: isExpectedError)
        } catch {
            throw ScenarioFailure(
                description: "CircuitBreakerConfig refused a valid configuration with \(describe(error))")
        }
    }

    /// Calls through the breaker and captures the outcome.
    static func attempt<C: Clock, T: Sendable>(
        _ breaker: CircuitBreaker<C>, _ operation: @escaping @Sendable () async throws -> T
    ) async -> Result<T, any Error> where C.Duration == Duration {
        do {
            return .success(try await breaker.call(operation))
        } catch {
            return .failure(error)
        }
    }

    /// Starts a call in its own task; `finished` counts calls that have returned or thrown.
    static func spawn<T: Sendable>(
        _ breaker: Breaker, finished: Counter? = nil,
        _ operation: @escaping @Sendable () async throws -> T
    ) -> Task<Result<T, any Error>, Never> {
        Task {
            let outcome = await attempt(breaker, operation)
            finished?.bump()
            return outcome
        }
    }

    /// A call's outcome as the learner would read it: the error's name or what came back.
    static func label<T>(_ outcome: Result<T, any Error>) -> JSON {
        switch outcome {
        case .success(let value): return .string("returned \(value)")
        case .failure(let error): return .string(describe(error))
        }
    }

    /// A failing call, throwing `Boom(tag)`.
    @discardableResult
    static func fail(_ breaker: Breaker, _ tag: Int = 0) async -> JSON {
        label(await attempt(breaker) { () throws -> Int in throw Boom(tag: tag) })
    }

    /// A succeeding call, returning `value`.
    @discardableResult
    static func succeed(_ breaker: Breaker, _ value: Int = 1) async -> JSON {
        label(await attempt(breaker) { value })
    }

    /// Adds a stats snapshot under `prefix` + the field names of the contract.
    static func observe(
        _ breaker: Breaker, into observations: inout Observations, prefix: String = ""
    ) async {
        let stats = await breaker.stats()
        observations[prefix + "state"] = .string(stats.state.rawValue)
        observations[prefix + "failure_count"] = .int(stats.failureCount)
        observations[prefix + "success_count"] = .int(stats.successCount)
        observations[prefix + "last_failure_time"] = stamp(stats.lastFailureTime)
        observations[prefix + "next_attempt_time"] = stamp(stats.nextAttemptTime)
    }

    /// Trips a fresh breaker's circuit with `count` failures at the current time.
    static func trip(_ breaker: Breaker, failures count: Int = 1) async {
        for tag in 1...count { await fail(breaker, tag) }
    }
}
