import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// The e-mail reminders end to end: a plan in a real database, the schedule and the SMTP settings stored, the
/// round run, the messages read back from a real SMTP server on loopback (aiosmtpd).
@Suite("Promemoria via e-mail", .serialized)
struct ReminderTests {
    /// An Ente-year of the current year: area SG (dirigente Sara Guidi), offices RI and PR (both held by Mario
    /// Rossi, one item each, nothing entered), office UX (held by Anna Bianchi, no items). Period 30-09 open with
    /// its deadline 7 days after `now`.
    static func plan(now: Date, deadlineInDays days: Int = 7) -> (CyclePlan, CycleScope) {
        let today = CivilDate.italianDay(of: now)
        let deadline = CivilDate.italianDay(of: now.addingTimeInterval(Double(days) * 86_400))
        var plan = SamplePlan.make(entityCode: "lucca", year: today.year)
        let e = plan.entity.code
        plan.units = [
            OrganisationalUnit(id: "SG", entityCode: e, code: "SG", name: "Segreteria Generale", kind: .segreteriaGenerale),
            OrganisationalUnit(id: "RI", entityCode: e, parentID: "SG", code: "RI", name: "Registro delle imprese", kind: .ufficio),
            OrganisationalUnit(id: "PR", entityCode: e, parentID: "SG", code: "PR", name: "Protesti", kind: .ufficio),
            OrganisationalUnit(id: "UX", entityCode: e, parentID: "SG", code: "UX", name: "Ufficio senza item", kind: .ufficio),
        ]
        plan.people = [
            Person(id: "sg", entityCode: e, name: "Sara Guidi", title: "Dott.ssa", email: "sara.guidi@lucca.example.it"),
            Person(id: "mr", entityCode: e, name: "Mario Rossi", email: "mario.rossi@lucca.example.it"),
            Person(id: "ab", entityCode: e, name: "Anna Bianchi", email: "anna.bianchi@lucca.example.it"),
        ]
        plan.roles = [
            RoleAssignment(id: "sg-sg", personID: "sg", unitID: "SG", role: .dirigente),
            RoleAssignment(id: "mr-ri", personID: "mr", unitID: "RI", role: .responsabileUfficio),
            RoleAssignment(id: "mr-pr", personID: "mr", unitID: "PR", role: .responsabileUfficio),
            RoleAssignment(id: "ab-ux", personID: "ab", unitID: "UX", role: .responsabileUfficio),
        ]
        plan.nodes = plan.nodes.map { var n = $0; n.ownerUnitID = n.ownerUnitID == nil ? nil : "SG"; return n }
        plan.objectives = plan.objectives.map { var o = $0; o.unitID = "SG"; return o }
        plan.items.append(MeasuredItem(
            id: "G1/I1/b", indicatorID: "G1/I1", code: "b", description: "Protesti cancellati entro 5 giorni", comparator: .atMost,
            targetValue: 5, unit: "giorni", responsibleUnitID: "PR", sortOrder: 2))
        plan.measurements = []
        plan.serviceStandards = []
        plan.serviceResults = []
        plan.procedures = []
        plan.procedureResults = []
        plan.periods = MonitoringPeriod.standard(.septemberAndYearEnd, entityCode: e, year: today.year).map { period in
            var period = period
            if period.code == "30-09" {
                period.status = .open
                period.deadline = deadline
            } else {
                period.status = .toOpen
            }
            return period
        }
        return (plan, CycleScope(entityCode: e, year: today.year))
    }

    static func prepare(_ store: Store, server: TestSMTPServer, now: Date, deadlineInDays days: Int = 7,
                        schedule: ReminderSchedule = ReminderSchedule(enabled: true, daysBefore: [7, 2], onDeadline: true,
                                                                      managerAfterDays: 3, controllerAfterDays: 10,
                                                                      controllerAddresses: ["controllo@lucca.example.it"])) async throws -> CycleScope {
        let (plan, scope) = plan(now: now, deadlineInDays: days)
        _ = try await store.savePlan(plan, actor: "test")
        try await store.saveReminderSchedule(schedule, in: scope, actor: "test")
        try await store.saveMailSettings(
            MailSettings(host: "127.0.0.1", port: server.port, security: "nessuna", senderAddress: "performance@lucca.example.it",
                         senderName: "Controllo di gestione – Traguardo", siteAddress: "https://performance.lucca.example.it"),
            actor: "test")
        return scope
    }

