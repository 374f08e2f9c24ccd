import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// «Versioni del piano»: the controller approves the plan with its act (an unreadable act is refused beside the
/// field, nothing written) and prepares the next year; every role reads the versions and the comparison.
@Suite("Pagina Versioni del piano")
struct PianoVersioniPageTests {
    @Test func theControllerApprovesThePlanAndPreparesTheNextYear() async throws {
        try await ServerFixture.withSignedIn("controllo") { browser, server in
            let store = server.store
            let page = try await browser.get("/enti/lucca/2013/piano/versioni")
            #expect(page.status == .ok)
            #expect(page.body.contains("Piano in bozza: non ancora approvato."))
            #expect(page.body.contains("Approva il piano"))

            let refused = try await browser.post("/enti/lucca/2013/piano/approva", [("atto", "la delibera")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("L&#39;atto «la delibera» non è leggibile") || refused.body.contains("L'atto «la delibera» non è leggibile"),
                    "\(refused.body.prefix(0))")
            #expect(PlanApproval.state(of: try #require(try await store.loadPlan(CycleScope(entityCode: "lucca", year: 2013)))) == .draft)

            let approved = try await browser.post("/enti/lucca/2013/piano/approva", [("atto", "Delibera di Giunta n. 9 del 28/01/2013")])
            #expect(approved.status == .seeOther || approved.status == .found, "\(approved.status)")
            let after = try await browser.get("/enti/lucca/2013/piano/versioni")
            #expect(after.body.contains("Piano approvato con Delibera di Giunta n. 9 del 28/01/2013"))
            #expect(!after.body.contains("Approva il piano"))
            #expect(after.body.contains("approvazione"))

            let rolled = try await browser.post("/enti/lucca/2013/piano/nuovo-anno", [("anno", "2014")])
            #expect(rolled.status == .seeOther || rolled.status == .found, "\(rolled.status)")
            let next = try #require(try await store.loadPlan(CycleScope(entityCode: "lucca", year: 2014)))
            #expect(PlanApproval.state(of: next) == .draft && next.measurements.isEmpty && !next.nodes.isEmpty)
            let again = try await browser.post("/enti/lucca/2013/piano/nuovo-anno", [("anno", "2014")])
            #expect(again.status == .unprocessableContent)
            #expect(again.body.contains("ha già un piano 2014"))
            #expect(again.body.contains("spuntare «Sostituisci»"))

            let compared = try await browser.get("/enti/lucca/2014/piano/versioni?anno=2013")
            #expect(compared.status == .ok)
            #expect(compared.body.contains("piano 2013 confrontato con il piano 2014"))
            // The element's page links to its history, which starts with the version that added it.
            let node = try #require(next.nodes.first)
            let nodePage = try await browser.get("/enti/lucca/2014/nodi/" + node.code)
            #expect(nodePage.body.contains("Storia dell&#39;elemento") || nodePage.body.contains("Storia dell'elemento"))
            let history = try await browser.get("/enti/lucca/2014/piano/versioni?elemento=" + node.code)
            #expect(history.body.contains("Storia dell&#39;elemento «\(node.code)»") || history.body.contains("Storia dell'elemento «\(node.code)»"))
            #expect(history.body.contains("aggiunto"))
            let unknown = try await browser.get("/enti/lucca/2014/piano/versioni?da=7")
            #expect(unknown.body.contains("Nessuna versione «7» del piano lucca 2014"))
        }
    }

    @Test func aReaderSeesTheVersionsButNoForm() async throws {
        try await ServerFixture.withSignedIn("lettore") { browser, _ in
            let page = try await browser.get("/enti/lucca/2013/piano/versioni")
            #expect(page.status == .ok)
            #expect(!page.body.contains("Approva il piano") && !page.body.contains("Prepara l&#39;anno nuovo") && !page.body.contains("Prepara l'anno nuovo"))
            #expect(try await browser.post("/enti/lucca/2013/piano/approva", [("atto", "Delibera di Giunta n. 9 del 28/01/2013")]).status == .forbidden)
        }
    }
}
