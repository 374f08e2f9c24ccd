import Foundation
import Testing
@testable import TraguardoCore

@Suite("Verifiche")
struct ChecksTests {
    func codes(_ plan: CyclePlan, scores: [String: Decimal] = [:]) -> [String] {
        CheckCatalogue.run(CheckContext(plan: plan, computedScore: { scores[$0] })).map(\.code)
    }

    @Test("Un piano corretto non produce segnalazioni")
    func cleanPlanIsSilent() {
        let findings = CheckCatalogue.run(CheckContext(plan: CheckFixtures.clean(), computedScore: { id in
            id == "n3" ? 100 : nil
        }))
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test("Conto padre diverso dalla somma dei figli")
    func accountRollUp() throws {
        var plan = CheckFixtures.clean()
        plan.accountLines[0].amount = Decimal(string: "-538500.00")!
        let findings = AccountRollUpCheck().findings(in: CheckContext(plan: plan))
        #expect(findings.count == 1)
        let message = try #require(findings.first?.message)
        #expect(message.contains("-538.500,00"))
        #expect(message.contains("-538.507,96"))
    }

    @Test("Totale del nodo diverso dalla somma dei nodi figli")
    func resourceRollUp() {
        var plan = CheckFixtures.clean()
        plan.resources[0].amount = 15_300
        #expect(codes(plan) == ["RISORSE-SOMMA"])
    }

    @Test("Totale del nodo ricostruito dalle righe di conto")
    func resourceFromLines() {
        var plan = CheckFixtures.clean()
        plan.resources = [Resource(id: "r", nodeID: "n3", year: 2018, kind: .oneri, phase: .preventivo, amount: 2_500)]
        plan.accountLines.append(contentsOf: [
            AccountLine(id: "x1", entityCode: "test", year: 2018, nodeID: "n3", code: "330000", description: "Costi",
                        nature: .costoEsterno, phase: .preventivo, amount: 2_500),
            AccountLine(id: "x2", entityCode: "test", year: 2018, nodeID: "n3", code: "330052", description: "Altri",
                        nature: .costoEsterno, phase: .preventivo, amount: 50),
        ])
        let findings = ResourceRollUpCheck().findings(in: CheckContext(plan: plan))
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("2.550,00") == true)
    }

    @Test("Percentuale che non corrisponde ai conteggi")
    func countPercentage() {
        var plan = CheckFixtures.clean()
        plan.measurements[0].value = 96
        plan.measurements[0].numerator = 700
        plan.measurements[0].denominator = 774
        #expect(codes(plan) == ["PERCENTUALE-CONTEGGI"])
        plan = CheckFixtures.clean()
        plan.serviceResults[0].declared = DeclaredResult(score: 96)
        #expect(codes(plan) == ["PERCENTUALE-CONTEGGI"])
    }

    @Test("Valore stampato diverso da quello ricalcolato")
    func declaredScore() {
        var plan = CheckFixtures.clean()
        plan.nodes[2].declared = DeclaredResult(score: Decimal(string: "98.84")!)
        #expect(codes(plan, scores: ["n3": 99]) == ["VALORE-DICHIARATO"])
        // Printed with fewer digits than computed: agreement by rounding or truncation is not an error.
        plan.nodes[2].declared = DeclaredResult(score: Decimal(string: "68.49")!)
        #expect(codes(plan, scores: ["n3": Decimal(string: "68.4975")!]).isEmpty)
    }

    @Test("Codici duplicati, fuori schema e lacune nella numerazione")
    func codesChecks() {
        var plan = CheckFixtures.clean()
        plan.nodes[3].code = "2C0101"
        #expect(codes(plan).contains("CODICE-DUPLICATO"))
        plan = CheckFixtures.clean()
        plan.nodes[3].code = "2C-01"
        #expect(codes(plan) == ["CODICE-SCHEMA"])
        plan = CheckFixtures.clean()
        plan.serviceStandards[1].code = "3.1.3"
        #expect(codes(plan) == ["NUMERAZIONE-LACUNA"])
    }

    @Test("Indicatore senza target, item senza indicatore")
    func completeness() {
        var plan = CheckFixtures.clean()
        plan.targets.removeAll { $0.indicatorID == "i2" && $0.year == 2018 }
        #expect(codes(plan) == ["INDICATORE-INCOMPLETO"])
        plan = CheckFixtures.clean()
        plan.items.append(MeasuredItem(id: "orfano", indicatorID: "nessuno", code: "9", description: "Orfano"))
        #expect(codes(plan) == ["INDICATORE-INCOMPLETO"])
    }