    @Test func oneDigestPerPersonWithItemsAndDeadlineAndNothingForWhoHasNothingPending() async throws {
        let server = try await TestSMTPServer(mode: .plain)
        defer { server.stop() }
        try await withTestStore(.sqlite) { store in
            let now = Date()
            _ = try await Self.prepare(store, server: server, now: now)
            let round = try await ReminderSender(store: store).run(now: now, dryRun: false)
            #expect(round.problem == nil)
            let received = try await server.waitForMessages(1)
            // Mario holds RI and PR: one message with both; Anna (no items) and the dirigente (before the deadline) nothing.
            #expect(received.map(\.to) == [["mario.rossi@lucca.example.it"]])
            let mail = try #require(received.first)
            let deadline = CivilDate.italianDay(of: now.addingTimeInterval(7 * 86_400)).italian
            #expect(mail.subject == "Promemoria CCIAA Lucca: 2 rilevazioni entro il \(deadline)")
            #expect(mail.body.contains("Gentile Mario Rossi,"))
            #expect(mail.body.contains("Stato di attuazione al 30 settembre (30-09) — scadenza \(deadline), fra 7 giorni"))
            #expect(mail.body.contains("Ufficio: Registro delle imprese"))
            #expect(mail.body.contains("- G1/I1/a Pratiche telematiche"))
            #expect(mail.body.contains("Ufficio: Protesti"))
            #expect(mail.body.contains("- G1/I1/b Protesti cancellati entro 5 giorni"))
            #expect(mail.body.contains("https://performance.lucca.example.it"))
            #expect(mail.from == "performance@lucca.example.it")

            // The log keeps it; a second round the same day sends nothing again.
            let log = try await store.mailLog(CycleScope(entityCode: "lucca", year: CivilDate.italianDay(of: now).year), limit: 10)
            #expect(log.map(\.status) == [.sent])
            #expect(log.first?.rule == "ufficio-7-prima" && log.first?.recipient == "mario.rossi@lucca.example.it")
            let again = try await ReminderSender(store: store).run(now: now.addingTimeInterval(3600), dryRun: false)
            #expect(again.messages.isEmpty)
            #expect(again.skipped == 1)
            try await Task.sleep(for: .milliseconds(300))
            #expect(try server.received().count == 1)
        }
    }

    @Test func afterTheDeadlineItGoesToTheDirigenteThenToTheController() async throws {
        let server = try await TestSMTPServer(mode: .plain)
        defer { server.stop() }
        try await withTestStore(.sqlite) { store in
            let now = Date()
            // The deadline was 4 days ago: the dirigente's rule (3 days after) applies, not the office's.
            _ = try await Self.prepare(store, server: server, now: now, deadlineInDays: -4)
            _ = try await ReminderSender(store: store).run(now: now, dryRun: false)
            let received = try await server.waitForMessages(1)
            #expect(received.map(\.to) == [["sara.guidi@lucca.example.it"]])
            #expect(received.first?.subject == "CCIAA Lucca: 2 rilevazioni in ritardo dopo la scadenza")
            #expect(received.first?.body.contains("passata da 4 giorni") == true)
            #expect(received.first?.body.contains("Gentile Dott.ssa Sara Guidi,") == true)
            // Eleven days after: the controller.
            _ = try await ReminderSender(store: store).run(now: now.addingTimeInterval(7 * 86_400), dryRun: false)
            let all = try await server.waitForMessages(2)
            #expect(all.map(\.to) == [["sara.guidi@lucca.example.it"], ["controllo@lucca.example.it"]])
        }
    }

