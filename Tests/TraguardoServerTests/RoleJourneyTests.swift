import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// Issue 21, in a real Chromium: each role's main job from its home page, axe-core on every page opened
/// (no serious or critical violation), the office's data entry with the keyboard only, the dirigente who
/// changes one value on the 2013 rilevazione of his area (102 items) and saves it. With
/// TRAGUARDO_SCREENSHOTS=FOLDER (`docs/screenshots`) it saves the screenshots of the README.
@Suite("Browser: il lavoro di ogni ruolo, accessibilità e tastiera")
struct RoleJourneyTests {
    @Test(.enabled(if: Selenium.shouldRun, "Chromium, chromedriver o selenium mancanti"))
    func eachRoleDoesItsJobWithTheKeyboardAndAxeFindsNothingSerious() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let before2013 = try #require(try await store.loadPlan(ServerFixture.lucca2013))
            let offices = before2013.responsibleUnits()
            let managerItem = try #require(before2013.items.filter { offices[$0.id] == "APS" }.map(\.id).sorted().first)
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.live) { client in
                let port = try #require(client.port)
                var plan: [String: String] = [
                    "base": "http://localhost:\(port)", "chromedriver": Selenium.chromedriver, "password": DemoAccounts.password,
                    "office": "ufficio.pers", "officeForm": "/enti/lucca/2018/rilevazione/ANNO/PERS",
                    "officeField": "valore[SG-2/2/1]", "officeItem": "SG-2/2/1", "officeValue": "no",
                    "manager": "dirigente.promozione", "managerForm": "/enti/lucca/2013/rilevazione/ANNO/APS",
                    "managerField": "valore[\(managerItem)]", "managerValue": "42", "managerValueAll": "43",
                    "controller": "controllo", "cruscotto": "/enti/lucca/2018/cruscotto", "nodo": "/enti/lucca/2018/nodi/SG-2",
                    "verifiche": "/enti/lucca/2013/verifiche", "evaluator": "oiv", "reader": "lettore", "albero": "/enti/lucca/2018/albero",
                    "administrator": "admin",
                ]
                if let shots = ProcessInfo.processInfo.environment["TRAGUARDO_SCREENSHOTS"], !shots.isEmpty {
                    try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
                    plan["shots"] = shots
                }
                let output = try await BrowserTests.runScript(
                    [String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)], source: RoleJourneyScript.source)
                let seen = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
                func text(_ key: String) -> String { seen[key] as? String ?? "" }

                // axe-core on every page: no serious or critical violation.
                let violations = seen["axe"] as? [String] ?? ["axe non eseguito"]
                #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
                #expect((seen["pagine"] as? [String] ?? []).count >= 15)
                // Every page the navigation of each role leads to was opened (and checked by axe above).
                let navigation = seen["navigazione"] as? [String] ?? []
                for role in ["oiv", "lettore", "office", "manager", "controller", "administrator"] {
                    #expect(navigation.filter { $0.hasPrefix(role + " ") }.count >= 3, "\(role): \(navigation)")
                }
                #expect(navigation.contains { $0.hasPrefix("controller ") && $0.contains("/registro") }, "\(navigation)")
                #expect(navigation.contains { $0.hasPrefix("administrator ") && $0.contains("/amministrazione/utenti") }, "\(navigation)")

                // The cruscotto's charts: labels inside the drawing with Chromium's fonts, links focusable, before the tables.
                struct Charts: Decodable { var cut: [String]; var links: Int; var focused: Bool; var before: Bool; var figures: Int }
                let charts = try JSONDecoder().decode(Charts.self, from: Data(text("grafici").utf8))
                #expect(charts.figures >= 2)
                #expect(charts.cut.isEmpty, "testi fuori dal disegno: \(charts.cut)")
                #expect(charts.links >= 7, "ogni barra apre il suo elemento")
                #expect(charts.focused, "il primo link di un grafico prende il fuoco")
                #expect(charts.before, "i grafici prima delle tabelle")
                // The home's numbers at 390 px stay inside their cards.
                struct Cards: Decodable { var overflow: [String]; var page: Int }
                let cards = try JSONDecoder().decode(Cards.self, from: Data(text("schedeTelefono").utf8))
                #expect(cards.overflow.isEmpty, "\(cards.overflow)")
                #expect(cards.page == 0)

                // The office, keyboard only: TAB to the field, TAB to the row's «Salva», ENTER; saved without reloading.
                #expect(text("tastieraCampo") == "True")
                #expect(text("tastieraPulsante") == "True")
                #expect(text("tastieraEsito").contains("rilevazione salvata"), "\(text("tastieraEsito"))")
                #expect(text("tastieraStessaPagina") == "True")
                let stored2018 = try #require(try await store.loadPlan(ServerFixture.lucca2018))
                let office = try #require(stored2018.measurements.first { $0.itemID == "SG-2/2/1" && $0.id.hasSuffix("@ANNO") })
                #expect(office.done == false)
                #expect(office.author == "ufficio.pers")
                #expect(text("larghezzaTelefono") == "0", "la rilevazione su un telefono scorre di lato")
                #expect((Int(text("testataTelefono")) ?? 999) <= 200, "la testata occupa \(text("testataTelefono")) px su 844")

                // The dirigente: one value of the 2013 rilevazione (102 items) changed and saved by its row.
                #expect(text("dirigenteRiga").contains("rilevazione salvata"), "\(text("dirigenteRiga"))")
                let stored2013 = try #require(try await store.loadPlan(ServerFixture.lucca2013))
                let manager = try #require(stored2013.measurements.first { $0.itemID == managerItem && $0.id.hasSuffix("@ANNO") })
                #expect(manager.author == "dirigente.promozione")
                #expect(manager.value == 42 || manager.value == 43)
                // The whole form saved at once: the pre-filled stored texts («28-mag») are read back unchanged.
                #expect(text("dirigenteTutte").contains("Rilevazioni salvate."), "\(text("dirigenteTutte").prefix(1500))")

                // Homes per role.
                #expect(text("homeUfficio").contains("Rilevazioni mancanti"))
                #expect(text("homeUfficio").contains("tuo ufficio"))
                #expect(text("homeDirigente").contains("Rilevazioni mancanti"))
                #expect(text("homeControllo").contains("Segnalazioni aperte"))
                #expect(text("homeControllo").contains("Periodi e scadenze"))
                #expect(text("homeOIV").contains("Da validare"))
                #expect(text("homeLettore").contains("Risultati per area"))
                #expect(text("homeLettore").contains("Risultato dell'Ente"))

                // Context kept; wrong addresses answered in Italian with the menu.
                #expect(text("registroMenu").contains("Cruscotto"))
                #expect(text("amministrazione") == "/amministrazione/unita/lucca/2013", "\(text("amministrazione"))")
                #expect(text("periodoSbagliato").contains("Nessun periodo «XYZ»"))
                #expect(!text("periodoSbagliato").contains("Risultato dell'Ente"))
                #expect(text("pagina404").contains("non corrisponde a nessuna pagina"))
                #expect(text("pagina404").contains("Cruscotto"))
            }
        }
    }
}
