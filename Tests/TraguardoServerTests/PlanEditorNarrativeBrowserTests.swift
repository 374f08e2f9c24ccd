import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// A narrative table added in a real Chromium from its indicator's page in the plan editor: a row that does not fit
/// the columns comes back with the error beside «Righe» and what was typed; corrected, it is saved. axe-core clean.
@Suite("Browser: tabelle della narrativa nell'editor del piano")
struct PlanEditorNarrativeBrowserTests {
    static let script = Selenium.prelude(window: (1280, 1400), pageLoadTimeout: 60, waitSeconds: 30, shotHeightCap: 5000) + #"""
    seen = {}
    def typed(key, text):
        field = driver.find_element(By.ID, "nuova-tabella-" + key)
        field.clear()
        field.send_keys(text)
        return field
    try:
        log_in(plan["controller"])
        seen["indicatore"] = open_page(plan["indicatore"])
        driver.find_element(By.XPATH, "//h2[@id='nuova-tabella--sezione']/ancestor::summary").click()
        typed("codice", "eventi-browser")
        typed("titolo", "Eventi provati nel browser")
        typed("colonne", "Eventi\nPartecipanti")
        typed("righe", "Visite guidate; 12")
        form = typed("totale_stampato", "12; 240").find_element(By.XPATH, "./ancestor::form")
        submit(form)
        check_axe()
        seen["errore"] = driver.find_element(By.ID, "nuova-tabella-righe-errore").text
        seen["righeRimaste"] = driver.find_element(By.ID, "nuova-tabella-righe").get_attribute("value")
        form = typed("righe", "Visite guidate; 12; 240").find_element(By.XPATH, "./ancestor::form")
        seen["salvato"] = submit(form)
        seen["indirizzo"] = driver.current_url
    finally:
        driver.quit()
    print(json.dumps(seen))
    """#

    @Test(.enabled(if: Selenium.shouldRun, "Chromium, chromedriver o selenium mancanti"))
    func theControllerAddsANarrativeTableAfterFixingARow() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let before = try #require(try await store.loadPlan(ServerFixture.lucca2018))
            let indicator = try #require(before.narrativeTables.first { $0.indicatorID != nil }?.indicatorID)
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.live) { client in
                let port = try #require(client.port)
                let plan: [String: String] = [
                    "base": "http://localhost:\(port)", "chromedriver": Selenium.chromedriver, "password": DemoAccounts.password,
                    "controller": "controllo",
                    "indicatore": "/enti/lucca/2018/piano/elemento?tipo=indicatore&id=" + (indicator.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? indicator),
                ]
                let output = String(decoding: try await Python.runOnOwnThread(
                    Self.script, arguments: [String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)]), as: UTF8.self)
                let seen = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
                #expect((seen["indicatore"] as? String)?.contains("Tabelle della narrativa") == true, "\(seen)")
                #expect((seen["errore"] as? String)?.contains("la riga «Visite guidate» ha 1 valori per 2 colonne") == true, "\(seen)")
                #expect(seen["righeRimaste"] as? String == "Visite guidate; 12")
                #expect((seen["indirizzo"] as? String)?.contains("tipo=tabella_narrativa") == true, "\(seen)")
                #expect(seen["axe"] == nil, "axe-core: \(seen["axe"] ?? "")")
                let after = try #require(try await store.loadPlan(ServerFixture.lucca2018))
                let table = try #require(after.narrativeTables.first { $0.code == "eventi-browser" })
                #expect(table.indicatorID == indicator)
                #expect(table.rows == [NarrativeTable.Row(label: "Visite guidate", values: [12, 240])])
                #expect(after.narrativeTables.count == before.narrativeTables.count + 1)
            }
        }
    }
}
