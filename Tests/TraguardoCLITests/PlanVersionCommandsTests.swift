import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

/// `traguardo approve`, `import --atto`, `diff` and `rollover` on the real examples.
@Suite("Riga di comando: approvazione, variazioni, confronto, nuovo anno")
struct PlanVersionCommandsTests {
    static let examples = ImportCommandsTests.examples

    @Test(arguments: TestBackend.allCases)
    func anApprovedPlanChangesOnlyWithAnActAndTheDiffShowsIt(_ backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let db = database.argument
            let original = Self.examples.appendingPathComponent("lucca-2017/piano.yaml")
            await #expect(try CommandLineRunner.run(["import", "--database", db, original.path]).status == 0)
            let approve = try await CommandLineRunner.run([
                "approve", "--database", db, "--entity", "lucca", "--year", "2017", "--atto", "Delibera di Consiglio n. 12 del 20/12/2016",
            ])
            #expect(approve.status == 0, "\(approve)")
            #expect(approve.output.contains("lucca 2017: piano approvato con Delibera di Consiglio n. 12 del 20/12/2016."))

            // The same file changed: refused without an act, the database as before.
            let changed = FileManager.default.temporaryDirectory.appendingPathComponent("piano-\(UUID().uuidString.prefix(6)).yaml")
            defer { try? FileManager.default.removeItem(at: changed) }
            let text = try String(contentsOf: original, encoding: .utf8)
                .replacingOccurrences(of: "  titolo: 'PROGRAMMAZIONE TERRITORIALE: Affermare", with: "  titolo: 'PROGRAMMAZIONE DEL TERRITORIO: Affermare")
            try text.write(to: changed, atomically: true, encoding: .utf8)
            let before = try await CommandLineRunner.run(["export", "--database", db, "--entity", "lucca", "--year", "2017"]).output
            let refused = try await CommandLineRunner.run(["import", "--database", db, changed.path])
            #expect(refused.status == 1)
            #expect(refused.errors.contains("è approvato con Delibera di Consiglio n. 12 del 20/12/2016: ogni modifica è una variazione"), "\(refused)")
            #expect(refused.errors.contains("Nodo dell'albero 011-005-001"), "\(refused)")
            await #expect(try CommandLineRunner.run(["export", "--database", db, "--entity", "lucca", "--year", "2017"]).output == before)

            let unreadable = try await CommandLineRunner.run(["import", "--database", db, "--atto", "la delibera", changed.path])
            #expect(unreadable.status == 1)
            #expect(unreadable.errors.contains("L'atto «la delibera» non è leggibile"), "\(unreadable)")

            let varied = try await CommandLineRunner.run([
                "import", "--database", db, "--atto", "Delibera di Consiglio n. 4 del 10/11/2017", changed.path,
            ])
            #expect(varied.status == 0, "\(varied)")

            // The documents print the variation where the seeds do.
            let piano = try await CommandLineRunner.run(["report", "piano", "--database", db, "--entity", "lucca", "--year", "2017", "--format", "html"])
            #expect(piano.output.contains("modificato con Delibera di Consiglio n. 4 del 10/11/2017"), "\(piano.errors)")

            let diff = try await CommandLineRunner.run(["diff", "--database", db, "--entity", "lucca", "--year", "2017", "--from", "1", "--to", "v3"])
            #expect(diff.status == 0, "\(diff)")
            #expect(diff.output.contains("dalla versione 1 (bozza"), "\(diff)")
            #expect(diff.output.contains("alla versione 3 (variazione, Delibera di Consiglio n. 4 del 10/11/2017"), "\(diff)")
            #expect(diff.output.contains("~ Nodo dell'albero 011-005-001"), "\(diff)")
            #expect(diff.output.contains("titolo: «PROGRAMMAZIONE TERRITORIALE: Affermare"), "\(diff)")
            #expect(diff.output.contains("→ «PROGRAMMAZIONE DEL TERRITORIO: Affermare"), "\(diff)")
            #expect(diff.output.contains("1 elemento cambiato"), "\(diff)")
            let none = try await CommandLineRunner.run(["diff", "--database", db, "--entity", "lucca", "--year", "2017", "--from", "9"])
            #expect(none.status == 1)
            #expect(none.errors.contains("nessuna versione «9» del piano lucca 2017; versioni: 1, 2, 3"), "\(none)")
        }
    }

    @Test(arguments: TestBackend.allCases)
    func lucca2017RollsOverTo2018(_ backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let db = database.argument
            await #expect(try CommandLineRunner.run(["import", "--database", db, Self.examples.appendingPathComponent("lucca-2017").path]).status == 0)
            let rolled = try await CommandLineRunner.run(["rollover", "--database", db, "--entity", "lucca", "--from", "2017", "--to", "2018"])
            #expect(rolled.status == 0, "\(rolled)")
            #expect(rolled.output.contains("lucca 2018: piano preparato dal 2017 (bozza)."), "\(rolled)")

            let store = try await database.open()
            let source = try #require(try await store.loadPlan(CycleScope(entityCode: "lucca", year: 2017)))
            let plan = try #require(try await store.loadPlan(CycleScope(entityCode: "lucca", year: 2018)))
            await store.close()
            #expect(plan.nodes.map(\.code) == source.nodes.filter { $0.status != .eliminated }.map(\.code))
            #expect(plan.nodes.allSatisfy { $0.year == 2018 && $0.declared == nil })
            #expect(plan.indicators.count == source.indicators.count)
            #expect(plan.units == source.units && plan.people == source.people)
            #expect(plan.measurements.isEmpty && plan.resources.isEmpty && plan.acts.isEmpty)
            #expect(plan.targets.allSatisfy { $0.year > 2018 })
            #expect(plan.items.allSatisfy { $0.targetValue == nil && $0.targetText == nil && $0.targetDeadline == nil })
            #expect(plan.periods.allSatisfy { $0.year == 2018 && $0.endsOn.year == 2018 })
            #expect(plan.methodology?.rules == source.methodology?.rules)
            #expect(plan.methodology?.year == 2018)
            // Each baseline is the indicator's 2017 actual, where its only item has one.
            let withActual = source.indicators.filter { indicator in
                let items = source.items.filter { $0.indicatorID == indicator.id }
                return items.count == 1 && source.measurements.contains { $0.itemID == items[0].id && $0.value != nil }
            }
            #expect(!withActual.isEmpty)
            for indicator in withActual {
                let item = try #require(source.items.first { $0.indicatorID == indicator.id })
                let actual = source.measurements.last { $0.itemID == item.id && $0.value != nil }?.value
                let copy = try #require(plan.indicators.first { $0.id == indicator.id })
                #expect(copy.baselineValue == actual && copy.baselineYear == 2017, "\(indicator.code)")
            }
            // The checks report the missing targets.
            let check = try await CommandLineRunner.run(["check", "--database", db, "--entity", "lucca", "--year", "2018"])
            #expect(check.output.contains("non ha un target per il 2018"), "\(check)")

            // The target year has a plan now: refused with the reason, unless --replace.
            let again = try await CommandLineRunner.run(["rollover", "--database", db, "--entity", "lucca", "--from", "2017", "--to", "2018"])
            #expect(again.status == 1)
            #expect(again.errors.contains("l'Ente «lucca» ha già un piano 2018"), "\(again)")
            #expect(again.errors.contains("usare --replace"), "\(again)")
            let replaced = try await CommandLineRunner.run(["rollover", "--database", db, "--entity", "lucca", "--from", "2017", "--to", "2018", "--replace"])
            #expect(replaced.status == 0, "\(replaced)")
        }
    }

    @Test func lucca2018RollsOverTo2019() async throws {
        try await withTestDatabase(.sqlite) { database in
            let db = database.argument
            await #expect(try CommandLineRunner.run(["import", "--database", db, Self.examples.appendingPathComponent("lucca-2018").path]).status == 0)
            let rolled = try await CommandLineRunner.run(["rollover", "--database", db, "--entity", "lucca", "--from", "2018", "--to", "2019"])
            #expect(rolled.status == 0, "\(rolled)")
            let store = try await database.open()
            let source = try #require(try await store.loadPlan(CycleScope(entityCode: "lucca", year: 2018)))
            let plan = try #require(try await store.loadPlan(CycleScope(entityCode: "lucca", year: 2019)))
            let versions = try await store.planVersions(CycleScope(entityCode: "lucca", year: 2019))
            await store.close()
            #expect(versions.map(\.kind) == [.draft])
            #expect(plan.nodes.count == source.nodes.filter { $0.status != .eliminated }.count)
            #expect(plan.objectives.map(\.code) == source.objectives.map(\.code))
            #expect(plan.serviceStandards == source.serviceStandards && plan.serviceResults.isEmpty)
            #expect(plan.procedures == source.procedures && plan.procedureResults.isEmpty)
            #expect(PlanApproval.state(of: plan) == .draft)
            // 2C continues with its history: the 2019 documents print the 2017 act that modified it, as the 2018 ones do.
            let twoC = try #require(plan.nodes.first { $0.code == "2C" })
            #expect(PlanApproval.variedNote(nodeID: twoC.id, in: plan) == "modificato con Delibera di Consiglio n. 4 del 10/11/2017")
            #expect(plan.acts.allSatisfy { act in plan.variations.contains { $0.actID == act.id } })
            let summary = rolled.output
            #expect(summary.contains("Target 2019 da fissare: \(plan.indicators.filter { $0.derivedFrom == nil }.count) indicatori"), "\(summary)")
            // The two years of the same objectives compared: the measurements and budget are not part of it.
            let diff = try await CommandLineRunner.run(["diff", "--database", db, "--entity", "lucca", "--year", "2019", "--other-year", "2018"])
            #expect(diff.status == 0, "\(diff)")
            #expect(diff.output.contains("lucca: piano 2018 confrontato con il piano 2019"), "\(diff)")
            #expect(diff.output.contains("valore di partenza"), "\(diff)")
        }
    }
}
