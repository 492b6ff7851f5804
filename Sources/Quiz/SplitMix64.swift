/// A tiny, fully specified pseudo-random generator (SplitMix64, Steele et al. 2014).
///
/// `--shuffle --seed N` must give the same order on every run, machine and Swift version;
/// the system generator promises none of that, so the quiz carries its own.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<upperBound`, by rejection so no value is favoured, and
    /// defined here (not by the standard library) so results never change between releases.
    public mutating func uniform(below upperBound: Int) -> Int {
        precondition(upperBound > 0, "uniform(below:) needs a positive bound")
        let bound = UInt64(upperBound)
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let value = next()
            if value < limit { return Int(value % bound) }
        }
    }

    /// The indices `0..<count` in a Fisher–Yates order drawn from this generator.
    public mutating func permutation(of count: Int) -> [Int] {
        var order = Array(0..<count)
        var index = count - 1
        while index > 0 {
            let other = uniform(below: index + 1)
            order.swapAt(index, other)
            index -= 1
        }
        return order
    }
}
