import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// Issue 18, «Done when» 1, in a real Chromium and through the pages only: a whole quarter of an Ente-year of the
/// current year, from the controller opening T1 to the OIV's validation, the refused later change, the reopening
/// and the Relazione of the closed period that does not move. The reminder digest goes out from the serve's own
/// reminder round to a real SMTP server on loopback (aiosmtpd) and is read back here. axe-core runs on every page
/// of the journey, the mail pages among them. With TRAGUARDO_SCREENSHOTS=FOLDER it saves `trimestre-*.png`.
@Suite("Browser: un trimestre intero, dall'apertura alla validazione")
struct QuarterJourneyTests {
    /// Lucca in the current year (the reminders count days from today): area SG (dirigente Sara Guidi), office
    /// PERS (Mario Rossi, the demo account `ufficio.pers`) with two items of a quarterly indicator; quarters, all
    /// «da aprire», no dates, nothing measured.
    static func plan(year: Int) -> CyclePlan {
        var plan = SamplePlan.make(entityCode: "lucca", year: year)
        let e = plan.entity.code
        plan.units = [
            OrganisationalUnit(id: "SG", entityCode: e, code: "SG", name: "Segreteria Generale", kind: .segreteriaGenerale),
            OrganisationalUnit(id: "PERS", entityCode: e, parentID: "SG", code: "PERS", name: "Ufficio Personale", kind: .ufficio),
        ]
        plan.people = [
            Person(id: "sg", entityCode: e, name: "Sara Guidi", title: "Dott.ssa", email: "sara.guidi@lucca.example.it"),
            Person(id: "mr", entityCode: e, name: "Mario Rossi", email: "mario.rossi@lucca.example.it"),
        ]
        plan.roles = [
            RoleAssignment(id: "sg-sg", personID: "sg", unitID: "SG", role: .dirigente),
            RoleAssignment(id: "mr-pers", personID: "mr", unitID: "PERS", role: .responsabileUfficio),
        ]
        plan.nodes = plan.nodes.map { var n = $0; n.ownerUnitID = n.ownerUnitID == nil ? nil : "SG"; return n }
        plan.objectives = plan.objectives.map { var o = $0; o.unitID = "SG"; return o }
        plan.indicators = plan.indicators.map { var i = $0; i.ownerUnitID = "SG"; return i }
        plan.items = plan.items.map { var i = $0; i.responsibleUnitID = "PERS"; return i }
        plan.items.append(MeasuredItem(
            id: "G1/I1/b", indicatorID: "G1/I1", code: "b", description: "Cedolini corretti entro 5 giorni", comparator: .atMost,
            targetValue: 5, unit: "giorni", responsibleUnitID: "PERS", sortOrder: 2))
        plan.measurements = []
        plan.serviceStandards = []
        plan.serviceResults = []
        plan.procedures = []
        plan.procedureResults = []
        plan.periods = MonitoringPeriod.standard(.quarters, entityCode: e, year: year).map { var p = $0; p.status = .toOpen; return p }
        return plan
    }

