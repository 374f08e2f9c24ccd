import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// The cases of the Carta dei servizi in a real Chromium: the register export chosen in the Importazione page's form
/// and sent, then the Carta computed from them opened from the report's link; both pages pass axe-core.
@Suite("Browser: casi della Carta dei servizi")
struct CartaCasesBrowserTests {
    static let script = Selenium.prelude(window: (1280, 1400), pageLoadTimeout: 60, waitSeconds: 30, shotHeightCap: 5000) + #"""
    seen = {}
    try:
        log_in(plan["controller"])
        open_page("/amministrazione/importazione")
        form = driver.find_element(By.ID, "casi-file").find_element(By.XPATH, "./ancestor::form")
        for option in form.find_elements(By.CSS_SELECTOR, "#casi-ambito option"):
            if option.get_attribute("value") == plan["scope"]:
                option.click()
        driver.find_element(By.ID, "casi-file").send_keys(plan["file"])
        seen["importazione"] = submit(form)
        seen["pagine"] = []
        check_axe()
        link = driver.find_element(By.PARTIAL_LINK_TEXT, "calcolata dai casi registrati")
        old = driver.find_element(By.TAG_NAME, "html")
        link.click()
        wait_for_new_page(old)
        check_axe()
        seen["carta"] = body()
        seen["indirizzo"] = driver.current_url
    finally:
        driver.quit()
    print(json.dumps(seen))
    """#

    @Test(.enabled(if: Selenium.shouldRun, "Chromium, chromedriver o selenium mancanti"))
    func theControllerImportsTheCasesAndSeesTheCartaComputedFromThem() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.live) { client in
                let port = try #require(client.port)
                let plan: [String: String] = [
                    "base": "http://localhost:\(port)", "chromedriver": Selenium.chromedriver, "password": DemoAccounts.password,
                    "controller": "controllo", "scope": "lucca/2018", "file": CartaCasesWebTests.cases.path,
                ]
                let output = String(decoding: try await Python.runOnOwnThread(
                    Self.script, arguments: [String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)]), as: UTF8.self)
                let seen = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
                let stored = try await store.serviceCases(in: ServerFixture.lucca2018)
                #expect(!stored.isEmpty)
                #expect((seen["importazione"] as? String)?.contains("Servizio 3.3.4: 415 casi (prima 0).") == true, "\(seen)")
                #expect((seen["indirizzo"] as? String)?.hasSuffix("/enti/lucca/2018/carta?fonte=casi") == true, "\(seen)")
                let carta = try #require(seen["carta"] as? String)
                #expect(carta.contains("TOTALE 3.572"), "\(carta)")
                #expect(carta.contains("% RISULTATO CONSEGUITO SU 36 PROCESSI 99,22"))
                #expect(carta.contains("Media giorni lavorativi"))
                #expect(seen["axe"] == nil, "axe-core: \(seen["axe"] ?? "")")
            }
        }
    }
}
