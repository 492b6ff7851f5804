import Testing
@testable import Quiz

@Suite("SplitMix64 generator")
struct SplitMix64Tests {
    @Test("matches the published SplitMix64 sequence for seed 0")
    func referenceSequence() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
    }

    @Test("a permutation holds every index once", arguments: [0, 1, 2, 4, 10, 33])
    func permutationIsComplete(count: Int) {
        var generator = SplitMix64(seed: 42)
        #expect(generator.permutation(of: count).sorted() == Array(0..<count))
    }

    @Test("the same seed gives the same permutation")
    func reproducible() {
        var first = SplitMix64(seed: 7)
        var second = SplitMix64(seed: 7)
        #expect(first.permutation(of: 10) == second.permutation(of: 10))
    }

    @Test("different seeds give different permutations")
    func seedsDiffer() {
        var first = SplitMix64(seed: 1)
        var second = SplitMix64(seed: 2)
        #expect(first.permutation(of: 10) != second.permutation(of: 10))
    }

    @Test("uniform draws stay below the bound and reach every value")
    func uniformRange() {
        var generator = SplitMix64(seed: 3)
        let draws = (0..<400).map { _ in generator.uniform(below: 4) }
        #expect(Set(draws) == [0, 1, 2, 3])
    }
}
