import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// Amministrazione › Unità: adding a unit to the plan of an Ente-year (amministratore and controllo di
/// gestione); a code already in the plan, a parent that is not there, a missing name or an unknown kind are
/// refused beside the field and store nothing.
@Suite("Amministrazione: aggiunta di un'unità")
struct AdminUnitAddTests {
    @Test(arguments: TestBackend.allCases)
    func anAddedUnitIsListedAndStoredInThePlan(_ backend: TestBackend) async throws {
        try await ServerFixture.withSignedIn("controllo", backend: backend) { controller, server in
            let page = try await controller.get("/amministrazione/unita/lucca/2018")
            #expect(page.body.contains(#"action="/amministrazione/unita/lucca/2018""#))
            let before = try #require(try await server.store.loadPlan(ServerFixture.lucca2018)).units.count
            let added = try await controller.post("/amministrazione/unita/lucca/2018", [
                ("codice", "URP"), ("nome", "Ufficio Relazioni con il pubblico"), ("tipo", "ufficio"), ("padre", "SG"),
            ])
            #expect(added.status == .seeOther)
            #expect(added.location == "/amministrazione/unita/lucca/2018?fatto=aggiunta&unita=URP")
            let plan = try #require(try await server.store.loadPlan(ServerFixture.lucca2018))
            #expect(plan.units.count == before + 1)
            let unit = try #require(plan.units.first { $0.code == "URP" })
            #expect(unit.name == "Ufficio Relazioni con il pubblico")
            #expect(unit.kind == .ufficio)
            #expect(unit.parentID == "SG")
            #expect(unit.entityCode == "lucca")
            #expect(try await server.store.loadPlan(ServerFixture.lucca2013)?.units.contains { $0.code == "URP" } == false, "solo nel 2018")

            let listed = try await controller.get(try #require(added.location))
            #expect(listed.body.contains("Unità «Ufficio Relazioni con il pubblico» aggiunta."))
            #expect(listed.body.contains(#"<td>URP</td><td>Segreteria Generale › Ufficio Relazioni con il pubblico</td><td>Ufficio</td>"#))
            let audit = try await server.store.auditLog(AuditQuery(entityCode: "lucca", year: 2018, table: "units", recordID: "URP"))
            #expect(audit.first?.action == .insert)
            #expect(audit.first?.actor == "controllo")

            // Without a code: an id of its own, the name listed with «–» as code.
            let plain = try await controller.post("/amministrazione/unita/lucca/2018", [
                ("codice", ""), ("nome", "Gruppo di lavoro PIAO"), ("tipo", "gruppo"), ("padre", ""),
            ])
            #expect(plain.status == .seeOther)
            let group = try #require(try await server.store.loadPlan(ServerFixture.lucca2018)?.units.first { $0.name == "Gruppo di lavoro PIAO" })
            #expect(group.code == nil)
            #expect(group.parentID == nil)
            #expect(try await controller.get("/amministrazione/unita/lucca/2018").body.contains("<td>–</td><td>Gruppo di lavoro PIAO</td>"))
        }
    }

    @Test(arguments: TestBackend.allCases)
    func aDuplicateCodeOrAnUnknownParentIsRefusedBesideTheFieldAndNothingIsStored(_ backend: TestBackend) async throws {
        try await ServerFixture.withSignedIn("admin", backend: backend) { admin, server in
            try await admin.get("/amministrazione/unita/lucca/2018")
            let unitsBefore = try #require(try await server.store.loadPlan(ServerFixture.lucca2018)).units
            let auditBefore = try await server.store.auditLog(AuditQuery(limit: 100_000)).count

            let duplicate = try await admin.post("/amministrazione/unita/lucca/2018", [
                ("codice", "PERS"), ("nome", "Secondo Ufficio Personale"), ("tipo", "ufficio"), ("padre", ""),
            ])
            #expect(duplicate.status == .unprocessableContent)
            #expect(duplicate.body.contains(
                #"<p class="errore-campo" id="campo-codice-errore">Il codice «PERS» è già dell&#39;unità «Ufficio Personale» nel piano 2018"#)
                || duplicate.body.contains(
                #"<p class="errore-campo" id="campo-codice-errore">Il codice «PERS» è già dell&#x27;unità «Ufficio Personale» nel piano 2018"#))
            #expect(duplicate.body.contains(#"value="Secondo Ufficio Personale""#), "quel che si è scritto resta nel modulo")

            let orphan = try await admin.post("/amministrazione/unita/lucca/2018", [
                ("codice", "NUOVA"), ("nome", "Ufficio nuovo"), ("tipo", "ufficio"), ("padre", "AREA-CHE-NON-C-E"),
            ])
            #expect(orphan.status == .unprocessableContent)
            #expect(orphan.body.contains(#"<p class="errore-campo" id="campo-padre-errore">L&#39;unità «AREA-CHE-NON-C-E» non è nel piano 2018"#)
                || orphan.body.contains(#"<p class="errore-campo" id="campo-padre-errore">L&#x27;unità «AREA-CHE-NON-C-E» non è nel piano 2018"#))
            #expect(orphan.body.contains(#"<select id="campo-padre" name="padre" aria-describedby="campo-padre-errore" aria-invalid="true">"#))

            let nameless = try await admin.post("/amministrazione/unita/lucca/2018", [
                ("codice", "NUOVA"), ("nome", " "), ("tipo", "reparto"), ("padre", ""),
            ])
            #expect(nameless.status == .unprocessableContent)
            #expect(nameless.body.contains(#"id="campo-nome-errore">Manca il nome dell&#39;unità"#)
                || nameless.body.contains(#"id="campo-nome-errore">Manca il nome dell&#x27;unità"#))
            #expect(nameless.body.contains(#"id="campo-tipo-errore">Tipo «reparto» sconosciuto: atteso uno fra segreteria-generale"#))

            #expect(try await server.store.loadPlan(ServerFixture.lucca2018)?.units == unitsBefore)
            #expect(try await server.store.auditLog(AuditQuery(limit: 100_000)).count == auditBefore)
        }
    }

    @Test func whoMayNotManageUnitsSeesNoFormAndIsRefused() async throws {
        try await ServerFixture.withSignedIn("oiv") { evaluator, server in
            #expect(try await evaluator.get("/amministrazione/unita/lucca/2018").status == .forbidden)
            let refused = try await evaluator.post("/amministrazione/unita/lucca/2018", [
                ("codice", "OIV"), ("nome", "Ufficio dell'OIV"), ("tipo", "staff"), ("padre", ""),
            ])
            #expect(refused.status == .forbidden)
            #expect(try await server.store.loadPlan(ServerFixture.lucca2018)?.units.contains { $0.code == "OIV" } == false)
        }
    }
}
