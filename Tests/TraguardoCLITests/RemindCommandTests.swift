import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

/// `traguardo remind --dry-run`: who would get what, in Italian, and nothing sent or logged.
@Suite("traguardo remind")
struct RemindCommandTests {
    @Test func dryRunSaysWhoWouldGetWhatAndChangesNothing() async throws {
        try await withTestDatabase(.sqlite) { database in
            let store = try await database.open()
            var plan = SamplePlan.make(entityCode: "lucca", year: 2026)
            plan.people.append(Person(id: "ri", entityCode: "lucca", name: "Mario Rossi", email: "mario.rossi@lucca.example.it"))
            plan.roles.append(RoleAssignment(id: "ri-ri", personID: "ri", unitID: "RI", role: .responsabileUfficio))
            plan.measurements = []
            plan.periods = MonitoringPeriod.standard(.septemberAndYearEnd, entityCode: "lucca", year: 2026).map {
                var period = $0
                period.status = $0.code == "30-09" ? .open : .toOpen
                if $0.code == "30-09" { period.deadline = CivilDate(year: 2026, month: 10, day: 20) }
                return period
            }
            let scope = CycleScope(entityCode: "lucca", year: 2026)
            do {
                _ = try await store.savePlan(plan, actor: "test")
                try await store.saveReminderSchedule(ReminderSchedule(enabled: true, daysBefore: [7]), in: scope, actor: "test")
            } catch {
                await store.close()
                throw error
            }
            await store.close()
            let result = try await CommandLineRunner.run(["remind", "--dry-run", "--date", "2026-10-13", "--database", database.argument])
            #expect(result.status == 0, "\(result.errors)")
            #expect(result.output.contains("prova: nessun messaggio inviato"))
            #expect(result.output.contains("Mario Rossi <mario.rossi@lucca.example.it> riceverebbe «Promemoria CCIAA Lucca: 1 rilevazione entro il 20/10/2026»"))
            #expect(result.output.contains("ufficio, 7 giorni prima della scadenza (30-09)"))
            #expect(result.output.contains("|   - G1/I1/a Pratiche telematiche"))
            // Without the SMTP settings the dry run says so, and still shows the digests.
            #expect(result.output.contains("Attenzione: Le impostazioni di posta non ci sono"))
            let reopened = try await database.open()
            let log = try await reopened.mailLog(nil, limit: 10)
            await reopened.close()
            #expect(log.isEmpty)
            // A day with no rule: nothing.
            let quiet = try await CommandLineRunner.run(["remind", "--dry-run", "--date", "2026-10-10", "--database", database.argument])
            #expect(quiet.output.contains("Nessun promemoria da inviare"))
            let refused = try await CommandLineRunner.run(["remind", "--date", "2026-10-13", "--database", database.argument])
            #expect(refused.status != 0)
            #expect(refused.errors.contains("--date si usa solo con --dry-run"))
        }
    }
}