    @Test("Target «> 5 giorni» su un tempo")
    func polarity() {
        var plan = CheckFixtures.clean()
        plan.indicators[1].polarity = nil
        plan.targets[2].comparator = .greaterThan
        plan.targets[3].comparator = .greaterThan
        plan.targets[3].value = 6
        let found = codes(plan)
        #expect(found.filter { $0 == "TARGET-POLARITA" }.count == 2)
    }

    @Test("Target che diventano più facili e target discordanti")
    func targets() {
        var plan = CheckFixtures.clean()
        plan.targets[1].value = 43
        #expect(codes(plan) == ["TARGET-IN-CALO"])
        plan = CheckFixtures.clean()
        plan.indicators.append(Indicator(id: "i9", entityCode: "test", year: 2018, nodeID: "n4", code: "OC_TBS_03",
                                         name: "Imprese assistite", unit: "n.", source: "x", ownerUnitID: "u1"))
        plan.indicators[0].code = "OC_TBS_03"
        plan.targets.append(Target(id: "t9", indicatorID: "i9", year: 2018, comparator: .atLeast, value: 7))
        #expect(codes(plan) == ["TARGET-DISCORDANTE"])
    }

    @Test("Pesi che non sommano a 100")
    func weights() {
        var plan = CheckFixtures.clean()
        plan.items[1].weight = 40
        #expect(codes(plan) == ["PESI-SOMMA"])
        plan.items[1].weight = nil
        #expect(codes(plan) == ["PESI-SOMMA"])
    }

    @Test("Progetto senza responsabile, obiettivo individuale senza dirigente")
    func owners() {
        var plan = CheckFixtures.clean()
        plan.nodes[3].ownerUnitID = nil
        plan.nodes[0].ownerUnitID = nil
        let found = codes(plan)
        #expect(found.contains("RESPONSABILE-MANCANTE"))
        plan = CheckFixtures.clean()
        plan.objectives[1].managerPersonID = nil
        #expect(codes(plan) == ["RESPONSABILE-MANCANTE"])
    }

    @Test("Giudizio «NON REALIZZATO» con punteggio 100")
    func verdict() {
        var plan = CheckFixtures.clean()
        plan.nodes[2].declared = DeclaredResult(score: 100, text: "L'OBIETTIVO NON E' REALIZZATO")
        #expect(codes(plan, scores: ["n3": 100]) == ["GIUDIZIO-INCOERENTE"])
        plan.nodes[2].declared = DeclaredResult(score: Decimal(string: "99.74")!,
                                                text: "OBIETTIVO COMPLESSIVAMENTE REALIZZATO AL 99,65%")
        #expect(codes(plan) == ["GIUDIZIO-INCOERENTE"])
    }

    @Test("Titolo «n. 4-5-6» e indicatore «n. 3-4-5-6»")
    func references() {
        var plan = CheckFixtures.clean()
        plan.objectives[1].title = "Realizzazione degli obiettivi di Ente n. 4-5-6"
        #expect(codes(plan) == ["RIFERIMENTI-DISCORDANTI"])
    }

    @Test("Delibera n. 19 dell'8 giugno dopo la n. 24 del 12 aprile")
    func actOrder() {
        var plan = CheckFixtures.clean()
        plan.acts[1].number = "19"
        #expect(codes(plan) == ["ATTI-NUMERAZIONE"])
    }

    @Test("Note che parlano dell'anno precedente")
    func staleYears() {
        var plan = CheckFixtures.clean()
        plan.serviceResults[0].note = "nessun reclamo nel corso del 2017"
        #expect(codes(plan) == ["ANNO-NON-PERTINENTE"])
        plan = CheckFixtures.clean()
        plan.nodes[1].timeSpan = "2016-2017"
        #expect(codes(plan) == ["ANNO-NON-PERTINENTE"])
    }

    @Test("Le segnalazioni riconosciute non si ripetono")
    func acknowledgement() {
        var plan = CheckFixtures.clean()
        plan.acts[1].number = "19"
        let findings = CheckCatalogue.run(CheckContext(plan: plan))
        #expect(CheckCatalogue.unacknowledged(findings, acknowledgedKeys: [findings[0].key]).isEmpty)
    }
}
