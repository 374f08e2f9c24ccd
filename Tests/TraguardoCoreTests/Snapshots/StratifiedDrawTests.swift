import Foundation
import Testing
import TraguardoCore

/// The OIV's sample: the same population and seed draw the same items, every office is represented when the
/// size allows it, the rest is shared in proportion, and the generator is the published SplitMix64.
@Suite("Campione stratificato dell'OIV")
struct StratifiedDrawTests {
    /// 30 items of office A, 15 of B, 5 of C.
    static let population: [SampleCandidate] =
        (1...30).map { SampleCandidate(id: "A\($0)", stratum: "A") } + (1...15).map { SampleCandidate(id: "B\($0)", stratum: "B") }
        + (1...5).map { SampleCandidate(id: "C\($0)", stratum: "C") }

    @Test func theSameSeedDrawsTheSameSampleWhateverTheOrderOfThePopulation() {
        let first = StratifiedDraw.draw(Self.population, size: 10, seed: 20_261_206)
        let again = StratifiedDraw.draw(Self.population.reversed(), size: 10, seed: 20_261_206)
        #expect(first == again)
        #expect(first.count == 10)
        #expect(Set(first).count == 10)
        // Another seed draws another sample (of these seeds, at least one differs: they are not all equal).
        let others = (1...5).map { StratifiedDraw.draw(Self.population, size: 10, seed: UInt64($0)) }
        #expect(others.contains { $0 != first })
    }

    @Test func everyOfficeIsRepresentedAndTheRestIsProportional() {
        // 10 of 50: one each first (3), then 7 shared over what is left (29, 14, 4): 4,32 / 2,09 / 0,60, so
        // 4, 2, 0 and the last one to the largest remainder, C: A 5, B 3, C 2.
        let drawn = StratifiedDraw.draw(Self.population, size: 10, seed: 42)
        let byOffice = Dictionary(grouping: drawn, by: { String($0.prefix(1)) }).mapValues(\.count)
        #expect(byOffice == ["A": 5, "B": 3, "C": 2])
        // Fewer than the offices: no office first, the largest strata win.
        #expect(StratifiedDraw.draw(Self.population, size: 2, seed: 42).map { $0.prefix(1) } == ["A", "B"])
        // More than the population: all of it.
        #expect(Set(StratifiedDraw.draw(Self.population, size: 500, seed: 1)) == Set(Self.population.map(\.id)))
        #expect(StratifiedDraw.draw(Self.population, size: 0, seed: 1).isEmpty)
        #expect(StratifiedDraw.draw([], size: 3, seed: 1).isEmpty)
    }

    /// The first outputs of SplitMix64 for seed 1234567, as Vigna's reference C code (splitmix64.c) gives them.
    @Test func theGeneratorIsSplitMix64() {
        var generator = SplitMix64(seed: 1_234_567)
        let outputs = (0..<3).map { _ in generator.next() }
        #expect(outputs == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423])
    }
}
