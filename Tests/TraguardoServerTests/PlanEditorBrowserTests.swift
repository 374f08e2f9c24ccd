import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// The controller builds a small plan from an empty database in a real headless Chromium, through the editor's
/// pages only: an Ente and its year, a unit, an area, a strategic objective, a project with two indicators, their
/// targets and items, a resource; then a wrong value, refused with the summary linking to the field. With
/// TRAGUARDO_SCREENSHOTS=FOLDER it saves `editor-piano-nuovo-ente.png`, `editor-piano.png` and `editor-piano-errore.png` there.
@Suite("Browser: il controllo di gestione costruisce un piano con l'editor")
struct PlanEditorBrowserTests {
    static let script = PlanEditorScript.prelude + #"""
    try:
        log_in()
        build_small_plan()
        seen["progetto"] = driver.find_element(By.TAG_NAME, "main").text
        seen["ripiegati"] = " ".join(driver.execute_script(
            "return [...document.querySelectorAll('details.modulo-piano')].filter(d => !d.open).map(d => d.querySelector('h2').id)"))
        seen["aperti"] = " ".join(driver.execute_script(
            "return [...document.querySelectorAll('details.modulo-piano')].filter(d => d.open).map(d => d.querySelector('h2').id)"))
        shoot("editor-piano")
        fill("modifica", {"peso": "sessanta"})
        seen["errore"] = driver.find_element(By.TAG_NAME, "main").text
        seen["riepilogo"] = driver.find_element(By.CSS_SELECTOR, "#riepilogo-errori a").get_attribute("href")
        seen["campoInvalido"] = driver.find_element(By.ID, "modifica-peso").get_attribute("aria-invalid") or ""
        shoot("editor-piano-errore")
    finally:
        driver.quit()
    print(json.dumps(seen))
    """#

    @Test(.enabled(if: Selenium.shouldRun, "Chromium, chromedriver o selenium mancanti"))
    func theControllerBuildsASmallPlanFromAnEmptyDatabase() async throws {
        try await withTestDatabase(.sqlite) { database in
            let store = try await database.open()
            do {
                try await DemoAccounts.install(in: store, bcryptCost: 4, actor: "test")
                let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
                try await app.test(.live) { client in
                    let port = try #require(client.port)
                    var plan = [
                        "base": "http://localhost:\(port)", "chromedriver": Selenium.chromedriver, "user": "controllo",
                        "password": DemoAccounts.password, "editor": "/enti/prova/2019/piano",
                    ]
                    if let shots = ProcessInfo.processInfo.environment["TRAGUARDO_SCREENSHOTS"].flatMap({ $0.isEmpty ? nil : $0 }) {
                        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
                        plan["shots"] = shots
                    }
                    let output = try await BrowserTests.runScript([String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)], source: Self.script)
                    let seen = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: String], "\(output)")
                    #expect(seen["enti"]?.contains("non contiene ancora nessun Ente") == true)
                    #expect(seen["dopoCiclo"]?.hasSuffix("/enti/prova/2019/piano?fatto=ciclo") == true)
                    #expect(seen["progetto"]?.contains("Imprese assistite") == true)
                    #expect(seen["progetto"]?.contains("Tempo medio di risposta") == true)
                    #expect(seen["progetto"]?.contains("1.418.965,00 €") == true)
                    #expect(seen["aperti"] == "modifica--sezione", "solo il modulo dell'elemento è aperto: \(seen["aperti"] ?? "")")
                    #expect(seen["ripiegati"] == "sposta--sezione nuovo-figlio--sezione nuovo-indicatore--sezione nuova-risorsa--sezione nuovo-conto--sezione elimina--sezione")
                    #expect(seen["errore"]?.contains("«sessanta» non è un numero") == true)
                    #expect(seen["riepilogo"]?.hasSuffix("#modifica-peso") == true)
                    #expect(seen["campoInvalido"] == "true")
                    let stored = try #require(try await store.loadPlan(CycleScope(entityCode: "prova", year: 2019)))
                    #expect(stored.nodes.map(\.id).sorted() == ["A", "A1", "A101"])
                    #expect(stored.indicators.map(\.id).sorted() == ["A101/1", "A101/2"])
                    #expect(stored.targets.count == 2)
                    #expect(stored.items.map(\.id).sorted() == ["A101/1/a", "A101/2/a"])
                    #expect(stored.resources.count == 1)
                    #expect(stored.nodes.first { $0.id == "A101" }?.weight == nil, "il peso sbagliato non è stato salvato")
                }
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        }
    }
}