    @Test func dryRunSendsAndLogsNothing() async throws {
        let server = try await TestSMTPServer(mode: .plain)
        defer { server.stop() }
        try await withTestStore(.sqlite) { store in
            let now = Date()
            let scope = try await Self.prepare(store, server: server, now: now)
            let round = try await ReminderSender(store: store).run(now: now, dryRun: true)
            #expect(round.messages.map(\.recipient.address) == ["mario.rossi@lucca.example.it"])
            #expect(try await store.mailLog(scope, limit: 10).isEmpty)
            try await Task.sleep(for: .milliseconds(300))
            #expect(try server.received().isEmpty)
        }
    }

    @Test func aFailedSendIsLoggedAndTriedAgainLater() async throws {
        let server = try await TestSMTPServer(mode: .plain)
        defer { server.stop() }
        try await withTestStore(.sqlite) { store in
            let now = Date()
            let scope = try await Self.prepare(store, server: server, now: now)
            var settings = try #require(try await store.mailSettings())
            settings.port = 1
            try await store.saveMailSettings(settings, actor: "test")
            let failed = try await ReminderSender(store: store).run(now: now, dryRun: false)
            #expect(failed.messages.first?.error?.hasPrefix("Impossibile collegarsi al server di posta 127.0.0.1:1") == true)
            #expect(try await store.mailLog(scope, limit: 10).map(\.status) == [.failed])
            settings.port = server.port
            try await store.saveMailSettings(settings, actor: "test")
            _ = try await ReminderSender(store: store).run(now: now, dryRun: false)
            #expect(try await server.waitForMessages(1).count == 1)
            #expect(try await store.mailLog(scope, limit: 10).map(\.status) == [.sent, .failed])
        }
    }

    /// Two senders at the same moment on one PostgreSQL (the claims in the log), and two `serve` instances (the
    /// lease): each reminder goes out once.
    @Test func twoSendersOnOnePostgreSQLSendEachReminderOnce() async throws {
        let server = try await TestSMTPServer(mode: .plain)
        defer { server.stop() }
        try await withTestDatabase(.postgres) { database in
            let storeA = try await database.open()
            let storeB = try await database.open()
            do {
                let now = Date()
                let scope = try await Self.prepare(storeA, server: server, now: now, deadlineInDays: -4,
                    schedule: ReminderSchedule(enabled: true, daysBefore: [], onDeadline: false, managerAfterDays: nil,
                                               controllerAfterDays: 1, controllerAddresses: ["controllo@lucca.example.it", "oiv@lucca.example.it"]))
                async let a = ReminderSender(store: storeA).run(now: now, dryRun: false)
                async let b = ReminderSender(store: storeB).run(now: now, dryRun: false)
                let (roundA, roundB) = try await (a, b)
                #expect(roundA.messages.count + roundB.messages.count == 2)
                let received = try await server.waitForMessages(2)
                try await Task.sleep(for: .milliseconds(500))
                #expect(try server.received().count == 2)
                #expect(Set(received.flatMap(\.to)) == ["controllo@lucca.example.it", "oiv@lucca.example.it"])
                #expect(try await storeA.mailLog(scope, limit: 10).filter { $0.status == .sent }.count == 2)

                // The lease: one holder at a time, taken over only after it expires.
                #expect(try await storeA.acquireLease("prova", holder: "A", until: now.addingTimeInterval(60)))
                #expect(try await !storeB.acquireLease("prova", holder: "B", until: now.addingTimeInterval(60)))
                #expect(try await storeA.acquireLease("prova", holder: "A", until: now.addingTimeInterval(120)))
                try await storeA.releaseLease("prova", holder: "A")
                #expect(try await storeB.acquireLease("prova", holder: "B", until: now.addingTimeInterval(60)))
            } catch {
                await storeA.close()
                await storeB.close()
                throw error
            }
            await storeA.close()
            await storeB.close()
        }
    }