    @Test(.enabled(if: Selenium.shouldRun, "Chromium, chromedriver o selenium mancanti"))
    func aWholeQuarterFromOpeningToValidationThroughThePages() async throws {
        let smtp = try await TestSMTPServer(mode: .plain)
        defer { smtp.stop() }
        let now = Date()
        let today = CivilDate.italianDay(of: now)
        let deadline = CivilDate.italianDay(of: now.addingTimeInterval(7 * 86_400))
        let year = today.year
        let scope = CycleScope(entityCode: "lucca", year: year)
        try await ServerFixture.withStore(.sqlite) { store, _ in
            _ = try await store.savePlan(Self.plan(year: year), actor: "test")
            var configuration = ServerFixture.configuration()
            configuration.reminderInterval = 0.5
            let app = TraguardoApplication.make(store: store, configuration: configuration)
            try await app.test(.live) { client in
                let port = try #require(client.port)
                func iso(_ d: CivilDate) -> String { String(format: "%04d-%02d-%02d", d.year, d.month, d.day) }
                var script: [String: String] = [
                    "base": "http://localhost:\(port)", "chromedriver": Selenium.chromedriver, "password": DemoAccounts.password,
                    "smtpPort": String(smtp.port), "year": String(year), "opensOn": iso(today), "deadline": iso(deadline),
                    "controller": "controllo", "office": "ufficio.pers", "evaluator": "oiv", "administrator": "admin",
                ]
                if let shots = ProcessInfo.processInfo.environment["TRAGUARDO_SCREENSHOTS"], !shots.isEmpty {
                    try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
                    script["shots"] = shots
                }
                let output = try await BrowserTests.runScript(
                    [String(decoding: try JSONEncoder().encode(script), as: UTF8.self)], source: QuarterJourneyScript.source)
                let seen = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
                func text(_ key: String) -> String { seen[key] as? String ?? "" }
                #expect(text("errore").isEmpty, "\(text("errore"))")

                // axe-core on every page of the journey, the mail pages among them: nothing serious or critical.
                let pages = seen["pagine"] as? [String] ?? []
                #expect(pages.contains("/amministrazione/posta"), "\(pages)")
                #expect(pages.contains("/amministrazione/promemoria/lucca/\(year)"), "\(pages)")
                #expect(pages.count >= 10, "\(pages)")
                let violations = seen["axe"] as? [String] ?? ["axe non eseguito"]
                #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")

                // The controller set the dates and opened T1.
                let rows = text("periodoAperto").split(separator: "\n")
                #expect(rows.firstIndex { $0.hasSuffix("Salva le date di T1") }.map { rows[$0 + 1].hasPrefix("aperto") } == true, "\(text("periodoAperto").prefix(1500))")
                let t1 = try #require(try await store.loadPlan(scope)?.periods.first { $0.code == "T1" })
                #expect(t1.opensOn == today && t1.deadline == deadline)

                // The digest: one message to the office's holder, with its items and the deadline; logged on the page.
                #expect(text("postaSalvata").contains("Impostazioni di posta salvate."), "\(text("postaSalvata").prefix(3000))")
                #expect(try await store.reminderSchedule(in: scope)?.enabled == true, "\(text("promemoriaSalvato").prefix(3000))")
                let round = try await ReminderSender(store: store).run(now: now, dryRun: true)
                #expect(text("registroPosta").contains("mario.rossi@lucca.example.it"), "\(text("registroPosta").prefix(800))")
                let received = try smtp.received()
                #expect(received.map(\.to) == [["mario.rossi@lucca.example.it"]], "\(received.map(\.to)); \(round)")
                let mail = try #require(received.first)
                #expect(mail.from == "performance@lucca.example.it")
                #expect(mail.subject == "Promemoria CCIAA Lucca: 2 rilevazioni entro il \(deadline.italian)", "\(mail.subject)")
                #expect(mail.body.contains("Gentile Mario Rossi,"))
                #expect(mail.body.contains("Primo trimestre (T1) — scadenza \(deadline.italian), fra 7 giorni"), "\(mail.body)")
                #expect(mail.body.contains("Ufficio: Ufficio Personale"))
                #expect(mail.body.contains("- G1/I1/a Pratiche telematiche"))
                #expect(mail.body.contains("- G1/I1/b Cedolini corretti entro 5 giorni"))

                // The office's home listed the task; it entered and submitted; sent back with the reason shown; fixed.
                #expect(text("homeUfficio").contains("T1"), "\(text("homeUfficio").prefix(1500))")
                #expect(text("salvate").contains("Rilevazioni salvate"), "\(text("salvate").prefix(800))")
                #expect(text("rinviato").contains("Manca la fonte del dato"), "\(text("rinviato").prefix(1500))")
                #expect(text("autoverifica") == "0", "l'ufficio ha il pulsante per verificare i propri valori")

                // The workflow's history, as the store has it.
                let history = try await store.submissionEvents(in: scope, unitID: "PERS").map { "\($0.from.rawValue)→\($0.to.rawValue) \($0.actor)" }
                #expect(history == [
                    "bozza→inviato ufficio.pers", "inviato→rinviato controllo", "rinviato→inviato ufficio.pers",
                    "inviato→verificato controllo", "verificato→validato oiv", "validato→bozza controllo",
                ], "\(history)")

                // The OIV's sample on the snapshot, with its note; the documento di validazione names the fingerprint.
                #expect(text("campione").contains("Verbale del personale controllato"), "\(text("campione").prefix(2000))")
                #expect(text("campione").contains("confermato con rilievi"))
                #expect(text("validazione").contains("seme 42") && text("validazione").contains("Verbale del personale controllato"))
                let first = try #require(try await store.snapshots(in: scope, period: "T1").first)
                #expect(text("validazione").contains(first.dataFingerprint), "\(text("validazione").prefix(800))")

                // Closed and validated: a later change is refused, on the page and by the server.
                #expect(text("chiusoModulo") == "0", "campi modificabili sul periodo chiuso: \(text("chiusoModulo"))")
                #expect(text("chiusoPost").contains("chiuso"), "\(text("chiusoPost").prefix(800))")
                #expect(text("riapertoBloccato").contains("validati dall"), "\(text("riapertoBloccato").prefix(800))")
                // After reopening, the old validation is in the history and not on the new values.
                #expect(text("inviiDopo").contains("verificato → validato (oiv)"), "\(text("inviiDopo").prefix(2000))")
                #expect(text("inviiDopo").contains("Dato del personale corretto"))
                let state = try await store.submissions(in: scope).first { $0.unitID == "PERS" && $0.periodCode == "T1" }?.state
                #expect(state == .draft)
                let measured = try #require(try await store.loadPlan(scope)?.measurements.first { $0.id == "G1/I1/b@T1" })
                #expect(measured.value == 2)

                // The Relazione of the closed period: the same bytes before and after the refused change; once the
                // period is reopened and the value changed, the live document differs (so the comparison could fail).
                #expect(text("relazionePrima").contains("Relazione sulla performance") && text("relazionePrima").contains("periodo T1 chiuso;"),
                        "\(text("relazionePrima").prefix(500))")
                #expect(text("relazionePrima").contains("impronta \(first.dataFingerprint)"))
                #expect(text("docxPrima").hasPrefix("UEsDB"), "non un DOCX: \(text("docxPrima").prefix(80))")
                #expect(text("relazionePrima") == text("relazioneDopoRifiuto"), "la Relazione del periodo chiuso è cambiata")
                #expect(text("docxPrima") == text("docxDopoRifiuto") && !text("docxPrima").isEmpty)
                #expect(text("relazioneRiaperto") != text("relazionePrima") && !text("relazioneRiaperto").isEmpty)
                // Closed again: a second snapshot, the first kept.
                #expect(try await store.snapshots(in: scope, period: "T1").map(\.version) == [1, 2])
                #expect(text("relazioneSeconda") != text("relazionePrima") && !text("relazioneSeconda").isEmpty)
                // The OIV's sample stays bound to the first snapshot: the new one has none yet.
                #expect(try await store.oivSample(scope, period: "T1") == nil)
            }
        }
    }
}
