import Foundation
import Testing
import TraguardoCore
import TraguardoExchange

/// The tables and sub-indicators of a narrative in the plan editor: added, changed and removed by the keys of the plan
/// file, read with its rules (`NarrativeDataRule`: the same sentence for the same mistake), refused whole when
/// anything is wrong; what the editor makes, the plan file writes and reads back.
@Suite("Editor del piano: tabelle della narrativa e sotto-indicatori")
struct PlanEditorNarrativeTests {
    static let table = PlanEdit(.narrativeTable, .create, fields: [
        "indicatore": "A101/1", "codice": "T1", "titolo": "Eventi al MuSA", "colonne": "Eventi\nPartecipanti",
        "righe": "Visite guidate; 12; 240\nLaboratori; 3; ", "totale_stampato": "15; 240",
    ])
    static let sub = PlanEdit(.subIndicator, .create, fields: [
        "indicatore": "A101/1", "codice": "S1", "nome": "Visitatori", "valore": "38.477", "baseline": "37.418",
        "anno_baseline": "2018", "comparatore": ">=", "variazione_stampata": "2,83",
    ])

    @Test("Aggiunti, modificati ed eliminati; il file piano li scrive e li rilegge uguali")
    func addChangeRemove() throws {
        var plan = try PlanEditorTests.smallPlan()
        plan = try PlanEditorTests.applied(Self.table, to: plan)
        plan = try PlanEditorTests.applied(Self.sub, to: plan)
        let table = try #require(plan.narrativeTables.first)
        #expect(table.id == "T1@2019")
        #expect(table.indicatorID == "A101/1")
        #expect(table.columns == ["Eventi", "Partecipanti"])
        #expect(table.rows == [.init(label: "Visite guidate", values: [12, 240]), .init(label: "Laboratori", values: [3, nil])])
        #expect(table.declaredTotals == [15, 240])
        let sub = try #require(plan.subIndicators.first)
        #expect(sub.id == "S1@2019")
        #expect(sub.value == 38477 && sub.baseline == 37418 && sub.baselineYear == 2018 && sub.comparator == .atLeast)
        #expect(sub.declaredChange == Decimal(string: "2.83"))

        let read = try #require(try PlanFileReader.read(texts: [("piano.yaml", try PlanFileWriter.yaml(plan))]).first)
        #expect(read.narrativeTables.map(\.rows) == plan.narrativeTables.map(\.rows))
        #expect(read.narrativeTables.map(\.declaredTotals) == plan.narrativeTables.map(\.declaredTotals))
        #expect(read.subIndicators.map(\.value) == plan.subIndicators.map(\.value))

        plan = try PlanEditorTests.applied(PlanEdit(.subIndicator, .update, id: "S1@2019", fields: ["valore": "39.000"]), to: plan)
        #expect(plan.subIndicators.first?.value == 39000)
        #expect(plan.subIndicators.first?.baseline == 37418, "una chiave non inviata resta com'è")
        plan = try PlanEditorTests.applied(PlanEdit(.narrativeTable, .update, id: "T1@2019", fields: ["titolo": "Eventi 2019"]), to: plan)
        #expect(plan.narrativeTables.first?.title == "Eventi 2019")
        #expect(plan.narrativeTables.first?.rows.count == 2)
        plan = try PlanEditorTests.applied(PlanEdit(.narrativeTable, .remove, id: "T1@2019"), to: plan)
        plan = try PlanEditorTests.applied(PlanEdit(.subIndicator, .remove, id: "S1@2019"), to: plan)
        #expect(plan.narrativeTables.isEmpty && plan.subIndicators.isEmpty)
    }

    @Test("Lo stesso errore ha la stessa frase nel file piano e nell'editor; nulla cambia")
    func sameRulesAsThePlanFile() throws {
        let plan = try PlanEditorTests.smallPlan()
        var wide = Self.table
        wide.fields["righe"] = "Visite guidate; 12"
        wide.fields["totale_stampato"] = "15"
        let errors = PlanEditorTests.refused(wide, to: plan)
        let file = """
            formato: traguardo/1
            ente: {codice: prova, nome: Prova}
            anno: 2019
            albero:
              - codice: A
                tipo: area-strategica
                titolo: T
                indicatori:
                  - {codice: "1", nome: Imprese}
            tabelle_narrative:
              - codice: T1
                indicatore: A/1
                titolo: Eventi
                colonne: [Eventi, Partecipanti]
                righe:
                  - {etichetta: Visite guidate, valori: [12]}
                totale_stampato: [15]
            sotto_indicatori:
              - {codice: S1, nome: Visitatori, valore: 1, indicatore: A/1, procedimento: "6"}
            """
        var fileErrors: [String: String] = [:]
        do {
            _ = try PlanFileReader.read(texts: [("p.yaml", file)])
            Issue.record("file accettato")
        } catch {
            for e in error.errors { fileErrors[e.field.components(separatedBy: ".").last ?? e.field] = e.message }
        }
        #expect(errors["righe"] == "la riga «Visite guidate» ha 1 valori per 2 colonne")
        #expect(fileErrors["valori"] == errors["righe"])
        #expect(errors["totale_stampato"] == "il totale stampato ha 1 valori per 2 colonne")
        #expect(fileErrors["totale_stampato"] == errors["totale_stampato"])

        // An indicator and a procedure: one only, the same sentence.
        var both = Self.sub
        both.fields["procedimento"] = "6"
        let owner = PlanEditorTests.refused(both, to: plan)
        #expect(owner["indicatore"] == NarrativeDataRule.oneOwner)
        #expect(fileErrors["indicatore"] == owner["indicatore"])

        // Bad values: named with what is expected; an unknown indicator; nothing changed.
        var bad = Self.sub
        bad.fields["valore"] = "molti"
        bad.fields["indicatore"] = "Z9/9"
        let refused = PlanEditorTests.refused(bad, to: plan)
        #expect(refused["valore"] == "«molti» non è un numero; atteso per esempio «1.418.965,00», «99,22%» o 98.99")
        #expect(refused["indicatore"]?.contains("«Z9/9»") == true)
        var cell = Self.table
        cell.fields["righe"] = "Visite guidate; dodici; 240"
        #expect(PlanEditorTests.refused(cell, to: plan)["righe"]
            == "la riga 1 «Visite guidate»: «dodici» non è un numero; atteso per esempio «1.418.965,00», «99,22%» o 98.99")
        var noColumns = Self.table
        noColumns.fields["colonne"] = ""
        #expect(PlanEditorTests.refused(noColumns, to: plan)["colonne"] == NarrativeDataRule.missingColumns)

        // The same code twice in a year: refused.
        let once = try PlanEditorTests.applied(Self.sub, to: plan)
        #expect(PlanEditorTests.refused(Self.sub, to: once)["codice"]?.contains("S1@2019") == true)
    }
}
