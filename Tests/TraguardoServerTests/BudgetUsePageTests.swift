import Foundation
import Testing
import TraguardoServer
import TraguardoTestSupport

/// Issue 22: the node page shows «Utilizzo del budget» (aggiornato, consuntivo, utilizzo %, scostamento) in
/// Italian formats. Figures worked out by hand from Lucca 2018's seed (righe 132-142, 356-366, 388-398).
@Suite("Utilizzo del budget nella pagina del nodo")
struct BudgetUsePageTests {
    @Test func anAreaShowsItsUseAndVarianceWithCents() async throws {
        try await ServerFixture.withSignedIn("controllo") { browser, _ in
            let page = try await browser.get("/enti/lucca/2018/nodi/2")
            #expect(page.status == .ok)
            #expect(page.body.contains("<h2 id=\"utilizzo-budget\">Utilizzo del budget</h2>"))
            // Oneri of area 2: 699.900,00 + 0,00 + 750.820,00 aggiornato; 595.088,48 + 0,00 + 712.779,73
            // consuntivo; 1.307.868,21 / 1.450.720,00 = 90,153…%; 1.307.868,21 − 1.450.720,00 = −142.851,79.
            let row = try #require(page.body.firstMatch(of: /<tr><th scope="row">Oneri<\/th><td class="numero">1\.450\.720,00<\/td>[^\n]*/),
                                   "manca la riga degli oneri con l'aggiornato 1.450.720,00")
            #expect(row.0.contains("<td class=\"numero\">1.307.868,21</td><td class=\"numero\">90,15%</td><td class=\"numero\">-142.851,79</td>"),
                    "\(row.0)")
        }
    }

    @Test func aZeroAggiornatoSaysWhyThereIsNoPercent() async throws {
        try await ServerFixture.withSignedIn("controllo") { browser, _ in
            // 2D: oneri aggiornato 0,00 and consuntivo 0,00.
            let page = try await browser.get("/enti/lucca/2018/nodi/2D")
            #expect(page.status == .ok)
            #expect(page.body.contains("<tr><th scope=\"row\">Oneri</th><td class=\"numero\">0,00</td><td class=\"numero\">0,00</td><td class=\"numero\">n.d. (il budget aggiornato è zero)</td><td class=\"numero\">0,00</td></tr>"))
        }
    }
}
