import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// The tables and sub-indicators of a narrative in the plan editor: listed on their indicator's page with its add
/// forms, added, changed and removed as the other edits, refused beside the field with nothing written, one audit
/// row per change.
@Suite("Editor del piano: tabelle della narrativa e sotto-indicatori nel browser")
struct PlanEditorNarrativeDataTests {
    @Test func theControllerAddsChangesAndRemovesNarrativeData() async throws {
        try await PlanEditorRoutesTests.withEmptyDatabase(.sqlite) { controller, store, _ in
            let made = try await controller.post("/amministrazione/enti", [("codice", "prova"), ("nome", "Camera di Prova"), ("anno", "2019")])
            #expect(made.status == .seeOther)
            let edit = PlanEditorRoutesTests.edit
            try await edit(controller, [("elemento", "nodo"), ("operazione", "crea"), ("codice", "A"), ("tipo", "area-strategica"), ("titolo", "Area")])
            try await edit(controller, [("elemento", "indicatore"), ("operazione", "crea"), ("nodo", "A"), ("codice", "1"), ("nome", "Eventi")])
            let indicatorPage = "/enti/prova/2019/piano/elemento?tipo=indicatore&id=A%2F1"
            let indicator = try await controller.get(indicatorPage)
            #expect(indicator.status == .ok)
            for text in ["Tabelle della narrativa", "Sotto-indicatori", "Aggiungi una tabella della narrativa", "Aggiungi un sotto-indicatore",
                         #"<textarea id="nuova-tabella-righe" name="righe""#] {
                #expect(indicator.body.contains(text), "\(text)")
            }
            func audit(_ table: String) async throws -> Int {
                try await store.auditLog(AuditQuery(entityCode: "prova", year: 2019, table: table)).count
            }

            let added = try await edit(controller, [
                ("modulo", "nuova-tabella"), ("elemento", "tabella_narrativa"), ("operazione", "crea"), ("indicatore", "A/1"),
                ("codice", "T1"), ("anno", ""), ("titolo", "Eventi al museo"), ("colonne", "Eventi\r\nPartecipanti"),
                ("righe", "Visite guidate; 12; 2.400\r\nLaboratori; 3; "), ("totale_stampato", "15; 2.400"),
            ])
            #expect(added.location?.contains("tipo=tabella_narrativa") == true, "\(String(describing: added.location))")
            try await edit(controller, [
                ("modulo", "nuovo-sotto-indicatore"), ("elemento", "sotto_indicatore"), ("operazione", "crea"), ("indicatore", "A/1"),
                ("codice", "S1"), ("nome", "Visitatori"), ("valore", "38.477"), ("baseline", "37.418"), ("anno_baseline", "2018"),
                ("comparatore", ">="), ("variazione_stampata", "2,83"),
            ])
            var plan = try #require(try await store.loadPlan(PlanEditorRoutesTests.scope))
            #expect(plan.narrativeTables.map(\.id) == ["T1@2019"])
            #expect(plan.narrativeTables.first?.rows.last?.values == [3, nil])
            #expect(plan.subIndicators.first?.value == 38477)
            #expect(try await audit("narrative_tables") == 1)
            #expect(try await audit("sub_indicators") == 1)

            // Listed on the indicator's page; the table's own page with its rows as typed.
            let listed = try await controller.get(indicatorPage)
            #expect(listed.body.contains("Eventi al museo") && listed.body.contains("Visitatori: 38.477"))
            let page = try await controller.get("/enti/prova/2019/piano/elemento?tipo=tabella_narrativa&id=T1%402019")
            #expect(page.status == .ok)
            #expect(page.body.contains(">Visite guidate; 12; 2.400\nLaboratori; 3; </textarea>"), "\(page.body.prefix(4000))")

            // A row that does not fit the columns: the form again, the plan file's sentence beside «righe», nothing written.
            let before = try await store.auditLog(AuditQuery(entityCode: "prova", year: 2019)).count
            let refused = try await controller.post("/enti/prova/2019/piano", [
                ("modulo", "modifica"), ("elemento", "tabella_narrativa"), ("operazione", "modifica"), ("id", "T1@2019"),
                ("righe", "Visite guidate; 12"), ("totale_stampato", "quindici; 2.400"),
            ])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("la riga «Visite guidate» ha 1 valori per 2 colonne"), "\(refused.body.prefix(4000))")
            #expect(refused.body.contains(#"id="modifica-righe-errore""#))
            #expect(refused.body.contains("«quindici» non è un numero"))
            #expect(try await store.auditLog(AuditQuery(entityCode: "prova", year: 2019)).count == before)
            #expect(try await store.loadPlan(PlanEditorRoutesTests.scope)?.narrativeTables == plan.narrativeTables)

            // A change, then a removal: one audit row each.
            try await edit(controller, [("modulo", "modifica"), ("elemento", "sotto_indicatore"), ("operazione", "modifica"), ("id", "S1@2019"),
                                        ("valore", "39.000")])
            #expect(try await audit("sub_indicators") == 2)
            let removed = try await edit(controller, [("modulo", "elimina"), ("elemento", "tabella_narrativa"), ("operazione", "elimina"),
                                                      ("id", "T1@2019")])
            #expect(removed.location?.hasPrefix(indicatorPage) == true, "\(String(describing: removed.location))")
            #expect(try await audit("narrative_tables") == 2)
            plan = try #require(try await store.loadPlan(PlanEditorRoutesTests.scope))
            #expect(plan.narrativeTables.isEmpty)
            #expect(plan.subIndicators.first?.value == 39000 && plan.subIndicators.first?.baseline == 37418)
        }
    }
}
