import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// The cruscotto's period in a real Chromium: opened without `?periodo=` on the open quarter (as the home's card),
/// and the year end chosen from the period links with the keyboard; the page passes axe-core.
@Suite("Browser: periodo del cruscotto")
struct CruscottoPeriodBrowserTests {
    static let script = Selenium.prelude(window: (1280, 1400), pageLoadTimeout: 60, waitSeconds: 30, shotHeightCap: 5000) + #"""
    seen = {}
    periods = "nav[aria-label='Periodo del cruscotto'] "
    try:
        log_in(plan["reader"])
        open_page(plan["cruscotto"])
        seen["prima"] = driver.find_element(By.CSS_SELECTOR, "p.sottotitolo").text
        seen["correntePrima"] = driver.find_element(By.CSS_SELECTOR, periods + "a[aria-current=page]").text
        link = driver.find_element(By.CSS_SELECTOR, periods + "a[href$='periodo=ANNO']")
        old = driver.find_element(By.TAG_NAME, "html")
        link.send_keys(Keys.ENTER)
        wait_for_new_page(old)
        seen["dopo"] = driver.find_element(By.CSS_SELECTOR, "p.sottotitolo").text
        seen["correnteDopo"] = driver.find_element(By.CSS_SELECTOR, periods + "a[aria-current=page]").text
        seen["indirizzo"] = driver.current_url
    finally:
        driver.quit()
    print(json.dumps(seen))
    """#

    @Test(.enabled(if: Selenium.shouldRun, "Chromium, chromedriver o selenium mancanti"))
    func theCruscottoOpensOnTheOpenQuarterAndTheYearEndIsOneLinkAway() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            try await CruscottoPeriodTests.openFirstQuarter(store)
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.live) { client in
                let port = try #require(client.port)
                let plan: [String: String] = [
                    "base": "http://localhost:\(port)", "chromedriver": Selenium.chromedriver, "password": DemoAccounts.password,
                    "reader": "lettore", "cruscotto": CruscottoPeriodTests.cruscotto,
                ]
                let output = String(decoding: try await Python.runOnOwnThread(
                    Self.script, arguments: [String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)]), as: UTF8.self)
                let seen = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
                let stored = try #require(try await store.loadPlan(ServerFixture.lucca2018))
                let yearEnd = try #require(stored.period(code: "ANNO"))
                #expect((seen["prima"] as? String)?.contains("periodo: Primo trimestre (T1)") == true, "\(seen)")
                #expect((seen["correntePrima"] as? String)?.hasPrefix("Primo trimestre (T1") == true, "\(seen)")
                #expect((seen["dopo"] as? String)?.contains("periodo: \(yearEnd.name) (ANNO)") == true, "\(seen)")
                #expect((seen["correnteDopo"] as? String)?.hasPrefix("\(yearEnd.name) (ANNO") == true, "\(seen)")
                #expect((seen["indirizzo"] as? String)?.hasSuffix("/enti/lucca/2018/cruscotto?periodo=ANNO") == true)
                #expect(seen["axe"] == nil, "axe-core: \(seen["axe"] ?? "")")
            }
        }
    }
}
