import Foundation
import Testing
import TraguardoCore
import TraguardoExchange

/// A derived indicator from several sources and with its own rounding, on Lucca 2018's SG-1/1 («Carta dei
/// servizi/procedimenti»): the plan file's `derivato_da.altre_fonti` and `derivato_da.arrotondamento`.
@Suite("Indicatori derivati: più fonti e arrotondamento proprio")
struct DerivedIndicatorSourcesTests {
    static let original = "derivato_da: {tipo: carta-dei-servizi}"

    /// Lucca 2018 with SG-1/1's `derivato_da` (the first of the file) replaced by `replacement`, read from a copy of the folder.
    static func lucca2018(derivation replacement: String) throws -> CyclePlan {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("derivati-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: ExampleDatasets.root.appendingPathComponent("lucca-2018"), to: folder)
        let file = folder.appendingPathComponent("obiettivi.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        let first = try #require(text.range(of: original), "SG-1/1 deriva dalla Carta dei servizi")
        text.replaceSubrange(first, with: replacement)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return try #require(try PlanFileReader.read(paths: [folder.path]).first)
    }

    static func indicator(_ plan: CyclePlan) throws -> Indicator {
        let objective = try #require(plan.objectives.first { $0.code == "SG-1" })
        return try #require(plan.indicators.first { $0.objectiveID == objective.id && $0.code == "1" })
    }

    @Test func theMeanOfTheCartaAndTheProceduresWithTheIndicatorsOwnRounding() throws {
        let plan = try Self.lucca2018(derivation:
            "derivato_da: {tipo: carta-dei-servizi, altre_fonti: [{tipo: procedimenti}], arrotondamento: {modo: arrotonda, cifre: 2}}")
        let indicator = try Self.indicator(plan)
        #expect(indicator.derivedFrom?.sources.map(\.kind) == [.serviceCharter, .procedures])
        #expect(indicator.derivedFrom?.rounding == RoundingRule(mode: .halfUp, digits: 2))
        let scores = PlanScorer.score(plan, period: "ANNO")
        let carta = try #require(scores.serviceCharter?.score.value)
        let procedures = try #require(scores.procedureTotal?.score.value)
        #expect((carta, procedures) == (Decimal(string: "99.22")!, 99))
        // (99,22 + 99,00) / 2 = 99,11, kept at 2 decimals by the indicator's rule (the methodology's rounds to 99).
        let derived = try #require(scores.indicators[indicator.id])
        #expect(derived.score.value == (carta + procedures) / 2)
        #expect(derived.score.shown == "99,11")

        // The same sources under the methodology's one rule (Lucca 2018: to the unit, half up).
        let plain = try Self.lucca2018(derivation: "derivato_da: {tipo: carta-dei-servizi, altre_fonti: [{tipo: procedimenti}]}")
        #expect(PlanScorer.score(plain, period: "ANNO").indicators[try Self.indicator(plain).id]?.score.value == 99)
        // And the file as it was: the Carta alone, 99,22 → 99.
        let alone = try #require(try ExampleDatasets.read("lucca-2018").first)
        #expect(PlanScorer.score(alone, period: "ANNO").indicators[try Self.indicator(alone).id]?.score.value == 99)
    }

    @Test func theSourcesAndTheRoundingRoundTripThroughThePlanFile() throws {
        let plan = try Self.lucca2018(derivation:
            "derivato_da: {tipo: carta-dei-servizi, altre_fonti: [{tipo: procedimenti}, {tipo: obiettivi, codici: [ENTE-3]}], arrotondamento: {modo: tronca, cifre: 1}}")
        let written = try PlanFileWriter.yaml(plan)
        #expect(written.contains("altre_fonti"))
        let again = try #require(try PlanFileReader.read(texts: [("export.yaml", written)]).first)
        let before = try Self.indicator(plan).derivedFrom, after = try Self.indicator(again).derivedFrom
        #expect(after == before)
        #expect(after?.further.last == ScoreDerivation(kind: .objectives, codes: ["ENTE-3"]))
        #expect(after?.rounding == RoundingRule(mode: .truncate, digits: 1))
    }

    @Test func aBadRoundingIsAnItalianErrorNamingTheField() throws {
        do {
            _ = try Self.lucca2018(derivation: "derivato_da: {tipo: carta-dei-servizi, arrotondamento: {modo: arrotonda, cifre: 9}}")
            Issue.record("9 cifre decimali devono essere un errore")
        } catch let error as PlanFileErrors {
            #expect(error.description.contains("derivato_da.arrotondamento.cifre"), "\(error.description)")
            #expect(error.description.contains("attese da 0 a 6"))
        }
        do {
            _ = try Self.lucca2018(derivation: "derivato_da: {tipo: carta-dei-servizi, altre_fonti: [{codici: [X]}]}")
            Issue.record("una fonte senza tipo deve essere un errore")
        } catch let error as PlanFileErrors {
            #expect(error.description.contains("manca il tipo"), "\(error.description)")
        }
    }
}
