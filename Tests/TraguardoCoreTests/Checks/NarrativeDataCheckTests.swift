import Foundation
import Testing
@testable import TraguardoCore

/// `DATI-NARRATIVI`: a narrative table's columns against its printed TOTALE, a sub-indicator's printed change against
/// its values, a sub-indicator printed as met against its comparison.
@Suite("Verifiche: tabelle e sotto-indicatori delle narrative")
struct NarrativeDataCheckTests {
    static func findings(_ plan: CyclePlan) -> [Finding] {
        NarrativeDataCheck().findings(in: CheckContext(plan: plan))
    }

    @Test func aTableWhoseRowsDoNotGiveItsTotalIsAnError() {
        var plan = CheckFixtures.clean()
        let rows = [NarrativeTable.Row(label: "Visite", values: [10, 415]), NarrativeTable.Row(label: "Eventi", values: [27, nil])]
        plan.narrativeTables = [
            NarrativeTable(code: "giusta", indicatorID: "i1", year: 2018, title: "Giusta", columns: ["Attività", "Partecipanti"],
                           rows: rows, declaredTotals: [37, 415]),
            NarrativeTable(code: "sbagliata", indicatorID: "i1", year: 2018, title: "Eventi", columns: ["Attività", "Partecipanti"],
                           rows: rows, declaredTotals: [36, nil]),
            // Another year's table is that year's business.
            NarrativeTable(code: "vecchia", indicatorID: "i1", year: 2017, title: "Vecchia", columns: ["Attività"],
                           rows: [NarrativeTable.Row(label: "Visite", values: [1])], declaredTotals: [9]),
        ]
        let found = Self.findings(plan)
        #expect(found.map(\.elementCode) == ["sbagliata"])
        #expect(found.first?.message == "La tabella «Eventi» stampa il totale 36 nella colonna «Attività», ma le sue 2 righe sommano 37. Correggere il totale o le righe.")
        #expect(found.first?.severity == .error)
        #expect(CheckCatalogue.findings(in: plan, period: nil).contains { $0.code == "DATI-NARRATIVI" && $0.elementCode == "sbagliata" })
    }

    @Test func aSubIndicatorsPrintedChangeAndOutcomeAreRecomputed() {
        var plan = CheckFixtures.clean()
        plan.subIndicators = [
            // 38.477 on 37.418: +2,8302…% → «2,83» agrees (rounded), «2,8» agrees (truncated), «3,83» does not.
            SubIndicator(code: "visitatori", indicatorID: "i1", year: 2018, name: "Visitatori", value: 38477, baseline: 37418,
                         baselineYear: 2017, declaredChange: Decimal(string: "2.83")),
            SubIndicator(code: "visitatori-tronchi", indicatorID: "i1", year: 2018, name: "Visitatori", value: 38477, baseline: 37418,
                         declaredChange: Decimal(string: "2.8")),
            SubIndicator(code: "visitatori-errati", indicatorID: "i1", year: 2018, name: "Visitatori", value: 38477, baseline: 37418,
                         baselineYear: 2017, declaredChange: Decimal(string: "3.83")),
            // Printed as met (100) but 32 is not ≥ 33,85.
            SubIndicator(code: "crm", procedureID: "6", year: 2018, name: "Clienti con e-mail", value: 32,
                         baseline: Decimal(string: "33.85"), comparator: .atLeast, declared: DeclaredResult(score: 100)),
            SubIndicator(code: "errore", procedureID: "6", year: 2018, name: "Errore", value: Decimal(string: "3.89")!,
                         comparator: .lessThan, target: 5, declared: DeclaredResult(score: 100)),
        ]
        let found = Self.findings(plan)
        #expect(found.map(\.elementCode) == ["visitatori-errati", "crm"])
        #expect(found.first?.message.contains("stampata una variazione del 3,83%, ma 38.477 su 37.418 del 2017 è 2,83%") == true, "\(found)")
        #expect(found.last?.message.contains("stampato come raggiunto (100), ma 32 non è ≥ 33,85") == true, "\(found)")
        #expect(plan.subIndicators.last?.met == true)
    }
}
