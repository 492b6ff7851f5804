// Bug: the config checks successThreshold before recoveryTimeout, so it does not report the first invalid field.
// Mutant of the reference solution, for `lectern check`: it must fail at least one test.

/// Where the breaker is in its cycle.
public enum CircuitState: String, Sendable, CaseIterable {
    /// Calls go through; consecutive failures are counted.
    case closed
    /// Calls are rejected until the recovery timeout has elapsed.
    case open
    /// A limited number of probe calls decide between closing and reopening.
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

/// The tunables of a breaker, validated once at construction so a breaker never runs with
/// nonsense settings.
public struct CircuitBreakerConfig: Sendable {
    /// Consecutive failures in the closed state that open the circuit.
    public let failureThreshold: Int
    /// Successful probes in the half-open state that close the circuit; also the number of
    /// probes admitted at once.
    public let successThreshold: Int
    /// How long the circuit stays open before probes are admitted.
    public let recoveryTimeout: Duration
    /// The deadline of each admitted call, measured on the breaker's clock.
    public let timeout: Duration
    /// Whether an error thrown by the operation counts as a failure. Errors it rejects are
    /// neutral: rethrown, but not counted. `CancellationError` is always neutral.
    public let isExpectedError: @Sendable (any Error) -> Bool

    /// Validates and stores the settings; throws for the first invalid field, in parameter
    /// order.
    public init(
        failureThreshold: Int = 5,
        recoveryTimeout: Duration = .seconds(60),
        successThreshold: Int = 3,
        timeout: Duration = .seconds(30),
        isExpectedError: @escaping @Sendable (any Error) -> Bool = { _ in true }
    ) throws(CircuitBreakerConfigError) {
        guard failureThreshold >= 1 else { throw .invalidFailureThreshold(failureThreshold) }
        guard successThreshold >= 1 else { throw .invalidSuccessThreshold(successThreshold) }
        guard recoveryTimeout >= .zero else { throw .invalidRecoveryTimeout(recoveryTimeout) }
        guard timeout > .zero else { throw .invalidTimeout(timeout) }
        self.init(
            validatedFailureThreshold: failureThreshold, recoveryTimeout: recoveryTimeout,
            successThreshold: successThreshold, timeout: timeout, isExpectedError: isExpectedError)
    }

    private init(
        validatedFailureThreshold failureThreshold: Int, recoveryTimeout: Duration,
        successThreshold: Int, timeout: Duration,
        isExpectedError: @escaping @Sendable (any Error) -> Bool
    ) {
        self.failureThreshold = failureThreshold
        self.recoveryTimeout = recoveryTimeout
        self.successThreshold = successThreshold
        self.timeout = timeout
        self.isExpectedError = isExpectedError
    }

