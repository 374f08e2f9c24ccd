import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// The national dataset (`traguardo generate --national`, small sizes) loaded on one PostgreSQL with the command
/// line, served by two instances of the server: both answer every Ente-year's cruscotto with the same page, and
/// after a value entered through one of them both show the new results at once (the change marker is the same
/// for both, whatever each has kept in memory).
@Suite("Insieme nazionale su PostgreSQL servito da due istanze")
struct NationalTwoInstancesTests {
    @Test func twoInstancesServeTheSamePagesBeforeAndAfterAChangeMadeThroughOne() async throws {
        try await withTestDatabase(.postgres) { database in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nazionale-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let generated = try await CommandLineRunner.run([
                "generate", "--national", "--enti", "3", "--years", "2", "--indicators", "30", "--periods", "2", "-o", folder.path,
            ])
            #expect(generated.status == 0, "\(generated)")
            let cycles = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            #expect(cycles.count == 6)
            let plans = cycles.map { folder.appendingPathComponent($0).appendingPathComponent("piano.json").path }
            let sheets = cycles.flatMap { cycle in
                ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(cycle).path)) ?? [])
                    .filter { $0.hasPrefix("scheda-") }.sorted().map { folder.appendingPathComponent(cycle).appendingPathComponent($0).path }
            }
            for files in [plans, sheets] {
                let imported = try await CommandLineRunner.run(["import", "--database", database.argument] + files)
                #expect(imported.status == 0, "\(imported)")
            }

            let storeA = try await database.open()
            let storeB = try await database.open()
            do {
                try await DemoAccounts.install(in: storeA, bcryptCost: 4, actor: "test")
                let scopes = try await storeA.cycleHeadings().map(\.scope)
                #expect(scopes.count == 6)
                // The Ente-year changed through A: its last period open, an item of a national indicator.
                let changed = try #require(scopes.min { ($0.entityCode, $0.year) < ($1.entityCode, $1.year) })
                var last = try #require(try await storeA.loadPlan(changed)?.periods.max { $0.sequence < $1.sequence })
                last.status = .open
                try await storeA.update(last, in: changed, actor: "test")
                let period = last
                let plan = try #require(try await storeA.loadPlan(changed))
                let indicator = try #require(plan.indicators.first { $0.code == "UC01" })
                let item = try #require(plan.items.first { $0.indicatorID == indicator.id })
                let unit = try #require(plan.responsibleUnits()[item.id])
                // A value that changes the Ente's result (the cruscotto shows it), so that a stale page would show.
                let original = PlanScorer.score(plan, period: nil).entity.score.value
                let entered = try #require([Decimal(0), 1, 40, 1000].first { candidate in
                    var trial = plan
                    guard let index = trial.measurements.firstIndex(where: { $0.itemID == item.id && $0.periodID == period.id }) else { return false }
                    trial.measurements[index].value = candidate
                    return PlanScorer.score(trial, period: nil).entity.score.value != original
                })

                let appA = TraguardoApplication.make(store: storeA, configuration: ServerFixture.configuration())
                let appB = TraguardoApplication.make(store: storeB, configuration: ServerFixture.configuration())
                try await appA.test(.live) { clientA in
                    try await appB.test(.live) { clientB in
                        let onA = Browser(clientA)
                        #expect(try await onA.logIn("controllo").status == .seeOther)
                        let onB = Browser(clientB, cookies: onA.cookies)
                        var pages: [CycleScope: String] = [:]
                        for scope in scopes {
                            let path = "/enti/\(scope.entityCode)/\(scope.year)/cruscotto"
                            let a = try await onA.get(path), b = try await onB.get(path)
                            #expect(a.status == .ok && b.status == .ok, "\(path)")
                            #expect(a.body == b.body, "le due istanze mostrano lo stesso cruscotto \(path)")
                            pages[scope] = a.body
                        }
                        try await Self.checkComparison(of: changed, scopes: scopes, store: storeA, onA, onB)
                        let form = "/enti/\(changed.entityCode)/\(changed.year)/rilevazione/\(period.code)/\(unit)"
                        let saved = try await onA.post(form, [("valore[\(item.id)]", Self.italian(entered))])
                        #expect(saved.status == .ok, "\(saved.body.prefix(600))")
                        let updated = try #require(try await storeB.loadPlan(changed))
                        #expect(updated.measurements.first { $0.itemID == item.id && $0.periodID == period.id }?.value == entered)
                        let shown = PlanScorer.score(updated, period: nil).entity.score.shown
                        for scope in scopes {
                            let path = "/enti/\(scope.entityCode)/\(scope.year)/cruscotto"
                            let a = try await onA.get(path), b = try await onB.get(path)
                            #expect(a.body == b.body, "dopo la modifica, le due istanze mostrano lo stesso cruscotto \(path)")
                            if scope == changed {
                                #expect(b.body != pages[scope], "l'istanza B vede subito la modifica fatta su A")
                                let badge = b.body.components(separatedBy: "<p class=\"punteggio\">").dropFirst().first?.prefix(40) ?? ""
                                #expect(badge.hasPrefix(shown + "<"), "il nuovo risultato dell'Ente, \(shown): «\(badge)»")
                            } else if scope.entityCode != changed.entityCode {
                                // (The Ente's other years change too: their trend shows this year's result.)
                                #expect(b.body == pages[scope], "gli altri Enti non cambiano")
                            }
                        }
                        // The comparison of every Ente of the year follows the change too, on both instances.
                        try await Self.checkComparison(of: changed, scopes: scopes, store: storeB, onB, onA)
                    }
                }
            } catch {
                await storeA.close()
                await storeB.close()
                throw error
            }
            await storeA.close()
            await storeB.close()
        }
    }

    /// The «Confronto fra Enti» page of `scope` on both instances: the same page, and for each national indicator
    /// the Ente's result, rank among the Enti of the year and quartile as `IndicatorComparison` computes them from
    /// the plans in the store.
    static func checkComparison(
        of scope: CycleScope, scopes: [CycleScope], store: Store, _ first: Browser, _ second: Browser
    ) async throws {
        var sources: [IndicatorComparison.Source] = []
        for other in scopes where other.year == scope.year {
            let plan = try #require(try await store.loadPlan(other))
            sources.append(.init(plan: plan, scores: PlanScorer.score(plan, period: nil)))
        }
        let comparisons = IndicatorComparison.compare(sources)
        #expect(comparisons.filter { $0.code.hasPrefix("UC") }.count == 20, "i 20 indicatori nazionali sono comuni")
        let path = "/enti/\(scope.entityCode)/\(scope.year)/confronto"
        let a = try await first.get(path), b = try await second.get(path)
        #expect(a.status == .ok && b.status == .ok)
        #expect(a.body == b.body, "le due istanze mostrano lo stesso confronto")
        for comparison in comparisons where comparison.code.hasPrefix("UC") {
            let own = try #require(comparison.entries(of: scope.entityCode).first)
            let row = "<tr><th scope=\"row\">\(comparison.code) – \(comparison.name)</th><td>\(own.shown)</td>"
                + "<td>\(own.rank)° di \(comparison.entries.count)</td><td>\(own.quartile)° quartile</td>"
            #expect(b.body.contains(row), "\(row)")
        }
        let cruscotto = try await second.get("/enti/\(scope.entityCode)/\(scope.year)/cruscotto")
        #expect(cruscotto.body.contains("href=\"\(path)\""), "il cruscotto porta al confronto")
    }

    static func italian(_ value: Decimal) -> String {
        "\(value)".replacingOccurrences(of: ".", with: ",")
    }
}
