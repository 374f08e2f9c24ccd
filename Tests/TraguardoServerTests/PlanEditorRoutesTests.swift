import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// Amministrazione › Enti e anni and › Editor del piano, and the same edits in `/api/v1`: a plan built from an empty
/// database by the controller, each change with its audit row, a wrong field refused beside it with nothing
/// written, the checks' findings on the element's page.
@Suite("Editor del piano: dal database vuoto al piano, sul web e nell'API")
struct PlanEditorRoutesTests {
    /// An empty database with the demo accounts only, the application over it and the controller signed in.
    static func withEmptyDatabase(_ backend: TestBackend, _ body: @Sendable (Browser, Store, any TestClientProtocol) async throws -> Void) async throws {
        try await withTestDatabase(backend) { database in
            let store = try await database.open()
            do {
                try await DemoAccounts.install(in: store, bcryptCost: 4, actor: "test")
                let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
                try await app.test(.router) { client in
                    let browser = Browser(client)
                    try await browser.logIn("controllo")
                    try await body(browser, store, client)
                }
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        }
    }

    static let scope = CycleScope(entityCode: "prova", year: 2019)

    /// Posts one edit of the editor's forms, expecting it saved (a redirect to the element's page).
    @discardableResult
    static func edit(_ browser: Browser, _ fields: [(String, String)]) async throws -> Browser.Page {
        let answer = try await browser.post("/enti/prova/2019/piano", fields)
        #expect(answer.status == .seeOther, "\(fields): \(answer.status)\n\(answer.body.prefix(3000))")
        return answer
    }

    @Test(arguments: TestBackend.allCases)
    func theControllerBuildsAPlanFromAnEmptyDatabase(_ backend: TestBackend) async throws {
        try await Self.withEmptyDatabase(backend) { controller, store, _ in
            let empty = try await controller.get("/amministrazione/enti")
            #expect(empty.status == .ok)
            #expect(empty.body.contains("Il database non contiene ancora nessun Ente"))
            // The Ente and its year.
            let made = try await controller.post("/amministrazione/enti", [
                ("codice", "prova"), ("nome", "Camera di Commercio di Prova"), ("anno", "2019"), ("periodi", "settembre-e-anno"),
            ])
            #expect(made.status == .seeOther)
            #expect(made.location == "/enti/prova/2019/piano?fatto=ciclo")
            let overview = try await controller.get(try #require(made.location))
            #expect(overview.body.contains("Ente-anno creato"))
            #expect(overview.body.contains("albero è vuoto"))
            // Units, an area, a strategic objective, a project with two indicators, targets, items and resources.
            try await Self.edit(controller, [("modulo", "nuova-unita"), ("elemento", "unita"), ("operazione", "crea"),
                                             ("codice", "SG"), ("nome", "Segreteria Generale"), ("tipo", "segreteria-generale"), ("padre", "")])
            try await Self.edit(controller, [("modulo", "nuova-unita"), ("elemento", "unita"), ("operazione", "crea"),
                                             ("codice", "PROG"), ("nome", "Ufficio Programmazione"), ("tipo", "ufficio"), ("padre", "SG")])
            let area = try await Self.edit(controller, [
                ("modulo", "nuovo-nodo"), ("elemento", "nodo"), ("operazione", "crea"), ("codice", "A"), ("tipo", "area-strategica"),
                ("titolo", "Competitività delle imprese"), ("stato", "attivo"), ("padre", ""), ("peso", ""),
            ])
            #expect(area.location == "/enti/prova/2019/piano/elemento?tipo=nodo&id=A&fatto=crea")
            try await Self.edit(controller, [("elemento", "nodo"), ("operazione", "crea"), ("codice", "A1"), ("tipo", "obiettivo-strategico"),
                                             ("titolo", "Imprese digitali"), ("padre", "A"), ("missione", "011"), ("programma", "005")])
            try await Self.edit(controller, [("elemento", "nodo"), ("operazione", "crea"), ("codice", "A101"), ("tipo", "progetto"),
                                             ("titolo", "Punto impresa digitale"), ("padre", "A1"), ("responsabile_unita", "PROG"), ("peso", "60")])
            for (code, name) in [("1", "Imprese assistite"), ("2", "Tempo medio di risposta")] {
                try await Self.edit(controller, [("elemento", "indicatore"), ("operazione", "crea"), ("nodo", "A101"), ("codice", code),
                                                 ("nome", name), ("comparatore", code == "1" ? ">=" : "<="), ("unita_misura", code == "1" ? "n." : "gg"),
                                                 ("fonte_dati", "rilevazione ufficio"), ("baseline.valore", "120")])
                try await Self.edit(controller, [("elemento", "target"), ("operazione", "crea"), ("indicatore", "A101/\(code)"),
                                                 ("anno", "2019"), ("valore", code == "1" ? "150" : "30")])
                try await Self.edit(controller, [("elemento", "item"), ("operazione", "crea"), ("indicatore", "A101/\(code)"), ("codice", "a"),
                                                 ("descrizione", name), ("valore_target", code == "1" ? "150" : "30"), ("ufficio", "PROG")])
            }
            try await Self.edit(controller, [("elemento", "risorsa"), ("operazione", "crea"), ("nodo", "A101"), ("tipo", "oneri"),
                                             ("fase", "preventivo"), ("importo", "1.418.965,00"), ("anno", "2019")])
            let plan = try #require(try await store.loadPlan(Self.scope))
            #expect(plan.entity.name == "Camera di Commercio di Prova")
            #expect(plan.periods.count == 2, "settembre e anno")
            #expect(plan.units.map(\.id).sorted() == ["PROG", "SG"])
            #expect(plan.nodes.map(\.id).sorted() == ["A", "A1", "A101"])
            #expect(plan.nodes.first { $0.id == "A101" }?.parentID == "A1")
            #expect(plan.nodes.first { $0.id == "A1" }?.missionCode == "011")
            #expect(plan.indicators.map(\.id).sorted() == ["A101/1", "A101/2"])
            #expect(plan.targets.count == 2)
            #expect(plan.items.map(\.id).sorted() == ["A101/1/a", "A101/2/a"])
            #expect(plan.resources.first?.amount == Decimal(string: "1418965"))
            // Every change is in the registro, by the controller.
            let nodeAudit = try await store.auditLog(AuditQuery(entityCode: "prova", year: 2019, table: "plan_nodes", recordID: "A101"))
            #expect(nodeAudit.first?.action == .insert)
            #expect(nodeAudit.first?.actor == "controllo")
            // A change: one more audit row, an update.
            try await Self.edit(controller, [("modulo", "modifica"), ("elemento", "nodo"), ("operazione", "modifica"), ("id", "A101"),
                                             ("titolo", "Punto impresa digitale 2019"), ("peso", "70")])
            let changed = try await store.auditLog(AuditQuery(entityCode: "prova", year: 2019, table: "plan_nodes", recordID: "A101"))
            #expect(changed.count == nodeAudit.count + 1)
            #expect(changed.contains { $0.action == .update })
            // A move (with the form's select): the project under the area.
            try await Self.edit(controller, [("modulo", "sposta"), ("elemento", "nodo"), ("operazione", "sposta"), ("id", "A101"), ("padre", "A")])
            #expect(try await store.loadPlan(Self.scope)?.nodes.first { $0.id == "A101" }?.parentID == "A")
            // The element's page: its form filled, the move form, its indicators and resources.
            let page = try await controller.get("/enti/prova/2019/piano/elemento?tipo=nodo&id=A101")
            #expect(page.status == .ok)
            #expect(page.body.contains(#"value="Punto impresa digitale 2019""#))
            #expect(page.body.contains("Sposta sotto un altro nodo"))
            #expect(page.body.contains("Imprese assistite"))
            #expect(page.body.contains("1.418.965,00 €"))
            // Every id once (a form's heading once had the id of its «titolo» field).
            for body in [page.body, try await controller.get("/enti/prova/2019/piano").body] {
                let ids = body.matches(of: /\sid="([^"]+)"/).map { String($0.1) }
                #expect(Set(ids).count == ids.count, "id ripetuti: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
            }
        }
    }

    @Test(arguments: TestBackend.allCases)
    func aWrongFieldIsRefusedBesideItAndNothingIsWritten(_ backend: TestBackend) async throws {
        try await Self.withEmptyDatabase(backend) { controller, store, _ in
            try await controller.get("/amministrazione/enti")
            let refusedCycle = try await controller.post("/amministrazione/enti", [("codice", "prova"), ("nome", ""), ("anno", "duemila")])
            #expect(refusedCycle.status == .unprocessableContent)
            #expect(refusedCycle.body.contains("«duemila» non è un numero intero; atteso per esempio «2018»"))
            #expect(refusedCycle.body.contains(##"href="#nuovo-ciclo-anno""##))
            #expect(try await store.cycles().isEmpty)
            try await controller.post("/amministrazione/enti", [("codice", "prova"), ("nome", "Prova"), ("anno", "2019")])
            try await controller.get("/enti/prova/2019/piano")
            try await Self.edit(controller, [("elemento", "nodo"), ("operazione", "crea"), ("codice", "A"), ("tipo", "area-strategica"), ("titolo", "Area")])
            let before = try await TestDatabase.dump(store)
            let auditBefore = try await store.auditLog(AuditQuery(limit: 100_000)).count
            let wrong = try await controller.post("/enti/prova/2019/piano", [
                ("modulo", "modifica"), ("elemento", "nodo"), ("operazione", "modifica"), ("id", "A"),
                ("titolo", "Nuovo titolo"), ("peso", "sessanta"), ("responsabile_unita", "XYZ"),
            ])
            #expect(wrong.status == .unprocessableContent)
            // Beside the field, with the value found and what is expected; the summary links to it.
            #expect(wrong.body.contains("«sessanta» non è un numero; atteso per esempio «1.418.965,00», «99,22%» o 98.99"))
            #expect(wrong.body.contains("unità «XYZ» non esiste in prova 2019"))
            #expect(wrong.body.contains(#"id="modifica-peso""#))
            #expect(wrong.body.contains(##"href="#modifica-peso""##))
            #expect(wrong.body.contains(#"aria-invalid="true""#))
            #expect(wrong.body.contains(#"value="Nuovo titolo""#), "quanto scritto resta nel modulo")
            #expect(try await TestDatabase.dump(store) == before)
            #expect(try await store.auditLog(AuditQuery(limit: 100_000)).count == auditBefore)
            // A node under its own descendant: refused on «padre».
            try await Self.edit(controller, [("elemento", "nodo"), ("operazione", "crea"), ("codice", "A1"), ("tipo", "progetto"), ("titolo", "P"), ("padre", "A")])
            let loop = try await controller.post("/enti/prova/2019/piano", [
                ("modulo", "sposta"), ("elemento", "nodo"), ("operazione", "sposta"), ("id", "A"), ("padre", "A1"),
            ])
            #expect(loop.status == .unprocessableContent)
            #expect(loop.body.contains("formano un ciclo"))
            // The refused form comes back unfolded; the other add forms stay folded.
            #expect(loop.body.contains(#"<details class="modulo-piano" open>\#n<summary><h2 id="sposta--sezione">"#))
            #expect(loop.body.contains(#"<details class="modulo-piano">\#n<summary><h2 id="nuovo-figlio--sezione">"#))
            #expect(try await store.loadPlan(Self.scope)?.nodes.first { $0.id == "A" }?.parentID == nil)
        }
    }

    /// Two posts from the same drawn form (two people with the page open, or a form sent twice): the first is
    /// saved, the second finds a plan that changed meanwhile and is refused (409) with nothing written, the page
    /// redrawn on the current plan with what was typed and the new fingerprint, so sending it again saves it.
    @Test(arguments: TestBackend.allCases)
    func aFormDrawnFromAPlanThatChangedMeanwhileIsRefused(_ backend: TestBackend) async throws {
        try await Self.withEmptyDatabase(backend) { controller, store, _ in
            try await controller.get("/amministrazione/enti")
            try await controller.post("/amministrazione/enti", [("codice", "prova"), ("nome", "Prova"), ("anno", "2019")])
            try await controller.get("/enti/prova/2019/piano")
            try await Self.edit(controller, [("elemento", "nodo"), ("operazione", "crea"), ("codice", "A"), ("tipo", "area-strategica"), ("titolo", "Area")])
            let drawn = try await controller.get("/enti/prova/2019/piano/elemento?tipo=nodo&id=A")
            let fingerprint = try #require(Self.fingerprint(in: drawn.body))
            func change(_ title: String, drawnFrom: String) async throws -> Browser.Page {
                try await controller.post("/enti/prova/2019/piano", [
                    ("modulo", "modifica"), ("elemento", "nodo"), ("operazione", "modifica"), ("id", "A"), ("impronta", drawnFrom), ("titolo", title),
                ])
            }
            let first = try await change("Titolo di Anna", drawnFrom: fingerprint)
            #expect(first.status == .seeOther, "\(first.body.prefix(2000))")
            let before = try await TestDatabase.dump(store)
            let auditBefore = try await store.auditLog(AuditQuery(limit: 100_000)).count
            let second = try await change("Titolo di Bruno", drawnFrom: fingerprint)
            #expect(second.status == .conflict)
            #expect(second.body.contains("Il piano è cambiato nel frattempo"))
            #expect(second.body.contains(##"href="#modifica-impronta""##), "il riepilogo porta al messaggio sul modulo")
            #expect(second.body.contains(#"value="Titolo di Bruno""#), "quanto scritto resta nel modulo")
            #expect(try await TestDatabase.dump(store) == before)
            #expect(try await store.auditLog(AuditQuery(limit: 100_000)).count == auditBefore)
            #expect(try await store.loadPlan(Self.scope)?.nodes.first { $0.id == "A" }?.title == "Titolo di Anna")
            // The redrawn form carries the current plan's fingerprint: sent again, it is saved.
            let current = try #require(Self.fingerprint(in: second.body))
            #expect(current != fingerprint)
            #expect(try await change("Titolo di Bruno", drawnFrom: current).status == .seeOther)
            #expect(try await store.loadPlan(Self.scope)?.nodes.first { $0.id == "A" }?.title == "Titolo di Bruno")
            // Gone meanwhile: the plan's page, still refused for the change of plan.
            let removal = try await controller.post("/enti/prova/2019/piano", [
                ("modulo", "elimina"), ("elemento", "nodo"), ("operazione", "elimina"), ("id", "A"), ("impronta", fingerprint),
            ])
            #expect(removal.status == .conflict)
            #expect(try await store.loadPlan(Self.scope)?.nodes.map(\.id) == ["A"])
        }
    }

    /// An approved plan changes only by a variation citing its act: the editor asks for it in every form; without it
    /// the edit is refused beside the field with nothing written, with it the edit is saved.
    @Test(arguments: TestBackend.allCases)
    func anApprovedPlanIsEditedOnlyWithTheActOfTheVariation(_ backend: TestBackend) async throws {
        try await Self.withEmptyDatabase(backend) { controller, store, _ in
            try await controller.get("/amministrazione/enti")
            try await controller.post("/amministrazione/enti", [("codice", "prova"), ("nome", "Prova"), ("anno", "2019")])
            try await controller.get("/enti/prova/2019/piano")
            try await Self.edit(controller, [("elemento", "nodo"), ("operazione", "crea"), ("codice", "A"), ("tipo", "area-strategica"), ("titolo", "Area")])
            let draft = try #require(try await store.loadPlan(Self.scope))
            #expect(!(try await controller.get("/enti/prova/2019/piano/elemento?tipo=nodo&id=A")).body.contains("Atto della variazione"))
            let approving = try ActCitation.act("Delibera di Giunta n. 5 del 10/01/2019", in: draft, subject: "Approvazione del piano").get()
            try await store.savePlan(try PlanApproval.approve(draft, by: approving).get(), actor: "test")
            let page = try await controller.get("/enti/prova/2019/piano/elemento?tipo=nodo&id=A")
            #expect(page.body.contains("Atto della variazione"))
            func change(_ act: String) async throws -> Browser.Page {
                try await controller.post("/enti/prova/2019/piano", [
                    ("modulo", "modifica"), ("elemento", "nodo"), ("operazione", "modifica"), ("id", "A"), ("titolo", "Area nuova"),
                    ("atto_variazione", act),
                ])
            }
            let before = try await TestDatabase.dump(store)
            let refused = try await change("")
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains(#"id="modifica-atto_variazione""#))
            #expect(refused.body.contains(##"href="#modifica-atto_variazione""##))
            #expect(refused.body.contains(#"value="Area nuova""#))
            #expect(try await TestDatabase.dump(store) == before)
            #expect(try await change("Delibera di Giunta n. 7 del 15/03/2019").status == .seeOther)
            #expect(try await store.loadPlan(Self.scope)?.nodes.first { $0.id == "A" }?.title == "Area nuova")
        }
    }

    static func fingerprint(in html: String) -> String? {
        guard let range = html.range(of: #"name="impronta" value=""#) else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// The checks about an element are on its editor page: Lucca 2013's C10101 prints a result its inputs do not give.
    @Test func theChecksAboutAnElementAreOnItsPage() async throws {
        try await ServerFixture.withSignedIn("controllo") { controller, _ in
            let page = try await controller.get("/enti/lucca/2013/piano/elemento?tipo=nodo&id=C10101")
            #expect(page.status == .ok)
            #expect(page.body.contains("Verifiche su questo elemento"))
            #expect(page.body.contains("VALORE-DICHIARATO"))
            #expect(try await controller.get("/enti/lucca/2013/piano/elemento?tipo=nodo&id=NON-C-E").status == .notFound)
        }
    }

    @Test(arguments: TestBackend.allCases)
    func theSameEditsInTheAPI(_ backend: TestBackend) async throws {
        try await Self.withEmptyDatabase(backend) { _, store, client in
            let writer = SecretToken.make()
            try await store.addAPIToken(tokenHash: SecretToken.hash(writer), username: "controllo", label: "t", scope: .write, at: Date(), actor: "test")
            let reader = SecretToken.make()
            try await store.addAPIToken(tokenHash: SecretToken.hash(reader), username: "lettore", label: "t", scope: .write, at: Date(), actor: "test")
            func post(_ path: String, _ json: String, token: String = writer) async throws -> TestResponse {
                try await client.executeRequest(
                    uri: "/api/v1" + path, method: .post,
                    headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: ByteBuffer(string: json))
            }
            let cycle = try await post("/enti", #"{"codice": "prova", "nome": "Camera di Prova", "anno": "2019"}"#)
            #expect(cycle.status == .ok, "\(String(buffer: cycle.body))")
            #expect(try await post("/enti", #"{"codice": "altro", "nome": "Altro", "anno": "2019"}"#, token: reader).status == .forbidden)
            let node = try await post("/enti/prova/2019/piano/modifiche", #"""
                {"elemento": "nodo", "operazione": "crea", "campi": [
                  {"nome": "codice", "valore": "A"}, {"nome": "tipo", "valore": "area-strategica"}, {"nome": "titolo", "valore": "Area"}]}
                """#)
            #expect(node.status == .ok, "\(String(buffer: node.body))")
            let answer = try #require(try JSONSerialization.jsonObject(with: Data(buffer: node.body)) as? [String: Any])
            #expect(answer["id"] as? String == "A")
            #expect((answer["modifiche"] as? Int ?? 0) >= 1)
            let wrong = try await post("/enti/prova/2019/piano/modifiche", #"""
                {"elemento": "nodo", "operazione": "modifica", "id": "A", "campi": [{"nome": "peso", "valore": "sessanta"}]}
                """#)
            #expect(wrong.status == .unprocessableContent)
            #expect(String(buffer: wrong.body).contains("peso: «sessanta» non è un numero"))
            #expect(try await post("/enti/prova/2019/piano/modifiche", #"{"elemento": "nodo", "operazione": "elimina", "id": "A"}"#, token: reader).status
                == .forbidden)
            #expect(try await store.loadPlan(Self.scope)?.nodes.map(\.id) == ["A"])
            // Two edits prepared on the same plan: the second, with the fingerprint the first one had, is refused (409).
            let seen = try #require(answer["impronta"] as? String)
            let renamed = try await post("/enti/prova/2019/piano/modifiche", #"""
                {"elemento": "nodo", "operazione": "modifica", "id": "A", "impronta": "\#(seen)", "campi": [{"nome": "titolo", "valore": "Uno"}]}
                """#)
            #expect(renamed.status == .ok, "\(String(buffer: renamed.body))")
            let late = try await post("/enti/prova/2019/piano/modifiche", #"""
                {"elemento": "nodo", "operazione": "modifica", "id": "A", "impronta": "\#(seen)", "campi": [{"nome": "titolo", "valore": "Due"}]}
                """#)
            #expect(late.status == .conflict)
            #expect(String(buffer: late.body).contains("Il piano è cambiato nel frattempo"))
            #expect(try await store.loadPlan(Self.scope)?.nodes.first?.title == "Uno")
            // Approved: an edit without «atto» is refused (422) naming it, with one it is saved.
            let draft = try #require(try await store.loadPlan(Self.scope))
            let approving = try ActCitation.act("Delibera di Giunta n. 5 del 10/01/2019", in: draft, subject: "Approvazione del piano").get()
            try await store.savePlan(try PlanApproval.approve(draft, by: approving).get(), actor: "test")
            let withoutAct = try await post("/enti/prova/2019/piano/modifiche", #"""
                {"elemento": "nodo", "operazione": "modifica", "id": "A", "campi": [{"nome": "titolo", "valore": "Tre"}]}
                """#)
            #expect(withoutAct.status == .unprocessableContent, "\(String(buffer: withoutAct.body))")
            #expect(String(buffer: withoutAct.body).contains("atto: "))
            let withAct = try await post("/enti/prova/2019/piano/modifiche", #"""
                {"elemento": "nodo", "operazione": "modifica", "id": "A", "atto": "Delibera di Giunta n. 7 del 15/03/2019", "campi": [{"nome": "titolo", "valore": "Tre"}]}
                """#)
            #expect(withAct.status == .ok, "\(String(buffer: withAct.body))")
            #expect(try await store.loadPlan(Self.scope)?.nodes.first?.title == "Tre")
            // Any other method, even one the router has never heard of: 405 in JSON with the methods allowed.
            for method in [HTTPRequest.Method("QUERY")!, .trace] {
                let other = try await client.executeRequest(uri: "/api/v1/enti", method: method, headers: [.authorization: "Bearer \(writer)"], body: nil)
                #expect(other.status == .methodNotAllowed, "\(method)")
                #expect(other.headers[.allow] == "POST")
                #expect(String(buffer: other.body).contains("metodo \(method.rawValue) non previsto"))
            }
            // Described in the OpenAPI document.
            let document = try await client.executeRequest(uri: "/api/v1/openapi.json", method: .get, headers: [:], body: nil)
            let text = String(buffer: document.body)
            #expect(text.contains("/enti/{ente}/{anno}/piano/modifiche"))
            #expect(text.contains("modificaPiano") && text.contains("creaCiclo"))
        }
    }
}
