import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// A dirigente proposes changes to his own area of the plan (Lucca 2013: the Area Promozione e Sviluppo, APS, owns
/// project C10101; C101 above it is nobody's); the controller accepts them (saved as his own edits) or refuses them
/// with a reason, and the dirigente sees the outcome; the same in `/api/v1`; two concurrent edits on the same
/// fingerprint: one saved, one 409.
@Suite("Proposte di modifica del piano dei dirigenti, sul web e nell'API")
struct PlanProposalRoutesTests {
    static let scope = ServerFixture.lucca2013
    static let proposals = "/enti/lucca/2013/piano/proposte"

    static func title(_ store: Store, _ id: String) async throws -> String? {
        try await store.loadPlan(scope)?.nodes.first { $0.id == id }?.title
    }

    /// The fields of a proposal renaming a node, on the plan as stored now.
    static func rename(_ id: String, _ title: String, store: Store) async throws -> [(String, String)] {
        let plan = try #require(try await store.loadPlan(scope))
        return [("modulo", "modifica"), ("elemento", "nodo"), ("operazione", "modifica"), ("id", id), ("titolo", title),
                ("impronta", PlanFingerprint.of(plan)), ("nota_proposta", "Titolo più preciso")]
    }

    /// The act field of an acceptance, when the plan is approved.
    static func act(_ store: Store) async throws -> [(String, String)] {
        let plan = try #require(try await store.loadPlan(scope))
        return PlanApproval.state(of: plan) == .approved ? [("atto_variazione", "Delibera di Giunta n. 40 del 15/05/2013")] : []
    }