    @Test func twoServeInstancesOnOnePostgreSQLSendEachReminderOnce() async throws {
        let server = try await TestSMTPServer(mode: .plain)
        defer { server.stop() }
        try await withTestDatabase(.postgres) { database in
            let storeA = try await database.open()
            let storeB = try await database.open()
            do {
                _ = try await Self.prepare(storeA, server: server, now: Date())
                var configuration = ServerFixture.configuration()
                configuration.reminderInterval = 0.2
                let appA = TraguardoApplication.make(store: storeA, configuration: configuration)
                let appB = TraguardoApplication.make(store: storeB, configuration: configuration)
                try await appA.test(.live) { _ in
                    try await appB.test(.live) { _ in
                        _ = try await server.waitForMessages(1)
                        // Several rounds of both instances.
                        try await Task.sleep(for: .seconds(2))
                    }
                }
                #expect(try server.received().map(\.to) == [["mario.rossi@lucca.example.it"]])
            } catch {
                await storeA.close()
                await storeB.close()
                throw error
            }
            await storeA.close()
            await storeB.close()
        }
    }

    /// The pages: the amministratore saves the settings (refused with the error beside the field when a password
    /// would go in clear) and sends the test message, which arrives; the controller sees the sent reminders.
    @Test func settingsPageTestMessageAndSentMailLog() async throws {
        let server = try await TestSMTPServer(mode: .plain)
        defer { server.stop() }
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                let admin = Browser(client)
                _ = try await admin.logIn("admin")
                let refused = try await admin.post("/amministrazione/posta", [
                    ("host", "127.0.0.1"), ("porta", String(server.port)), ("sicurezza", "nessuna"), ("utente", "traguardo"),
                    ("variabile_password", "TRAGUARDO_SMTP_PASSWORD"), ("mittente", "performance@lucca.example.it"),
                ])
                #expect(refused.status == .unprocessableContent)
                #expect(refused.body.contains("la password non si invia in chiaro"))
                #expect(try await store.mailSettings() == nil)
                let saved = try await admin.post("/amministrazione/posta", [
                    ("host", "127.0.0.1"), ("porta", String(server.port)), ("sicurezza", "nessuna"),
                    ("mittente", "performance@lucca.example.it"), ("nome_mittente", "Controllo di gestione"),
                ])
                #expect(saved.status == .seeOther)
                let test = try await admin.post("/amministrazione/posta/prova", [("destinatario", "prova@lucca.example.it")])
                #expect(test.status == .ok)
                #expect(test.body.contains("Messaggio di prova inviato a prova@lucca.example.it."))
                let received = try await server.waitForMessages(1)
                #expect(received.map(\.to) == [["prova@lucca.example.it"]])
                #expect(received.first?.subject == "Traguardo: messaggio di prova")

                // A reminder round on an Ente-year with a schedule: the controller reads it in the log.
                let now = Date()
                let (plan, scope) = Self.plan(now: now)
                _ = try await store.savePlan(plan, actor: "test")
                try await store.saveReminderSchedule(ReminderSchedule(enabled: true), in: scope, actor: "test")
                _ = try await ReminderSender(store: store).run(now: now, dryRun: false)
                _ = try await server.waitForMessages(2)
                let controller = Browser(client)
                _ = try await controller.logIn("controllo")
                let page = try await controller.get("/amministrazione/promemoria/lucca/\(scope.year)")
                #expect(page.status == .ok)
                #expect(page.body.contains("mario.rossi@lucca.example.it"))
                #expect(page.body.contains("ufficio, 7 giorni prima della scadenza"))
                #expect(page.body.contains(">inviato<"))
                // The schedule form: a wrong address is refused beside its field, nothing saved.
                let wrong = try await controller.post("/amministrazione/promemoria/lucca/\(scope.year)", [
                    ("attivo", "1"), ("giorni_prima", "7"), ("controllo_dopo", "5"), ("indirizzi_controllo", "non-un-indirizzo"),
                ])
                #expect(wrong.status == .unprocessableContent)
                #expect(wrong.body.contains("«non-un-indirizzo» non è un indirizzo e-mail valido."))
                #expect(try await store.reminderSchedule(in: scope) == ReminderSchedule(enabled: true))
            }
        }
    }
}
