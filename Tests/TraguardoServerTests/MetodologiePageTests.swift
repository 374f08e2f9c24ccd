import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// «Confronto di metodologie»: the Ente-year's scores under its own methodology and another one, as the core's
/// `MethodologyComparison` computes them; linked from «Documenti»; an unknown choice is said, nothing computed.
@Suite("Pagina Confronto di metodologie")
struct MetodologiePageTests {
    /// The page's text with the entities the renderer writes turned back into characters.
    static func text(_ body: String) -> String {
        body.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func lucca2018UnderItsOwnAndThe2013Preset() async throws {
        try await ServerFixture.withSignedIn("controllo") { browser, server in
            let documents = try await browser.get("/enti/lucca/2018/documenti")
            #expect(documents.body.contains("href=\"/enti/lucca/2018/metodologie\""))

            let empty = try await browser.get("/enti/lucca/2018/metodologie")
            #expect(empty.status == .ok)
            #expect(empty.body.contains("<option value=\"lucca-2013\""))
            #expect(!empty.body.contains("Regole diverse"))

            let page = try await browser.get("/enti/lucca/2018/metodologie?altra=lucca-2013")
            #expect(page.status == .ok)
            let body = Self.text(page.body)
            let plan = try #require(try await server.store.loadPlan(ServerFixture.lucca2018))
            let preset = try #require(MethodologyPresets.version("lucca-2013", entityCode: "lucca", year: 2018))
            let comparison = MethodologyComparison(plan, current: plan.methodology, proposed: preset)
            #expect(!comparison.rows.isEmpty, "Lucca 2018 changes under the 2013 preset")
            #expect(body.contains("<option value=\"lucca-2013\" selected>"))
            #expect(body.contains("\(MethodologyComparison.name(comparison.current.methodology)) → \(MethodologyComparison.name(comparison.proposed.methodology))"))
            #expect(body.contains("Cambiano \(comparison.rows.count) punteggi su \(comparison.compared) elementi: \(comparison.risen) salgono, \(comparison.fallen) scendono."))
            for rule in comparison.ruleDifferences { #expect(body.contains(rule)) }
            for row in comparison.rows {
                #expect(body.contains("<td>\(row.beforeShown)</td><td>\(row.afterShown)</td><td>\(row.differenceShown ?? "—")</td>"), "\(row.subject.path)")
                #expect(body.contains("Attuale: \(row.beforeFormula)"), "\(row.subject.path)")
                #expect(body.contains("Altra: \(row.afterFormula)"), "\(row.subject.path)")
            }
            // The indicator ENTE-1/1 the CLI's comparison names: 99 under Lucca 2018's own rounding, 99,22 under 2013's.
            #expect(body.contains("<td>99</td><td>99,22</td><td>+0,22</td>"))
            for (before, after) in zip(comparison.currentDistribution.bands, comparison.proposedDistribution.bands) {
                #expect(body.contains("<tr><td>\(before.label)</td><td>\(before.count)</td><td>\(after.count)</td></tr>"))
            }

            // A period asked for is computed and kept by the form.
            let yearEnd = try await browser.get("/enti/lucca/2018/metodologie?periodo=ANNO&altra=lucca-2013")
            #expect(yearEnd.status == .ok)
            #expect(yearEnd.body.contains("<input type=\"hidden\" name=\"periodo\" value=\"ANNO\" />"))
            #expect(yearEnd.body.contains("<p>Periodo ANNO.</p>"))

            let unknown = try await browser.get("/enti/lucca/2018/metodologie?altra=/etc/passwd")
            #expect(unknown.status == .unprocessableContent)
            #expect(Self.text(unknown.body).contains("Metodologia «/etc/passwd» sconosciuta"))
            #expect(!Self.text(unknown.body).contains("o un file"))
        }
    }
}