    @Test(arguments: TestBackend.allCases)
    func aDirigenteProposesAndTheControllerDecides(_ backend: TestBackend) async throws {
        try await ServerFixture.withStore(backend) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                let dirigente = Browser(client)
                try await dirigente.logIn("dirigente.promozione")
                let before = try #require(try await store.loadPlan(Self.scope))
                // The editor shows his area only, each form a proposal.
                let overview = try await dirigente.get("/enti/lucca/2013/piano")
                #expect(overview.status == .ok)
                #expect(overview.body.contains("la tua area (Area Promozione e Sviluppo per le Imprese)"))
                #expect(overview.body.contains("id=C10101"))
                #expect(!overview.body.contains("id=C101&"))
                #expect(!overview.body.contains("nuova-unita"))
                let page = try await dirigente.get("/enti/lucca/2013/piano/elemento?tipo=nodo&id=C10101")
                #expect(page.status == .ok)
                #expect(page.body.contains(#"action="/enti/lucca/2013/piano/proposte""#))
                #expect(page.body.contains("Proponi: salva le modifiche"))
                #expect(page.body.contains("nota_proposta"))
                #expect(try await dirigente.get("/enti/lucca/2013/piano/elemento?tipo=nodo&id=C101").status == .forbidden)
                // Saving directly: refused; outside the area: refused beside the form, nothing stored.
                #expect(try await dirigente.post("/enti/lucca/2013/piano", try await Self.rename("C10101", "X", store: store)).status == .forbidden)
                let outside = try await dirigente.post(Self.proposals, try await Self.rename("C101", "Altro", store: store))
                #expect(outside.status == .unprocessableContent)
                #expect(outside.body.contains("non è della tua area"))
                #expect(try await store.planProposals(in: Self.scope).isEmpty)
                // Proposed: stored, the plan unchanged.
                let made = try await dirigente.post(Self.proposals, try await Self.rename("C10101", "Formazione manageriale per le PMI", store: store))
                #expect(made.status == .seeOther, "\(made.body.prefix(2000))")
                #expect(made.location == Self.proposals + "?fatto=proposta")
                #expect(try await store.loadPlan(Self.scope) == before)
                let mine = try await dirigente.get(Self.proposals)
                #expect(mine.body.contains("(in attesa)"))
                #expect(!mine.body.contains("Accetta e applica"))
                #expect(try await dirigente.post(
                    Self.proposals + "/decisione", [("proposta", "1"), ("esito", "accetta")]).status == .forbidden)

                // The controller accepts it: saved as his edit, one audit row for the decision.
                let controller = Browser(client)
                try await controller.logIn("controllo")
                let list = try await controller.get(Self.proposals)
                #expect(list.body.contains("Formazione manageriale per le PMI"))
                #expect(list.body.contains("Titolo più preciso"))
                #expect(list.body.contains("Accetta e applica al piano"))
                // On the home (Lucca 2013, the place just visited), a task among «I tuoi compiti».
                let home = try await controller.get("/")
                #expect(home.body.contains("1 proposta di modifica del piano da decidere"))
                #expect(home.body.contains(#"href="/enti/lucca/2013/piano/proposte""#))
                #expect(!(try await dirigente.get("/").body.contains("da decidere")))
                let id = try #require(try await store.planProposals(in: Self.scope).first?.id)
                let accepted = try await controller.post(
                    Self.proposals + "/decisione", [("proposta", String(id)), ("esito", "accetta")] + (try await Self.act(store)))
                #expect(accepted.status == .seeOther, "\(accepted.body.prefix(3000))")
                #expect(try await Self.title(store, "C10101") == "Formazione manageriale per le PMI")
                #expect(try await store.planProposal(id, in: Self.scope)?.status == .accepted)
                let audit = try await store.auditLog(AuditQuery(table: "plan_proposals", recordID: String(id)))
                #expect(audit.map(\.actor) == ["controllo", "dirigente.promozione"])
                #expect(try await store.auditLog(AuditQuery(table: "plan_nodes", recordID: "C10101")).first?.actor == "controllo")
                #expect(try await dirigente.get(Self.proposals).body.contains("(accettata)"))

                // A second one refused: a reason is required, and the dirigente reads it.
                #expect(try await dirigente.post(Self.proposals, try await Self.rename("C10101", "Formazione", store: store)).status == .seeOther)
                let second = try #require(try await store.planProposals(in: Self.scope, status: .pending).first?.id)
                let noReason = try await controller.post(Self.proposals + "/decisione", [("proposta", String(second)), ("esito", "rifiuta")])
                #expect(noReason.status == .unprocessableContent)
                #expect(noReason.body.contains("manca il motivo del rifiuto"))
                let refused = try await controller.post(
                    Self.proposals + "/decisione", [("proposta", String(second)), ("esito", "rifiuta"), ("motivo", "Troppo generico")])
                #expect(refused.status == .seeOther)
                let outcome = try await dirigente.get(Self.proposals)
                #expect(outcome.body.contains("(rifiutata)"))
                #expect(outcome.body.contains("Troppo generico"))
                #expect(try await Self.title(store, "C10101") == "Formazione manageriale per le PMI")

                // A third one, overtaken by the controller's own change of the same node: refused with the reason, not applied.
                #expect(try await dirigente.post(Self.proposals, try await Self.rename("C10101", "Corsi", store: store)).status == .seeOther)
                let third = try #require(try await store.planProposals(in: Self.scope, status: .pending).first?.id)
                let direct = try await controller.post("/enti/lucca/2013/piano", [
                    ("modulo", "modifica"), ("elemento", "nodo"), ("operazione", "modifica"), ("id", "C10101"), ("titolo", "Formazione 2013"),
                ] + (try await Self.act(store)))
                #expect(direct.status == .seeOther, "\(direct.body.prefix(2000))")
                let stale = try await controller.post(
                    Self.proposals + "/decisione", [("proposta", String(third)), ("esito", "accetta")] + (try await Self.act(store)))
                #expect(stale.status == .conflict)
                #expect(stale.body.contains("non vi si applica più"))
                #expect(try await Self.title(store, "C10101") == "Formazione 2013")
                let staleProposal = try #require(try await store.planProposal(third, in: Self.scope))
                #expect(staleProposal.status == .refused)
                #expect(staleProposal.reason?.contains("La proposta è stata fatta sul piano con impronta") == true)

                // Nobody decides his own proposal.
                let plan = try #require(try await store.loadPlan(Self.scope))
                let own = try await store.addPlanProposal(PlanProposal(
                    entityCode: "lucca", year: 2013, edit: PlanEdit(.node, .update, id: "C10101", fields: ["titolo": "Mio"]), summary: "Mio",
                    proposedBy: "controllo", unitID: "APS", proposedAt: Date(), fingerprint: PlanFingerprint.of(plan), baseline: ""), actor: "test")
                let ownAnswer = try await controller.post(
                    Self.proposals + "/decisione", [("proposta", String(own.id)), ("esito", "accetta")] + (try await Self.act(store)))
                #expect(ownAnswer.status == .forbidden)
                #expect(try await store.planProposal(own.id, in: Self.scope)?.status == .pending)
            }
        }
    }

    @Test func theAPIProposesAcceptsAndRefuses() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let dirigente = try await APITests.token(for: "dirigente.promozione", in: store, scope: .write)
            let controller = try await APITests.token(for: "controllo", in: store, scope: .write)
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                func call(_ method: HTTPRequest.Method, _ path: String, _ body: String?, token: String) async throws -> (HTTPResponse.Status, String) {
                    let answer = try await client.executeRequest(
                        uri: "/api/v1/enti/lucca/2013/piano/proposte" + path, method: method,
                        headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: body.map { ByteBuffer(string: $0) })
                    return (answer.status, String(buffer: answer.body))
                }
                let rename = #"{"elemento": "nodo", "operazione": "modifica", "id": "C10101", "nota": "Più chiaro", "campi": [{"nome": "titolo", "valore": "Formazione per le PMI"}]}"#
                #expect(try await call(.post, "", rename, token: controller).0 == .forbidden)
                let outside = try await call(.post, "", rename.replacingOccurrences(of: "C10101", with: "C101"), token: dirigente)
                #expect(outside.0 == .unprocessableContent)
                #expect(outside.1.contains("non è della tua area"))
                let made = try await call(.post, "", rename, token: dirigente)
                #expect(made.0 == .ok, "\(made.1)")
                let proposal = try #require(try JSONSerialization.jsonObject(with: Data(made.1.utf8)) as? [String: Any])
                #expect(proposal["stato"] as? String == "in_attesa")
                #expect(proposal["nota"] as? String == "Più chiaro")
                let number = try #require(proposal["numero"] as? Int)
                #expect(try await call(.get, "", nil, token: dirigente).1.contains("Formazione per le PMI"))
                #expect(try await call(.post, "/\(number)/accetta", "{}", token: dirigente).0 == .forbidden)
                let act = PlanApproval.state(of: try #require(try await store.loadPlan(Self.scope))) == .approved
                    ? #"{"atto": "Delibera di Giunta n. 40 del 15/05/2013"}"# : "{}"
                let accepted = try await call(.post, "/\(number)/accetta", act, token: controller)
                #expect(accepted.0 == .ok, "\(accepted.1)")
                #expect(accepted.1.contains(#""stato":"accettata""#))
                #expect(try await Self.title(store, "C10101") == "Formazione per le PMI")
                #expect(try await call(.post, "/\(number)/rifiuta", #"{"motivo": "tardi"}"#, token: controller).0 == .conflict)
                let again = try await call(.post, "", rename.replacingOccurrences(of: "per le PMI", with: "e corsi"), token: dirigente)
                let second = try #require((try JSONSerialization.jsonObject(with: Data(again.1.utf8)) as? [String: Any])?["numero"] as? Int)
                #expect(try await call(.post, "/\(second)/rifiuta", #"{"motivo": ""}"#, token: controller).0 == .unprocessableContent)
                let refused = try await call(.post, "/\(second)/rifiuta", #"{"motivo": "Non ora"}"#, token: controller)
                #expect(refused.0 == .ok)
                #expect(refused.1.contains(#""motivo":"Non ora""#))
                #expect(try await call(.post, "/abc/rifiuta", #"{"motivo": "x"}"#, token: controller).0 == .badRequest)
                #expect(try await call(.post, "/999/rifiuta", #"{"motivo": "x"}"#, token: controller).0 == .notFound)
            }
        }
    }

    /// Two edits of the same plan sent at the same time, both on the same fingerprint: exactly one is saved, the other
    /// is refused with 409 and the Italian sentence, whichever arrives first.
    @Test(arguments: TestBackend.allCases)
    func twoConcurrentEditsOnTheSameFingerprintOneIsSaved(_ backend: TestBackend) async throws {
        try await ServerFixture.withStore(backend) { store, _ in
            let controller = try await APITests.token(for: "controllo", in: store, scope: .write)
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                for round in 1...3 {
                    let plan = try #require(try await store.loadPlan(Self.scope))
                    let fingerprint = PlanFingerprint.of(plan)
                    let act = PlanApproval.state(of: plan) == .approved ? #", "atto": "Delibera di Giunta n. 40 del 15/05/2013""# : ""
                    @Sendable func edit(_ title: String) async throws -> (HTTPResponse.Status, String) {
                        let answer = try await client.executeRequest(
                            uri: "/api/v1/enti/lucca/2013/piano/modifiche", method: .post,
                            headers: [.authorization: "Bearer \(controller)", .contentType: "application/json"],
                            body: ByteBuffer(string: #"{"elemento": "nodo", "operazione": "modifica", "id": "C10101", "impronta": "\#(fingerprint)"\#(act), "campi": [{"nome": "titolo", "valore": "\#(title)"}]}"#))
                        return (answer.status, String(buffer: answer.body))
                    }
                    async let one = edit("Uno \(round)")
                    async let two = edit("Due \(round)")
                    let answers = try await [one, two]
                    #expect(answers.map(\.0).sorted { $0.code < $1.code } == [.ok, .conflict], "\(answers)")
                    #expect(answers.first { $0.0 == .conflict }?.1.contains("Il piano è cambiato nel frattempo") == true)
                    let winner = answers[0].0 == .ok ? "Uno \(round)" : "Due \(round)"
                    #expect(try await Self.title(store, "C10101") == winner)
                }
            }
        }
    }
}
