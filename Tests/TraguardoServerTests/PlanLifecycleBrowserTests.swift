import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// The life of a plan made in Traguardo, as the controller does it in a real headless Chromium from an empty
/// database (only the accounts are installed), through the pages and their links only: the Ente and its year, a
/// unit, an area, a strategic objective, a project with two indicators, items and a resource (`build_small_plan`);
/// the plan approved with its act; a variation citing another act; the next year prepared, its targets set from the
/// list of those missing and the year approved; then the «Piano della performance» of both years read from the
/// Documenti page. With TRAGUARDO_SCREENSHOTS=FOLDER it saves
/// `editor-piano-nuovo-ente.png`, `editor-piano-approvazione.png`, `editor-piano-variazione.png`,
/// `piano-versioni.png` and `piano-versioni-nuovo-anno.png` there.
@Suite("Browser: un piano dal database vuoto all'anno dopo, approvato e variato")
struct PlanLifecycleBrowserTests {
    static let approval = "Delibera di Consiglio n. 12 del 20/12/2018"
    static let variation = "Delibera di Giunta n. 7 del 15/03/2019"
    static let approval2020 = "Delibera di Consiglio n. 3 del 30/01/2020"

    static let script = PlanEditorScript.prelude + #"""
    def piano_text():
        # The Documenti page's link to the Piano as HTML, fetched as the browser downloads it (the file is an
        # attachment): its headings, paragraphs and table rows as lines.
        link = driver.find_element(By.CSS_SELECTOR, "main a[href*='/documenti/piano.html']")
        return driver.execute_async_script("""
            var done = arguments[arguments.length - 1];
            fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) { return r.text(); }).then(function (t) {
                var doc = new DOMParser().parseFromString(t, 'text/html');
                done([...doc.querySelectorAll('h1, h2, h3, p, caption, tr')].map(function (e) {
                    return e.tagName == 'TR' ? [...e.children].map(function (c) { return c.textContent.trim(); }).join(' | ') : e.textContent.trim();
                }).join('\\n'));
            }).catch(function (e) { done('errore: ' + e); });
        """, link.get_attribute("href"))

