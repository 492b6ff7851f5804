extension LecternHarness {
    /// The error an expected-failure operation throws; `tag` tells calls apart.
    struct Boom: Error {
        let tag: Int
    }

    /// An error the scenario's `isExpectedError` does not expect.
    struct Other: Error {
        let tag: Int
    }

    /// An error classified by value rather than by type.
    struct HTTPStatus: Error {
        let code: Int
    }

    /// An error with identity, to see that the very instance thrown comes back.
    final class Marked: Error, Sendable {}

    /// A result with identity, to see that the very instance returned comes back.
    final class Payload: Sendable {
        let value = 42
    }

    /// Names an error by pattern, never by `==` or `description`, so a learner type cannot
    /// pass itself off as another.
    static func describe(_ error: any Error) -> String {
        switch error {
        case CircuitBreakerError.open: return "CircuitBreakerError.open"
        case CircuitBreakerError.halfOpenSaturated: return "CircuitBreakerError.halfOpenSaturated"
        case CircuitBreakerError.timedOut: return "CircuitBreakerError.timedOut"
        case CircuitBreakerConfigError.invalidFailureThreshold(let value):
            return "invalidFailureThreshold(\(value))"
        case CircuitBreakerConfigError.invalidSuccessThreshold(let value):
            return "invalidSuccessThreshold(\(value))"
        case CircuitBreakerConfigError.invalidRecoveryTimeout(let value):
            return "invalidRecoveryTimeout(\(seconds(value)))"
        case CircuitBreakerConfigError.invalidTimeout(let value):
            return "invalidTimeout(\(seconds(value)))"
        case is CancellationError: return "CancellationError"
        case let boom as Boom: return "Boom(\(boom.tag))"
        case let other as Other: return "Other(\(other.tag))"
        case let status as HTTPStatus: return "HTTPStatus(\(status.code))"
        case is Marked: return "Marked"
        case let failure as ScenarioFailure: return failure.description
        default: return "an unexpected \(typeName(of: error))"
        }
    }

    static func typeName(of error: any Error) -> String {
        String(String(describing: type(of: error)).prefix(200))
    }

    /// The payload of `.open(retryAfter:)` or `.timedOut(_:)`, in seconds.
    static func payload(_ error: any Error) -> JSON {
        switch error {
        case CircuitBreakerError.open(let retryAfter): return .double(seconds(retryAfter))
        case CircuitBreakerError.timedOut(let timeout): return .double(seconds(timeout))
        default: return .null
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        let (whole, fraction) = duration.components
        return Double(whole) + Double(fraction) / 1e18
    }

    static func stamp(_ instant: ManualClock.Instant?) -> JSON {
        instant.map { .double(seconds($0.offset)) } ?? .null
    }
}
