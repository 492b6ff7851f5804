// Breaks H1 (Half-open): every outcome of a probe, neutral and cancelled included, frees its slot.
// Bug: Only a success or a failure frees a probe's slot.
// A circuit breaker written from exercises/circuit-breaker/README.md alone: the base of the
// independent-bugs corpus (each NN_*.swift beside it is this file with one rule broken).
// It is not the exercise's reference.

public enum CircuitState: String, Sendable, CaseIterable {
    case closed, open, halfOpen = "half_open"
}

public enum CircuitBreakerConfigError: Error, Equatable, Sendable {
    case invalidFailureThreshold(Int), invalidSuccessThreshold(Int)
    case invalidRecoveryTimeout(Duration)
    case invalidTimeout(Duration)
}

public struct CircuitBreakerConfig: Sendable {
    public let failureThreshold: Int, successThreshold: Int
    public let recoveryTimeout: Duration, timeout: Duration
    public let isExpectedError: @Sendable (any Error) -> Bool

    public init(failureThreshold: Int = 5, recoveryTimeout: Duration = .seconds(60),
                successThreshold: Int = 3, timeout: Duration = .seconds(30),
                isExpectedError: @escaping @Sendable (any Error) -> Bool = { _ in true })
        throws(CircuitBreakerConfigError)
    {
        if failureThreshold < 1 { throw .invalidFailureThreshold(failureThreshold) }
        if recoveryTimeout < .zero { throw .invalidRecoveryTimeout(recoveryTimeout) }
        if successThreshold < 1 { throw .invalidSuccessThreshold(successThreshold) }
        if timeout <= .zero { throw .invalidTimeout(timeout) }
        self.failureThreshold = failureThreshold
        self.successThreshold = successThreshold
        self.recoveryTimeout = recoveryTimeout
        self.timeout = timeout
        self.isExpectedError = isExpectedError
    }

    public static var standard: CircuitBreakerConfig {
        // The defaults are valid.
        try! CircuitBreakerConfig()
    }
}

public enum CircuitBreakerError: Error, Equatable, Sendable {
    case open(retryAfter: Duration)
    case halfOpenSaturated
    case timedOut(Duration)
}

public struct CircuitBreakerStats<Instant: InstantProtocol>: Equatable, Sendable {
    public let state: CircuitState
    public let failureCount: Int, successCount: Int
    public let lastFailureTime: Instant?, nextAttemptTime: Instant?
}

private enum Ending<T: Sendable>: Sendable {
    case value(T)
    case error(any Error)
    case deadline
}

public actor CircuitBreaker<C: Clock> where C.Duration == Duration {
    public nonisolated let config: CircuitBreakerConfig
    private let clock: C
    private var current = CircuitState.closed
    private var failures = 0
    private var successes = 0
    private var lastFailure: C.Instant?
    private var nextAttempt: C.Instant?
    private var generation = 0
    private var probes = 0

    public init(config: CircuitBreakerConfig = .standard, clock: C) {
        self.config = config
        self.clock = clock
    }

    public var state: CircuitState {
        refresh()
        return current
    }

    public func stats() -> CircuitBreakerStats<C.Instant> {
        refresh()
        return CircuitBreakerStats(state: current, failureCount: failures, successCount: successes,
                                   lastFailureTime: lastFailure, nextAttemptTime: nextAttempt)
    }

    private func refresh() {
        if current == .open, let next = nextAttempt, clock.now >= next {
            move(to: .halfOpen)
            successes = 0
            nextAttempt = nil
        }
    }

    private func move(to state: CircuitState) {
        current = state
        generation += 1
        probes = 0
    }

    public func call<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        refresh()
        switch current {
        case .open:
            throw CircuitBreakerError.open(retryAfter: clock.now.duration(to: nextAttempt!))
        case .halfOpen:
            if probes + successes >= config.successThreshold { throw CircuitBreakerError.halfOpenSaturated }
            probes += 1
        case .closed:
            break
        }
        let probe = current == .halfOpen
        let mine = generation
        let clock = self.clock
        let timeout = config.timeout
        let ending: Ending<T> = await withTaskGroup(of: Ending<T>?.self) { group in
            group.addTask {
                do { return .value(try await operation()) } catch { return .error(error) }
            }
            group.addTask {
                do {
                    try await clock.sleep(for: timeout)
                    return .deadline
                } catch {
                    return nil
                }
            }
            var result: Ending<T> = .error(CancellationError())
            for await case let first? in group {
                result = first
                break
            }
            group.cancelAll()
            return result
        }
        switch ending {
        case .value(let value):
            record(mine, probe, success: true)
            return value
        case .error(let error):
            if error is CancellationError || !config.isExpectedError(error) {
                record(mine, probe, success: nil)
            } else {
                record(mine, probe, success: false)
            }
            throw error
        case .deadline:
            record(mine, probe, success: false)
            throw CircuitBreakerError.timedOut(config.timeout)
        }
    }

    /// Records an outcome: true a success, false a failure, nil neutral.
    private func record(_ mine: Int, _ probe: Bool, success: Bool?) {
        guard mine == generation else { return }
        guard let success else { return }
        if probe { probes -= 1 }
        if success {
            if current == .halfOpen {
                successes += 1
                if successes >= config.successThreshold {
                    move(to: .closed)
                    failures = 0
                    successes = 0
                    nextAttempt = nil
                }
            } else {
                failures = 0
            }
            return
        }
        let now = clock.now
        failures += 1
        lastFailure = now
        if current == .halfOpen || failures >= config.failureThreshold {
            move(to: .open)
            successes = 0
            nextAttempt = now.advanced(by: config.recoveryTimeout)
        }
    }
}

extension CircuitBreaker where C == ContinuousClock {
    public init(config: CircuitBreakerConfig = .standard) {
        self.init(config: config, clock: ContinuousClock())
    }
}
