/// What one differential scenario observed (docs/grading-protocol.md, Differential
/// scenarios): one step per operation of its program, each with its observations in order.
/// The reference's runs also describe each step and name the hidden test it exercises.
public struct Trace: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        /// The observations, in the order the harness made them.
        public var see: [Observation]
        /// What the step did, in the track's own terms (reference runs only).
        public var text: String?
        /// The hidden test whose rule the step exercises (reference runs only).
        public var test: String?

        public init(see: [Observation], text: String? = nil, test: String? = nil) {
            self.see = see
            self.text = text
            self.test = test
        }

        public func value(of key: String) -> JSONValue? {
            see.first { $0.key == key }?.value
        }
    }

    public struct Observation: Sendable, Equatable {
        public var key: String
        public var value: JSONValue

        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    public var steps: [Step]
    /// The program that ran (reference runs only): the shrinker's input.
    public var program: JSONValue?
    /// How the program sets up what it tests, in the track's terms (reference runs only).
    public var setup: String?
    /// The program leaves an order of events to chance; such a program proves nothing.
    public var ambiguous: Bool

    public init(steps: [Step], program: JSONValue? = nil, setup: String? = nil, ambiguous: Bool = false) {
        self.steps = steps
        self.program = program
        self.setup = setup
        self.ambiguous = ambiguous
    }

    /// The trace in a scenario's observations (`trace`, and from reference runs `program`,
    /// `breaker`, `ambiguous`); nil when they hold no trace.
    public init?(observations: [String: JSONValue]) {
        guard case .array(let items)? = observations["trace"] else { return nil }
        var steps: [Step] = []
        for item in items {
            guard case .object(let fields) = item, case .array(let pairs)? = fields["see"] else { return nil }
            var see: [Observation] = []
            for pair in pairs {
                guard case .array(let parts) = pair, parts.count == 2, let key = parts[0].string else { return nil }
                see.append(Observation(key, parts[1]))
            }
            steps.append(Step(see: see, text: fields["do"]?.string, test: fields["test"]?.string))
        }
        self.init(steps: steps, program: observations["program"], setup: observations["breaker"]?.string,
                  ambiguous: observations["ambiguous"] == .bool(true))
    }

    /// Where `actual` first differs from this (the reference's) trace: step by step, each
    /// step's observations in the reference's order, then any the reference did not make.
    /// An opaque value equals nothing. Nil when the traces agree.
    public func firstDivergence(from actual: Trace) -> Divergence? {
        for (index, expected) in steps.enumerated() {
            guard index < actual.steps.count else {
                return Divergence(step: index, key: nil, expected: nil, actual: nil)
            }
            let got = actual.steps[index]
            for observation in expected.see {
                let value = got.value(of: observation.key)
                if value != observation.value || value?.containsOpaque == true {
                    return Divergence(step: index, key: observation.key, expected: observation.value, actual: value)
                }
            }
            if let extra = got.see.first(where: { expected.value(of: $0.key) == nil }) {
                return Divergence(step: index, key: extra.key, expected: nil, actual: extra.value)
            }
        }
        if actual.steps.count > steps.count {
            return Divergence(step: steps.count, key: actual.steps[steps.count].see.first?.key, expected: nil,
                              actual: actual.steps[steps.count].see.first?.value)
        }
        return nil
    }
}

/// The first difference between the reference's trace and a submission's: the step (0-based),
/// the observation, and the two values (nil: not observed; a nil key: the whole step missing).
public struct Divergence: Sendable, Equatable {
    public var step: Int
    public var key: String?
    public var expected: JSONValue?
    public var actual: JSONValue?

    public init(step: Int, key: String?, expected: JSONValue?, actual: JSONValue?) {
        self.step = step
        self.key = key
        self.expected = expected
        self.actual = actual
    }
}
