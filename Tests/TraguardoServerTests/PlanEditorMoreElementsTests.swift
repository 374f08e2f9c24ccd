import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// The editor's forms for account lines, Carta dei servizi rows, monitored procedures and people's roles: on the
/// pages where they belong, posted as the other edits, refused beside the field with nothing written.
@Suite("Editor del piano: conti, Carta dei servizi, procedimenti e ruoli nel browser")
struct PlanEditorMoreElementsTests {
    @Test func theControllerAddsAccountsCartaRowsProceduresAndRoles() async throws {
        try await PlanEditorRoutesTests.withEmptyDatabase(.sqlite) { controller, store, _ in
            let made = try await controller.post("/amministrazione/enti", [("codice", "prova"), ("nome", "Camera di Prova"), ("anno", "2019")])
            #expect(made.status == .seeOther)
            let overview = try await controller.get("/enti/prova/2019/piano")
            for heading in ["Conto economico dell", "Carta dei servizi", "Procedimenti monitorati",
                            "Aggiungi una riga della Carta dei servizi", "Aggiungi un procedimento monitorato"] {
                #expect(overview.body.contains(heading), "\(heading)")
            }
            #expect(overview.body.contains(#"<textarea id="nuova-carta-uffici" name="uffici""#))
            let edit = PlanEditorRoutesTests.edit
            try await edit(controller, [("elemento", "unita"), ("operazione", "crea"), ("codice", "SG"), ("nome", "Segreteria"), ("tipo", "area-dirigenziale")])
            try await edit(controller, [("elemento", "nodo"), ("operazione", "crea"), ("codice", "A"), ("tipo", "area-strategica"), ("titolo", "Area")])
            try await edit(controller, [("elemento", "persona"), ("operazione", "crea"), ("codice", "rossi"), ("nome", "Mario Rossi")])
            let role = try await edit(controller, [("modulo", "nuovo-ruolo"), ("elemento", "ruolo"), ("operazione", "crea"), ("persona", "rossi"),
                                                   ("ruolo", "dirigente"), ("unita", "SG"), ("facente_funzione", ""), ("dal", "2019"), ("al", "")])
            #expect(role.location == "/enti/prova/2019/piano/elemento?tipo=ruolo&id=rossi%2F1&fatto=crea", "\(String(describing: role.location))")
            try await edit(controller, [("elemento", "conto"), ("operazione", "crea"), ("nodo", "A"), ("codice", "330000"),
                                        ("descrizione", "Interventi economici"), ("fase", "preventivo"), ("importo", "-250.000,00")])
            try await edit(controller, [("elemento", "carta"), ("operazione", "crea"), ("codice", "3.1.1"), ("processo", "Iscrizione"),
                                        ("uffici", "Registro imprese\r\nAlbo artigiani"), ("standard_giorni", "5")])
            try await edit(controller, [("elemento", "procedimento"), ("operazione", "crea"), ("codice", "1"), ("nome", "Pagamento fatture")])
            let plan = try #require(try await store.loadPlan(PlanEditorRoutesTests.scope))
            #expect(plan.roles.map(\.id) == ["rossi/1"])
            #expect(plan.accountLines.first?.id == "A/c1" && plan.accountLines.first?.amount == Decimal(string: "-250000"))
            #expect(plan.serviceStandards.first?.offices == ["Registro imprese", "Albo artigiani"])
            #expect(plan.procedures.map(\.id) == ["1"])
            #expect(try await store.auditLog(AuditQuery(entityCode: "prova", year: 2019, table: "service_standards")).count == 1)
            // The pages: the person's roles with the add form, the node's account lines, the Carta row's form filled.
            let person = try await controller.get("/enti/prova/2019/piano/elemento?tipo=persona&id=rossi")
            #expect(person.body.contains("Aggiungi un ruolo") && person.body.contains("Dirigente in SG"))
            let node = try await controller.get("/enti/prova/2019/piano/elemento?tipo=nodo&id=A")
            #expect(node.body.contains("Righe di conto") && node.body.contains("Interventi economici"))
            let carta = try await controller.get("/enti/prova/2019/piano/elemento?tipo=carta&id=3.1.1")
            #expect(carta.status == .ok)
            #expect(carta.body.contains(">Registro imprese\nAlbo artigiani</textarea>"), "\(carta.body.prefix(4000))")
            for body in [person.body, node.body, carta.body, try await controller.get("/enti/prova/2019/piano").body] {
                let ids = body.matches(of: /\sid="([^"]+)"/).map { String($0.1) }
                #expect(Set(ids).count == ids.count, "id ripetuti: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
            }
            // A wrong value: the form again with the error beside the field, nothing written.
            let audit = try await store.auditLog(AuditQuery(entityCode: "prova", year: 2019)).count
            let refused = try await controller.post("/enti/prova/2019/piano", [
                ("modulo", "modifica"), ("elemento", "carta"), ("operazione", "modifica"), ("id", "3.1.1"), ("standard_giorni", "cinque"),
            ])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("«cinque» non è un numero"))
            #expect(refused.body.contains(#"id="modifica-standard_giorni-errore""#))
            #expect(try await store.auditLog(AuditQuery(entityCode: "prova", year: 2019)).count == audit)
            #expect(try await store.loadPlan(PlanEditorRoutesTests.scope)?.serviceStandards.first?.standardDays == 5)
        }
    }
}
