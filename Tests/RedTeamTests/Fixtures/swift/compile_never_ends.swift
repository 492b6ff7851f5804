// Attack: expressions that keep the type checker busy for minutes, so the compile never ends.
func slow0() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 0)
    return c
}

func slow1() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 1)
    return c
}

func slow2() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 2)
    return c
}

func slow3() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 3)
    return c
}

func slow4() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 4)
    return c
}

func slow5() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 5)
    return c
}

func slow6() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 6)
    return c
}

func slow7() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 7)
    return c
}

func slow8() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 8)
    return c
}

func slow9() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 9)
    return c
}

func slow10() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 10)
    return c
}

func slow11() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 11)
    return c
}

func slow12() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 12)
    return c
}

func slow13() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 13)
    return c
}

func slow14() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 14)
    return c
}

func slow15() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 15)
    return c
}

func slow16() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 16)
    return c
}

func slow17() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 17)
    return c
}

func slow18() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 18)
    return c
}

func slow19() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 19)
    return c
}

func slow20() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 20)
    return c
}

func slow21() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 21)
    return c
}

func slow22() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 22)
    return c
}

func slow23() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 23)
    return c
}

func slow24() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 24)
    return c
}

func slow25() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 25)
    return c
}

func slow26() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 26)
    return c
}

func slow27() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 27)
    return c
}

func slow28() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 28)
    return c
}

func slow29() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 29)
    return c
}

func slow30() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 30)
    return c
}

func slow31() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 31)
    return c
}

func slow32() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 32)
    return c
}

func slow33() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 33)
    return c
}

func slow34() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 34)
    return c
}

func slow35() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 35)
    return c
}

func slow36() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 36)
    return c
}

func slow37() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 37)
    return c
}

func slow38() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 38)
    return c
}

func slow39() -> Double {
    let c = -(1 + 2) * -(3 - 4) / -(5 + 6.0) - -(7 * 8) + -(9 / 10) * -(11 + 12) - -(13 * 14.0) + -(15 - 16) * -(17 + 18) / -(19 * 20) + -(21 - 22) * -(23 + 24.0) - -(25 * 39)
    return c
}

/// Where the breaker is in its cycle.
public enum CircuitState: String, Sendable, CaseIterable {
    case closed
    case open
    case halfOpen = "half_open"
}

/// Why a configuration was rejected: the first invalid field, with its value.
public enum CircuitBreakerConfigError: Error, Equatable, Sendable {
    /// `failureThreshold` is below 1.
    case invalidFailureThreshold(Int)
    /// `successThreshold` is below 1.
    case invalidSuccessThreshold(Int)
    /// `recoveryTimeout` is negative.
    case invalidRecoveryTimeout(Duration)
    /// `timeout` is zero or negative.
    case invalidTimeout(Duration)
}

/// The tunables of a breaker, validated at construction.
public struct CircuitBreakerConfig: Sendable {
    public let failureThreshold: Int
    public let successThreshold: Int
    public let recoveryTimeout: Duration
    public let timeout: Duration
    /// Whether an operation's error counts as a failure; `CancellationError` never does.
    public let isExpectedError: @Sendable (any Error) -> Bool

    /// Validates the settings, throwing for the first invalid one, and stores them.
    public init(
        failureThreshold: Int = 5,
        recoveryTimeout: Duration = .seconds(60),
        successThreshold: Int = 3,
        timeout: Duration = .seconds(30),
        isExpectedError: @escaping @Sendable (any Error) -> Bool = { _ in true }
    ) throws(CircuitBreakerConfigError) {
        fatalError("Not implemented yet: validate the fields and store them")
    }

    /// The default settings.
    public static var standard: CircuitBreakerConfig {
        fatalError("Not implemented yet: the default configuration")
    }
}

/// Why the breaker refused or abandoned a call.
public enum CircuitBreakerError: Error, Equatable, Sendable {
    /// The circuit is open; probes are admitted after `retryAfter`.
    case open(retryAfter: Duration)
    /// The circuit is half-open and every probe slot is taken.
    case halfOpenSaturated
    /// The operation did not finish within the configured timeout.
    case timedOut(Duration)
}

/// A snapshot of a breaker's bookkeeping.
public struct CircuitBreakerStats<Instant: InstantProtocol>: Equatable, Sendable {
    public let state: CircuitState
    public let failureCount: Int
    public let successCount: Int
    public let lastFailureTime: Instant?
    public let nextAttemptTime: Instant?
}

/// Guards calls to a dependency, failing fast while it is known to be down.
public actor CircuitBreaker<C: Clock> where C.Duration == Duration {
    /// A closed breaker using `config`, timing with `clock`.
    public init(config: CircuitBreakerConfig = .standard, clock: C) {
        fatalError("Not implemented yet: store the configuration and the clock")
    }

    /// The current state.
    public var state: CircuitState {
        fatalError("Not implemented yet: the current state")
    }

    /// Runs `operation` if the circuit admits it, within `config.timeout`.
    public func call<T: Sendable>(
        _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        fatalError("Not implemented yet: admit, run with a deadline, record the outcome")
    }

    /// A snapshot of the counters and times.
    public func stats() -> CircuitBreakerStats<C.Instant> {
        fatalError("Not implemented yet: the stats snapshot")
    }
}

extension CircuitBreaker where C == ContinuousClock {
    /// A breaker timing with the system's continuous clock.
    public init(config: CircuitBreakerConfig = .standard) {
        self.init(config: config, clock: ContinuousClock())
    }
}
