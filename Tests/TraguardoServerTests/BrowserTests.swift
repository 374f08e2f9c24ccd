import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// A real headless Chromium, driven by selenium, against a live server on a free port: the office's flow,
/// and the refusals (another office, the OIV, a form without its CSRF token). Skipped without Chromium or
/// selenium, except under CI=true. With TRAGUARDO_SCREENSHOTS=FOLDER it saves the pages' screenshots there.
@Suite("Browser: Chromium headless contro il server")
struct BrowserTests {
    /// Runs python3 off the cooperative threads (the server answers the browser on them meanwhile).
    static func runScript(_ arguments: [String], source: String = BrowserScript.source) async throws -> String {
        String(decoding: try await Python.runOnOwnThread(source, arguments: arguments), as: UTF8.self)
    }

    /// The line of the page's visible text that names the objective (its code first, then its title and score).
    static func line(naming code: String, in text: String) -> String? {
        text.split(separator: "\n").map(String.init).first { $0.hasPrefix(code + " ") || $0.contains(" \(code) ") || $0 == code }
    }

    @Test(.enabled(if: Selenium.shouldRun, "Chromium, chromedriver o selenium mancanti"))
    func anOfficeEntersAMeasurementAndTheRefusalsHoldInARealBrowser() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let before = PlanScorer.score(try #require(try await store.loadPlan(ServerFixture.lucca2018)), period: "ANNO")
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.live) { client in
                let port = try #require(client.port)
                let shots = ProcessInfo.processInfo.environment["TRAGUARDO_SCREENSHOTS"].flatMap { $0.isEmpty ? nil : $0 }
                if let shots { try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true) }
                var plan: [String: String] = [
                    "base": "http://localhost:\(port)", "chromedriver": Selenium.chromedriver,
                    "password": DemoAccounts.password,
                    "office": "ufficio.pers", "evaluator": "oiv",
                    "cruscotto": "/enti/lucca/2018/cruscotto", "albero": "/enti/lucca/2018/albero", "nodo": "/enti/lucca/2018/nodi/SG-2",
                    "rilevazione": "/enti/lucca/2018/rilevazione/ANNO/PERS", "otherOffice": "/enti/lucca/2018/rilevazione/ANNO/SG",
                    "field": "valore[SG-2/2/1]", "value": "no", "csrfValue": "sì",
                    "commentField": "testo", "comment": "Verificato sul registro del personale",
                    "controller": "controllo", "verifiche": "/enti/lucca/2013/verifiche", "reasonField": "motivo",
                    "reason": "Valore approvato dalla Giunta", "documenti": "/enti/lucca/2013/documenti",
                ]
                if let shots { plan["shots"] = shots }
                let output = try await Self.runScript([String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)])
                let seen = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: String], "\(output)")

                // What the scorer makes of the stored plan after the browser's save.
                let stored = try #require(try await store.loadPlan(ServerFixture.lucca2018))
                let measurement = try #require(stored.measurements.first { $0.itemID == "SG-2/2/1" })
                #expect(measurement.done == false)
                #expect(measurement.author == "ufficio.pers")
                let after = PlanScorer.score(stored, period: "ANNO")
                let shownBefore = try #require(before.objective(code: "SG-2")).score.shown
                let shownAfter = try #require(after.objective(code: "SG-2")).score.shown
                #expect(shownBefore != shownAfter)
                let lineBefore = try #require(Self.line(naming: "SG-2", in: seen["cruscottoPrima"] ?? ""), "\(seen["cruscottoPrima"] ?? "")")
                let lineAfter = try #require(Self.line(naming: "SG-2", in: seen["cruscottoDopo"] ?? ""), "\(seen["cruscottoDopo"] ?? "")")
                // The score, then its traffic light (Verde, Giallo, Rosso) or nothing.
                #expect((lineBefore + " ").contains(" \(shownBefore) "), "\(lineBefore)")
                #expect((lineAfter + " ").contains(" \(shownAfter) "), "\(lineAfter)")
                #expect((seen["nodo"] ?? "").contains(shownAfter))
                // The explanation tree opens without script: one more `<details>` open after the click.
                #expect(Int(seen["spiegazioneChiuse"] ?? "0") ?? 0 > 0)
                #expect(Int(seen["spiegazioneAperte"] ?? "0") ?? 0 >= 2)
                #expect((seen["spiegazioneLink"] ?? "").contains("/enti/lucca/2018/"))
                // The registro's filter runs as a GET: the address keeps it, the CSV link carries it.
                #expect((seen["registroIndirizzo"] ?? "").contains("autore=ufficio.pers"))
                #expect((seen["registroCSV"] ?? "").contains("autore=ufficio.pers") && (seen["registroCSV"] ?? "").contains("formato=csv"))
                #expect((seen["registro"] ?? "").contains("SG-2/2/1@ANNO"))
                #expect(!(seen["registro"] ?? "").contains("{\""))
                #expect(seen["larghezzaTelefono"] == "0", "la rilevazione su un telefono (390 px) non scorre di lato: \(seen["larghezzaTelefono"] ?? "")")
                // The refusals, and that none of them wrote anything: the CSRF-less and the OIV's post asked «sì».
                #expect((seen["altroUfficio"] ?? "").contains("Accesso negato"))
                #expect((seen["senzaCSRF"] ?? "").contains("CSRF"))
                #expect((seen["oivCruscotto"] ?? "").contains(shownAfter))
                #expect((seen["oivLettura"] ?? "").contains("Accesso negato"))
                #expect((seen["oivPost"] ?? "").contains("Accesso negato"))
                let final = try #require(try await store.loadPlan(ServerFixture.lucca2018))
                #expect(final.measurements.first { $0.itemID == "SG-2/2/1" }?.done == false)
                #expect(try await store.auditLog(AuditQuery(actor: "oiv")).allSatisfy { ["sessions", "login_failures", "comments"].contains($0.table) })
                // The OIV's comment, on the node page and in the store; the acknowledged finding; the documents' list.
                #expect((seen["oivCommento"] ?? "").contains("Commento registrato."))
                #expect((seen["oivCommento"] ?? "").contains("Verificato sul registro del personale"))
                #expect(try await store.comments(in: ServerFixture.lucca2018).map(\.author) == ["oiv"])
                #expect((seen["verificheDopo"] ?? "").contains("Segnalazione riconosciuta"))
                #expect((seen["verificheDopo"] ?? "").contains("controllo: Valore approvato dalla Giunta"))
                #expect(try await store.acknowledgements(in: ServerFixture.lucca2013).count == 1)
                #expect((seen["documenti"] ?? "").contains("Relazione sulla performance 2013"))
            }
        }
    }
}