    /// The defaults: 5 failures, 60 s recovery, 3 successes, 30 s per call, every error
    /// expected.
    public static var standard: CircuitBreakerConfig {
        CircuitBreakerConfig(
            validatedFailureThreshold: 5, recoveryTimeout: .seconds(60), successThreshold: 3,
            timeout: .seconds(30), isExpectedError: { _ in true })
    }
}

/// Why the breaker refused or abandoned a call.
public enum CircuitBreakerError: Error, Equatable, Sendable {
    /// The circuit is open; probes are admitted after `retryAfter`.
    case open(retryAfter: Duration)
    /// The circuit is half-open and every probe slot is taken.
    case halfOpenSaturated
    /// The operation did not finish within the configured timeout and was cancelled.
    case timedOut(Duration)
}

/// A snapshot of a breaker's bookkeeping.
public struct CircuitBreakerStats<Instant: InstantProtocol>: Equatable, Sendable {
    /// The state, after any due open → half-open transition.
    public let state: CircuitState
    /// Consecutive failures (closed), kept through half-open, zeroed on closing.
    public let failureCount: Int
    /// Successful probes in the current half-open period; 0 in the other states.
    public let successCount: Int
    /// When the last counted failure was recorded, if ever.
    public let lastFailureTime: Instant?
    /// When probes will be admitted; set only while open.
    public let nextAttemptTime: Instant?
}

/// Guards calls to a dependency, failing fast while it is known to be down.
///
/// All bookkeeping is actor-isolated; no isolation is held while the operation runs, so
/// calls in the closed state overlap freely.
public actor CircuitBreaker<C: Clock> where C.Duration == Duration {
    /// The settings this breaker runs with.
    public nonisolated let config: CircuitBreakerConfig
    private let clock: C

    private var current: CircuitState = .closed
    private var failureCount = 0
    private var successCount = 0
    private var lastFailureTime: C.Instant?
    private var nextAttemptTime: C.Instant?
    /// Bumped on every transition; outcomes of calls admitted in an earlier period are stale.
    private var period = 0
    /// Half-open probes admitted in the current period and not yet finished.
    private var probesInFlight = 0

    /// A breaker in the closed state, timing with `clock`.
    public init(config: CircuitBreakerConfig = .standard, clock: C) {
        self.config = config
        self.clock = clock
    }

    /// The current state, after any due open → half-open transition.
    public var state: CircuitState {
        refresh(now: clock.now)
        return current
    }

    /// A snapshot of the counters and times, after any due open → half-open transition.
    public func stats() -> CircuitBreakerStats<C.Instant> {
        refresh(now: clock.now)
        return CircuitBreakerStats(
            state: current, failureCount: failureCount, successCount: successCount,
            lastFailureTime: lastFailureTime, nextAttemptTime: nextAttemptTime)
    }

    /// Runs `operation` if the circuit admits it, within `config.timeout`.
    ///
    /// Throws `CircuitBreakerError.open` or `.halfOpenSaturated` without running the
    /// operation when the circuit refuses it, `.timedOut` when the deadline passes first
    /// (the operation is cancelled and has finished by then), and otherwise whatever the
    /// operation throws, unchanged.
    public func call<T: Sendable>(
        _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let ticket = try admit()
        let outcome = await Self.race(operation, clock: clock, timeout: config.timeout)
        settle(ticket, outcome)
        switch outcome {
        case .returned(let value): return value
        case .threw(let error): throw error
        case .deadlinePassed: throw CircuitBreakerError.timedOut(config.timeout)
        }
    }

    // MARK: Admission

    private struct Ticket {
        let period: Int
        let isProbe: Bool
    }

    /// Decides synchronously, so the slot and the period are taken before any suspension.
    private func admit() throws(CircuitBreakerError) -> Ticket {
        let now = clock.now
        refresh(now: now)
        switch current {
        case .closed:
            return Ticket(period: period, isProbe: false)
        case .open:
            let reopening = nextAttemptTime ?? now
            throw .open(retryAfter: now.duration(to: reopening))
        case .halfOpen:
            guard probesInFlight + successCount < config.successThreshold else {
                throw .halfOpenSaturated
            }
            probesInFlight += 1
            return Ticket(period: period, isProbe: true)
        }
    }

    /// The lazy open → half-open transition, once the recovery timeout has elapsed.
    private func refresh(now: C.Instant) {
        guard current == .open, let reopening = nextAttemptTime, now >= reopening else { return }
        current = .halfOpen
        successCount = 0
        nextAttemptTime = nil
        beginPeriod()
    }

    // MARK: Running

    private enum Outcome<T: Sendable>: Sendable {
        case returned(T)
        case threw(any Error)
        case deadlinePassed
    }

    /// Runs the operation against a sleep on `clock`; the loser is cancelled and awaited.
    private static func race<T: Sendable>(
        _ operation: @escaping @Sendable () async throws -> T, clock: C, timeout: Duration
    ) async -> Outcome<T> {
        // A child yields nil when its deadline sleep was cancelled: the caller was cancelled,
        // and the operation's own outcome (it was cancelled too) is the one to report.
        await withTaskGroup(of: Outcome<T>?.self) { group in
            group.addTask {
                do { return .returned(try await operation()) } catch { return .threw(error) }
            }
            group.addTask {
                do {
                    try await clock.sleep(for: timeout)
                    return .deadlinePassed
                } catch {
                    return nil
                }
            }
            for await case let outcome? in group {
                group.cancelAll()
                return outcome
            }
            return .threw(CancellationError())
        }
    }

    // MARK: Bookkeeping

    private func settle<T>(_ ticket: Ticket, _ outcome: Outcome<T>) {
        guard ticket.period == period else { return }
        if ticket.isProbe { probesInFlight -= 1 }
        switch outcome {
        case .returned:
            recordSuccess()
        case .deadlinePassed:
            recordFailure(now: clock.now)
        case .threw(let error):
            if !(error is CancellationError) && config.isExpectedError(error) {
                recordFailure(now: clock.now)
            }
        }
    }

    private func recordSuccess() {
        switch current {
        case .closed:
            failureCount = 0
        case .halfOpen:
            successCount += 1
            if successCount >= config.successThreshold { close() }
        case .open:
            break
        }
    }

    private func recordFailure(now: C.Instant) {
        failureCount += 1
        lastFailureTime = now
        if current == .halfOpen || failureCount >= config.failureThreshold {
            trip(now: now)
        }
    }

    private func trip(now: C.Instant) {
        current = .open
        successCount = 0
        nextAttemptTime = now.advanced(by: config.recoveryTimeout)
        beginPeriod()
    }

    private func close() {
        current = .closed
        failureCount = 0
        successCount = 0
        nextAttemptTime = nil
        beginPeriod()
    }

    private func beginPeriod() {
        period &+= 1
        probesInFlight = 0
    }
}

extension CircuitBreaker where C == ContinuousClock {
    /// A breaker timing with the system's continuous clock.
    public init(config: CircuitBreakerConfig = .standard) {
        self.init(config: config, clock: ContinuousClock())
    }
}