    try:
        log_in()
        build_small_plan()
        # The plan's page in the editor says where the plan stands and leads to its approval.
        driver.get(base + plan["editor"])
        seen["editor"] = main_text()
        follow("Approvazione, versioni e nuovo anno")
        seen["versioniIndirizzo"] = driver.current_url
        # An act that cannot be read is refused beside its field; then the right one, by keyboard only.
        type_and_enter("atto-approvazione", "Delibera di Consiglio del 31/02/2018")
        seen["attoIlleggibile"] = main_text()
        seen["attoIlleggibileCampo"] = driver.find_element(By.ID, "atto-approvazione").get_attribute("aria-invalid") or ""
        field = driver.find_element(By.ID, "atto-approvazione")
        field.clear()
        field.send_keys(plan["approval"])
        shoot("editor-piano-approvazione")
        type_and_enter("atto-approvazione", plan["approval"])
        seen["approvato"] = main_text()
        # Back to the editor by the page's link: a change of the approved plan without its act is refused.
        follow("Editor del piano")
        seen["editorApprovato"] = main_text()
        element("nodo", "A1")
        fill("modifica", {"titolo": "Imprese digitali e sostenibili"})
        seen["senzaAtto"] = main_text()
        element("nodo", "A1")
        fill("modifica", {"titolo": "Imprese digitali e sostenibili", "atto_variazione": plan["variation"]}, shot="editor-piano-variazione")
        seen["variato"] = main_text()
        seen["variatoIndirizzo"] = driver.current_url
        # The versions: the approval and the variation with their acts; the next year prepared from there.
        driver.get(base + plan["editor"])
        follow("Approvazione, versioni e nuovo anno")
        seen["versioni"] = main_text()
        shoot("piano-versioni")
        type_and_enter("anno-nuovo", "2020")
        seen["nuovoAnno"] = main_text()
        seen["nuovoAnnoIndirizzo"] = driver.current_url
        shoot("piano-versioni-nuovo-anno")
        # The new year's targets, set from the list of those missing, each in the editor; then the new year approved.
        for value in ["160", "25"]:
            follow("A101/")
            seen.setdefault("indicatori2020", "")
            seen["indicatori2020"] += driver.current_url + " "
            fill("nuovo-target", {"anno": "2020", "valore": value})
            follow("Piano 2020")
            follow("Approvazione, versioni e nuovo anno")
        seen["targetFissati"] = main_text()
        type_and_enter("atto-approvazione", plan["approval2020"])
        seen["approvato2020"] = main_text()
        # The Piano of each year, from its Documenti page reached by the menu.
        for year in ["2020", "2019"]:
            driver.get(base + "/enti/prova/" + year + "/piano/versioni")
            follow("Documenti")
            seen["documenti" + year] = driver.current_url
            seen["piano" + year] = piano_text()
    finally:
        driver.quit()
    print(json.dumps(seen))
    """#

    @Test(.enabled(if: Selenium.shouldRun, "Chromium, chromedriver o selenium mancanti"))
    func theControllerMakesApprovesVariesAndRollsOverAPlanFromAnEmptyDatabase() async throws {
        try await withTestDatabase(.sqlite) { database in
            let store = try await database.open()
            do {
                try await DemoAccounts.install(in: store, bcryptCost: 4, actor: "test")
                #expect(try await store.cycleHeadings().isEmpty, "il database parte vuoto")
                let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
                try await app.test(.live) { client in
                    let port = try #require(client.port)
                    var plan = [
                        "base": "http://localhost:\(port)", "chromedriver": Selenium.chromedriver, "user": "controllo",
                        "password": DemoAccounts.password, "editor": "/enti/prova/2019/piano",
                        "approval": Self.approval, "variation": Self.variation, "approval2020": Self.approval2020,
                    ]
                    if let shots = ProcessInfo.processInfo.environment["TRAGUARDO_SCREENSHOTS"].flatMap({ $0.isEmpty ? nil : $0 }) {
                        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
                        plan["shots"] = shots
                    }
                    let output = try await BrowserTests.runScript([String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)], source: Self.script)
                    let seen = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: String], "\(output)")
                    try await check(seen, store: store)
                }
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        }
    }

    func check(_ seen: [String: String], store: Store) async throws {
        func text(_ key: String) -> String { seen[key] ?? "" }
        #expect(text("enti").contains("non contiene ancora nessun Ente"))
        #expect(text("dopoCiclo").hasSuffix("/enti/prova/2019/piano?fatto=ciclo"))

        // The editor says the plan is a draft and links to its approval.
        #expect(text("editor").contains("Piano in bozza: non ancora approvato."), "\(text("editor"))")
        #expect(text("versioniIndirizzo").hasSuffix("/enti/prova/2019/piano/versioni"), "\(text("versioniIndirizzo"))")

        // Approval: the unreadable act refused beside its field, then the plan approved with the act.
        #expect(text("attoIlleggibile").contains("Delibera di Consiglio del 31/02/2018"), "\(text("attoIlleggibile"))")
        #expect(text("attoIlleggibileCampo") == "true")
        #expect(text("approvato").contains("Piano approvato."))
        #expect(text("approvato").contains("Piano approvato con \(Self.approval)"), "\(text("approvato"))")
        #expect(text("editorApprovato").contains("Piano approvato con \(Self.approval)"), "\(text("editorApprovato"))")

        // The variation: refused without its act, saved with it.
        #expect(text("senzaAtto").contains("Non ho salvato nulla"), "\(text("senzaAtto"))")
        #expect(text("senzaAtto").contains("Il piano 2019 dell'Ente «prova» è approvato con \(Self.approval): ogni modifica è una variazione e deve citare l'atto"), "\(text("senzaAtto"))")
        #expect(text("variato").contains("Modifiche salvate."), "\(text("variato"))")
        #expect(text("variatoIndirizzo").contains("tipo=nodo&id=A1"))
        #expect(text("versioni").contains(Self.approval) && text("versioni").contains(Self.variation), "\(text("versioni"))")

        // The next year, prepared from the page.
        #expect(text("nuovoAnnoIndirizzo").hasSuffix("/enti/prova/2020/piano/versioni?fatto-anno=2020"), "\(text("nuovoAnnoIndirizzo"))")
        #expect(text("nuovoAnno").contains("Piano 2020 preparato"), "\(text("nuovoAnno"))")
        // Its indicators without a 2020 target, listed beside the approval and linking to the editor; set, then approved.
        #expect(text("nuovoAnno").contains("Indicatori ancora senza target per l'anno"), "\(text("nuovoAnno"))")
        #expect(text("nuovoAnno").contains("A101/1 «Imprese assistite»") && text("nuovoAnno").contains("A101/2 «Tempo medio di risposta»"))
        #expect(text("indicatori2020").contains("/enti/prova/2020/piano/elemento?tipo=indicatore&id=A101%2F1"), "\(text("indicatori2020"))")
        #expect(text("indicatori2020").contains("/enti/prova/2020/piano/elemento?tipo=indicatore&id=A101%2F2"), "\(text("indicatori2020"))")
        #expect(!text("targetFissati").contains("senza target"), "\(text("targetFissati"))")
        #expect(text("approvato2020").contains("Piano approvato con \(Self.approval2020)"), "\(text("approvato2020"))")

        // The Piano of both years: the elements, the approval act, the variation with its act.
        let varied = "A1 – Imprese digitali e sostenibili (modificato con \(Self.variation))"
        for year in ["2019", "2020"] {
            let piano = text("piano\(year)")
            #expect(text("documenti\(year)").contains("/enti/prova/\(year)/documenti"), "\(text("documenti\(year)"))")
            for element in ["A – Competitività delle imprese", "A101 – Punto impresa digitale", "Imprese assistite", "Tempo medio di risposta", varied] {
                #expect(piano.contains(element), "Piano \(year): manca «\(element)»\n\(piano)")
            }
        }
        #expect(text("piano2019").contains("Piano approvato con \(Self.approval)."), "\(text("piano2019"))")
        #expect(text("piano2019").contains("1.418.965,00"))
        #expect(text("piano2020").contains("Piano approvato con \(Self.approval2020)."), "\(text("piano2020"))")

        // What the pages stored.
        let first = try #require(try await store.loadPlan(CycleScope(entityCode: "prova", year: 2019)))
        #expect(PlanApproval.approvingAct(of: first)?.label == Self.approval)
        #expect(PlanApproval.variedNote(nodeID: "A1", in: first) == "modificato con \(Self.variation)")
        #expect(first.nodes.first { $0.id == "A1" }?.title == "Imprese digitali e sostenibili")
        let second = try #require(try await store.loadPlan(CycleScope(entityCode: "prova", year: 2020)))
        #expect(PlanApproval.approvingAct(of: second)?.label == Self.approval2020)
        #expect(second.targets.filter { $0.year == 2020 }.compactMap(\.value).sorted() == [25, 160])
        #expect(second.nodes.map(\.id).sorted() == ["A", "A1", "A101"])
        #expect(second.items.map(\.id).sorted() == ["A101/1/a", "A101/2/a"])
        #expect(PlanApproval.variedNote(nodeID: "A1", in: second) == "modificato con \(Self.variation)")
    }
}
