/// A small deterministic generator for property tests, so a failure names a seed that
/// reproduces it.
public struct SeededGenerator {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// A number in `0..<bound`.
    public mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }

    /// Up to `most` pieces (at least none), each drawn from `pieces`, joined.
    public mutating func text(of pieces: [String], upTo most: Int) -> String {
        (0..<next(most + 1)).map { _ in pieces[next(pieces.count)] }.joined()
    }
}
