import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// Issue 18: the calendar of the year and the submission and validation of each office's values per period, on
/// Lucca 2018 (the Ufficio Personale, PERS, enters SG-2/2/1), on SQLite and PostgreSQL.
@Suite("Calendario, invii, verifiche e validazioni")
struct WorkflowTests {
    static let invii = "/enti/lucca/2018/invii"
    static let stato = "/amministrazione/periodi/lucca/2018/stato"

    static func state(_ store: Store, unit: String = "PERS") async throws -> SubmissionState? {
        let plan = try #require(try await store.loadPlan(ServerFixture.lucca2018))
        let id = try #require(plan.unit(named: unit)).id
        return try await store.submissions(in: ServerFixture.lucca2018).first { $0.unitID == id && $0.periodCode == "ANNO" }?.state
    }

    static func period(_ store: Store) async throws -> MonitoringPeriod {
        try #require(try await store.loadPlan(ServerFixture.lucca2018)?.periods.first { $0.code == "ANNO" })
    }

    static func move(_ browser: Browser, _ action: String, unit: String = "PERS", reason: String? = nil) async throws -> Browser.Page {
        try await browser.get(invii + "?periodo=ANNO")
        return try await browser.post(invii, [("ufficio", unit), ("periodo", "ANNO"), ("azione", action)] + (reason.map { [("motivo", $0)] } ?? []))
    }

