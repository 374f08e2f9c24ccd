import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// Issue 21: the rilevazione as a table: a row saved alone (the others' fields are not read, so a row the
/// user did not touch cannot stop the save), the progress, the «solo mancanti» filter and the search, and the
/// script the page loads (from the site itself, as the CSP allows).
@Suite("Rilevazione in tabella")
struct RilevazioneTableTests {
    static let form = "/enti/lucca/2013/rilevazione/ANNO/APS"

    @Test func oneRowIsSavedAloneWhateverTheOtherRowsHold() async throws {
        try await ServerFixture.withSignedIn("dirigente.promozione") { browser, server in
            let before = try #require(try await server.store.loadPlan(ServerFixture.lucca2013))
            let offices = before.responsibleUnits()
            let items = before.items.filter { offices[$0.id] == "APS" }.map(\.id).sorted()
            #expect(items.count > 50)
            let target = items[0], other = items[1]
            let page = try await browser.get(Self.form)
            #expect(page.status == .ok)
            let entered = before.measurements.filter { $0.periodID.hasSuffix("ANNO") || $0.id.hasSuffix("@ANNO") }
            #expect(page.body.contains(" di \(items.count) inseriti"), "manca l'avanzamento")
            // The row's button, and words the parser refuses in another row: only the row is read.
            let answer = try await browser.post(Self.form, [
                ("salva", target), ("item[\(target)]", "1"), ("valore[\(target)]", "42"),
                ("item[\(other)]", "1"), ("valore[\(other)]", "boh, non so"),
            ])
            #expect(answer.status == .ok, "\(answer.body.suffix(3000))")
            let path = try #require(before.itemPaths()[target])
            #expect(answer.body.contains("Rilevazione dell&#39;item \(path) salvata.") || answer.body.contains("Rilevazione dell'item \(path) salvata."))
            let after = try #require(try await server.store.loadPlan(ServerFixture.lucca2013))
            let saved = try #require(after.measurements.first { $0.itemID == target && $0.id.hasSuffix("@ANNO") })
            #expect(saved.value == 42)
            #expect(saved.author == "dirigente.promozione")
            // The other row is as it was.
            #expect(after.measurements.filter { $0.itemID == other } == before.measurements.filter { $0.itemID == other })
            _ = entered
            // The same post without the row's button reads every row: «boh, non so» is refused, nothing written.
            let all = try await browser.post(Self.form, [("salva", "tutte"), ("item[\(other)]", "1"), ("valore[\(other)]", "boh, non so")])
            #expect(all.status == .unprocessableContent)
            // A row of another area named as the button: refused as a whole.
            #expect(try await browser.post(Self.form, [("salva", "SG-2/2/1"), ("valore[SG-2/2/1]", "no")]).status == .forbidden)
        }
    }

    @Test func theFilterShowsOnlyTheMissingRowsOrThoseThatMatch() async throws {
        try await ServerFixture.withSignedIn("controllo") { browser, server in
            let plan = try #require(try await server.store.loadPlan(ServerFixture.lucca2013))
            let offices = plan.responsibleUnits()
            let items = plan.items.filter { offices[$0.id] == "APS" }
            let period = try #require(plan.period(code: "ANNO"))
            let measured = Set(plan.measurements(in: period).map(\.itemID))
            let missing = items.filter { !measured.contains($0.id) }
            let all = try await browser.get(Self.form)
            #expect(all.body.matches(of: #/<tr id="r\d+" class="riga\s/#).count == items.count)
            #expect(all.body.contains("\(items.count - missing.count) di \(items.count) inseriti"))
            let onlyMissing = try await browser.get(Self.form + "?mancanti=1")
            #expect(onlyMissing.body.matches(of: #/<tr id="r\d+" class="riga\s/#).count == missing.count)
            #expect(onlyMissing.body.contains("Mostrati \(missing.count) item su \(items.count)."))
            let path = try #require(plan.itemPaths()[items[3].id])
            let found = try await browser.get(Self.form + "?cerca=" + WebRoutesSegment.encode(path))
            #expect(found.body.matches(of: #/<tr id="r\d+" class="riga\s/#).count >= 1)
            #expect(found.body.matches(of: #/<tr id="r\d+" class="riga\s/#).count < items.count)
            #expect(found.body.contains(">\(path)</a>"))
            let none = try await browser.get(Self.form + "?cerca=nessun-item-si-chiama-cosi")
            #expect(none.body.contains("Nessun item corrisponde al filtro."))
            // The script the page loads: from the site, as JavaScript, allowed by the CSP.
            #expect(all.body.contains(#"<script src="/risorse/rilevazione.js""#))
            let script = try await browser.get("/risorse/rilevazione.js")
            #expect(script.status == .ok)
            #expect(script.headers[.contentType]?.hasPrefix("text/javascript") == true)
            #expect(script.body.contains("salva-riga"))
            #expect(script.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
        }
    }
}

/// Percent-encoding of a query value, as a browser sends it.
enum WebRoutesSegment {
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
