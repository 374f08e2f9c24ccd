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
/// TRAGUARDO_SCREENSHOTS=FOLDER it saves `editor-piano.png` and `editor-piano-errore.png` there.
@Suite("Browser: il controllo di gestione costruisce un piano con l'editor")
struct PlanEditorBrowserTests {
    static let script = #"""
    import json, os, sys
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait, Select

    plan = json.loads(sys.argv[1])
    base = plan["base"]
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1400"]:
        options.add_argument(flag)
    for binary in ["/usr/bin/chromium", "/usr/bin/chromium-browser"]:
        if os.path.exists(binary):
            options.binary_location = binary
            break
    driver = webdriver.Chrome(service=Service(plan["chromedriver"]), options=options)
    driver.set_page_load_timeout(60)
    seen = {}

    def shoot(name):
        folder = plan.get("shots")
        if not folder:
            return
        height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 5000)")
        driver.set_window_size(1280, max(900, height))
        driver.save_screenshot(os.path.join(folder, name + ".png"))
        driver.set_window_size(1280, 1400)

    def submit(form):
        old = driver.find_element(By.TAG_NAME, "html")
        form.find_elements(By.CSS_SELECTOR, "button[type=submit]")[-1].click()
        WebDriverWait(driver, 30).until(lambda d: d.find_element(By.TAG_NAME, "html") != old)
        WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")

    def fill(form_id, values):
        field = None
        for key, value in values.items():
            field = driver.find_element(By.ID, form_id + "-" + key)
            if not field.is_displayed():
                # A folded form: unfold it as a person would, by its title.
                field.find_element(By.XPATH, "./ancestor::details/summary").click()
            if field.tag_name == "select":
                Select(field).select_by_value(value)
            else:
                field.clear()
                field.send_keys(value)
        submit(field.find_element(By.XPATH, "./ancestor::form"))

    def element(kind, ident):
        driver.get(base + plan["editor"] + "/elemento?tipo=" + kind + "&id=" + ident.replace("/", "%2F"))

    try:
        driver.get(base + "/login")
        driver.find_element(By.NAME, "utente").send_keys(plan["user"])
        password = driver.find_element(By.NAME, "password")
        password.send_keys(plan["password"])
        submit(password.find_element(By.XPATH, "./ancestor::form"))
        driver.get(base + "/amministrazione/enti")
        seen["enti"] = driver.find_element(By.TAG_NAME, "main").text
        fill("nuovo-ciclo", {"codice": "prova", "nome": "Camera di Commercio di Prova", "anno": "2019"})
        seen["dopoCiclo"] = driver.current_url
        fill("nuova-unita", {"codice": "PROG", "nome": "Ufficio Programmazione", "tipo": "ufficio"})
        driver.get(base + plan["editor"])
        fill("nuovo-nodo", {"codice": "A", "tipo": "area-strategica", "titolo": "Competitività delle imprese"})
        fill("nuovo-figlio", {"codice": "A1", "tipo": "obiettivo-strategico", "titolo": "Imprese digitali"})
        fill("nuovo-figlio", {"codice": "A101", "tipo": "progetto", "titolo": "Punto impresa digitale", "responsabile_unita": "PROG"})
        for code, name, comparator, target in [("1", "Imprese assistite", ">=", "150"), ("2", "Tempo medio di risposta", "<=", "30")]:
            element("nodo", "A101")
            fill("nuovo-indicatore", {"codice": code, "nome": name, "comparatore": comparator, "unita_misura": "n." if code == "1" else "gg"})
            indicator = driver.current_url
            fill("nuovo-target", {"anno": "2019", "valore": target})
            driver.get(indicator)
            fill("nuovo-item", {"codice": "a", "descrizione": name, "valore_target": target, "ufficio": "PROG"})
        element("nodo", "A101")
        fill("nuova-risorsa", {"tipo": "oneri", "fase": "preventivo", "importo": "1.418.965,00"})
        element("nodo", "A101")
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
                    #expect(seen["ripiegati"] == "sposta--sezione nuovo-figlio--sezione nuovo-indicatore--sezione nuova-risorsa--sezione elimina--sezione")
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