    @Test(arguments: TestBackend.allCases)
    func aWholePeriodFromDatesToValidationAndReopening(_ backend: TestBackend) async throws {
        try await ServerFixture.withSignedIn("controllo", backend: backend) { controller, server in
            let store = server.store
            // The calendar: dates, each change one audit row; a deadline before the opening is refused.
            try await controller.get("/amministrazione/periodi/lucca/2018")
            let dates = try await controller.post(
                "/amministrazione/periodi/lucca/2018/date", [("periodo", "ANNO"), ("apertura", "2019-01-02"), ("scadenza", "2019-01-31")])
            #expect(dates.status == .seeOther)
            #expect(try await Self.period(store).deadline == CivilDate(year: 2019, month: 1, day: 31))
            let backwards = try await controller.post(
                "/amministrazione/periodi/lucca/2018/date", [("periodo", "ANNO"), ("apertura", "2019-02-02"), ("scadenza", "2019-01-31")])
            #expect(backwards.status == .badRequest && backwards.body.contains("prima dell&#39;apertura") || backwards.body.contains("prima dell'apertura"))
            #expect(try await Self.period(store).opensOn == CivilDate(year: 2019, month: 1, day: 2))

            // The office enters and submits.
            let office = Browser(server.client)
            try await office.logIn("ufficio.pers")
            try await office.get("/enti/lucca/2018/rilevazione/ANNO/PERS")
            #expect(try await office.post("/enti/lucca/2018/rilevazione/ANNO/PERS", [("valore[SG-2/2/1]", "no")]).status == .ok)
            #expect(try await Self.move(office, "invia").status == .seeOther)
            #expect(try await Self.state(store) == .submitted)
            // The office may not verify its own values, nor may anyone but the controllo di gestione.
            #expect(try await Self.move(office, "verifica").status == .forbidden)

            // Sent back: a reason is needed; with one, the office sees it.
            let noReason = try await Self.move(controller, "rinvia")
            #expect(noReason.status == .unprocessableContent && noReason.body.contains("Manca il motivo"))
            #expect(try await Self.state(store) == .submitted)
            #expect(try await Self.move(controller, "rinvia", reason: "Manca la fonte del dato").status == .seeOther)
            #expect(try await Self.state(store) == .sentBack)
            let home = try await office.get("/")
            #expect(home.body.contains("I tuoi compiti") && home.body.contains("Manca la fonte del dato"))

            // Fixed and submitted again; verified; the OIV may not validate an open period.
            try await office.get("/enti/lucca/2018/rilevazione/ANNO/PERS")
            #expect(try await office.post("/enti/lucca/2018/rilevazione/ANNO/PERS", [("valore[SG-2/2/1]", "si")]).status == .ok)
            #expect(try await Self.move(office, "invia").status == .seeOther)
            #expect(try await controller.get("/").body.contains("Da verificare: Ufficio"))
            #expect(try await Self.move(controller, "verifica").status == .seeOther)
            #expect(try await Self.state(store) == .verified)
            let oiv = Browser(server.client)
            try await oiv.logIn("oiv")
            let tooEarly = try await Self.move(oiv, "valida")
            #expect(tooEarly.status == .unprocessableContent && tooEarly.body.contains("periodo chiuso"))

            // The controller closes the period (the one close path); the OIV validates.
            try await controller.get("/amministrazione/periodi/lucca/2018")
            #expect(try await controller.post(Self.stato, [("periodo", "ANNO"), ("azione", "chiudi")]).status == .seeOther)
            #expect(try await Self.period(store).status == .closed)
            #expect(try await oiv.get("/").body.contains("Da validare: Ufficio"))
            #expect(try await Self.move(oiv, "valida").status == .seeOther)
            #expect(try await Self.state(store) == .validated)

            // Reopening the period needs a reason; then the validated values stay locked: form and API refuse.
            try await controller.get("/amministrazione/periodi/lucca/2018")
            #expect(try await controller.post(Self.stato, [("periodo", "ANNO"), ("azione", "riapri")]).status == .badRequest)
            #expect(try await controller.post(Self.stato, [("periodo", "ANNO"), ("azione", "riapri"), ("motivo", "Correzione chiesta dall'OIV")]).status == .seeOther)
            let reopened = try await Self.period(store)
            #expect(reopened.status == .reopened && reopened.reopenReason == "Correzione chiesta dall'OIV")
            let before = try await store.loadPlan(ServerFixture.lucca2018)?.measurements.first { $0.id == "SG-2/2/1@ANNO" }
            try await office.get("/enti/lucca/2018/rilevazione/ANNO/PERS")
            let refused = try await office.post("/enti/lucca/2018/rilevazione/ANNO/PERS", [("valore[SG-2/2/1]", "no")])
            #expect(refused.status == .conflict && refused.body.contains("validati dall"), "\(refused.status)")
            let token = try await APITests.token(for: "ufficio.pers", in: store, scope: .write)
            let api = try await server.client.executeRequest(
                uri: "/api/v1/enti/lucca/2018/rilevazioni", method: .post,
                headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                body: ByteBuffer(string: #"{"item": "SG-2/2/1", "periodo": "ANNO", "valore": "no"}"#))
            #expect(api.status == .conflict)
            // The store refuses too, whoever writes (a sheet, the command line).
            var edited = try #require(before)
            edited.done = false
            let changed = edited
            await #expect(throws: StoreError.self) {
                _ = try await store.recordMeasurements(actor: "foglio") { batches in try await batches.write([changed], in: ServerFixture.lucca2018) }
            }
            #expect(try await store.loadPlan(ServerFixture.lucca2018)?.measurements.first { $0.id == "SG-2/2/1@ANNO" } == before)

            // The controller reopens the values with a reason: the change goes through, the validation stays in the history.
            #expect(try await Self.move(controller, "riapri").status == .unprocessableContent)
            #expect(try await Self.move(controller, "riapri", reason: "Dato del personale corretto").status == .seeOther)
            #expect(try await Self.state(store) == .draft)
            try await office.get("/enti/lucca/2018/rilevazione/ANNO/PERS")
            #expect(try await office.post("/enti/lucca/2018/rilevazione/ANNO/PERS", [("valore[SG-2/2/1]", "no")]).status == .ok)
            let plan = try #require(try await store.loadPlan(ServerFixture.lucca2018))
            let pers = try #require(plan.unit(named: "PERS")).id
            let history = try await store.submissionEvents(in: ServerFixture.lucca2018, unitID: pers).map { "\($0.from.rawValue)→\($0.to.rawValue)" }
            #expect(history == ["bozza→inviato", "inviato→rinviato", "rinviato→inviato", "inviato→verificato", "verificato→validato", "validato→bozza"])
            #expect(try await store.auditLog(AuditQuery(table: "office_submissions")).count == history.count)
            let page = try await controller.get(Self.invii + "?periodo=ANNO")
            #expect(page.body.contains("verificato → validato (oiv)") && page.body.contains("Dato del personale corretto"))
        }
    }

    @Test(arguments: TestBackend.allCases)
    func noOneVerifiesWhatTheySubmitted(_ backend: TestBackend) async throws {
        try await ServerFixture.withSignedIn("controllo", backend: backend) { controller, server in
            // The controllo di gestione submits for an office: it may not verify it; another controller may.
            #expect(try await Self.move(controller, "invia").status == .seeOther)
            let own = try await Self.move(controller, "verifica")
            #expect(own.status == .unprocessableContent && own.body.contains("inviati da sé stessi"))
            #expect(try await Self.state(server.store) == .submitted)
            let admin = Browser(server.client)
            try await admin.logIn("admin")
            #expect(try await Self.move(admin, "verifica").status == .seeOther)
            #expect(try await Self.state(server.store) == .verified)
        }
    }

    /// Issue 18 (web-trial §1 UX-8, L10): the OIV's validation of SG-2 stayed «validato» after its score fell.
    @Test(arguments: TestBackend.allCases)
    func aValidationDoesNotCarryOverAChangedValue(_ backend: TestBackend) async throws {
        try await ServerFixture.withSignedIn("oiv", backend: backend) { oiv, server in
            try await oiv.get("/enti/lucca/2018/nodi/SG-2")
            #expect(try await oiv.post("/enti/lucca/2018/validazioni", [("elemento", "SG-2"), ("periodo", "ANNO"), ("nota", "Prima")]).status == .seeOther)
            let validated = try await oiv.get("/enti/lucca/2018/nodi/SG-2?periodo=ANNO")
            #expect(validated.body.contains("<strong>validato</strong>") && !validated.body.contains("non più valida"))
            let stored = try #require(try await server.store.validations(in: ServerFixture.lucca2018).last)
            let scores = PlanScorer.score(try #require(try await server.store.loadPlan(ServerFixture.lucca2018)), period: "ANNO")
            #expect(stored.score == scores.element(path: "SG-2")?.score.shown)

            let office = Browser(server.client)
            try await office.logIn("ufficio.pers")
            try await office.get("/enti/lucca/2018/rilevazione/ANNO/PERS")
            #expect(try await office.post("/enti/lucca/2018/rilevazione/ANNO/PERS", [("valore[SG-2/2/1]", "no")]).status == .ok)
            let after = PlanScorer.score(try #require(try await server.store.loadPlan(ServerFixture.lucca2018)), period: "ANNO")
            #expect(after.element(path: "SG-2")?.score.shown != stored.score)
            let stale = try await oiv.get("/enti/lucca/2018/nodi/SG-2?periodo=ANNO")
            #expect(stale.body.contains("non più valida") && !stale.body.contains("<strong>validato</strong>"))
            // The home lists SG-2 as to validate again.
            #expect(try await oiv.get("/").body.contains("SG-2 –"))

            // Validating again adds to the history: the first note is kept and no longer holds.
            try await oiv.get("/enti/lucca/2018/nodi/SG-2")
            #expect(try await oiv.post("/enti/lucca/2018/validazioni", [("elemento", "SG-2"), ("periodo", "ANNO"), ("nota", "Seconda")]).status == .seeOther)
            let again = try await oiv.get("/enti/lucca/2018/nodi/SG-2?periodo=ANNO")
            #expect(again.body.contains("Prima") && again.body.contains("Seconda") && again.body.contains("<strong>validato</strong>"))
            #expect(try await server.store.validations(in: ServerFixture.lucca2018).map(\.note) == ["Prima", "Seconda"])
        }
    }

    @Test func theCompletionViewShowsOfficesUnitsAndWhatIsMissing() async throws {
        try await ServerFixture.withSignedIn("controllo") { controller, server in
            let page = try await controller.get(Self.invii)
            #expect(page.status == .ok)
            #expect(page.body.contains("Completamento per unità") && page.body.contains("Ufficio Personale"))
            #expect(page.body.contains("/enti/lucca/2018/rilevazione/ANNO/") && page.body.contains("?mancanti=1"))
            #expect(try await controller.get("/").body.contains("Completamento per ufficio"))
            let reader = Browser(server.client)
            try await reader.logIn("lettore")
            let read = try await reader.get(Self.invii)
            #expect(read.status == .ok && !read.body.contains(#"name="azione""#))
            #expect(try await reader.get(Self.invii + "?periodo=NESSUNO").status == .notFound)
        }
    }
}
