extension LecternHarness {
    /// One hidden test: an id (matching expectations.json) and a body returning observations.
    struct Scenario: Sendable {
        let id: String
        let body: @Sendable () async throws -> Observations

        init(_ id: String, _ body: @escaping @Sendable () async throws -> Observations) {
            self.id = id
            self.body = body
        }
    }

    /// A scenario failed in a way that is not an observation (a valid configuration refused).
    struct ScenarioFailure: Error, CustomStringConvertible {
        let description: String
    }
}
