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
        // The copy is also worth a suggestion: one indicator shared by both nodes would not drift.
        #expect(codes(plan) == ["TARGET-DISCORDANTE", "INDICATORE-RIPETUTO"])
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

    @Test("Percentuale di un procedimento diversa dai conteggi del suo testo")
    func procedureCounts() {
        var plan = CheckFixtures.clean()
        plan.procedureResults = [ProcedureResult(id: "q1", procedureID: "pr1", year: 2018, score: 90,
                                                 text: "90% 774 fatture pagate – n. 74 pagate in ritardo")]
        #expect(CountPercentageCheck().findings(in: CheckContext(plan: plan)).isEmpty)
        plan.procedureResults[0].score = 96
        plan.procedureResults[0].text = "96% 774 fatture pagate – n. 74 pagate in ritardo"
        let findings = CountPercentageCheck().findings(in: CheckContext(plan: plan))
        #expect(findings.map(\.elementCode) == ["1"])
        #expect(findings.first?.message.contains("90,44") == true)
    }

    @Test("Risorse copiate da un nodo fratello")
    func copiedResources() {
        var plan = CheckFixtures.clean()
        #expect(CopiedResourcesCheck().findings(in: CheckContext(plan: plan)).isEmpty)
        plan.resources[2].amount = 10_000
        let findings = CopiedResourcesCheck().findings(in: CheckContext(plan: plan))
        #expect(findings.map(\.elementCode) == ["2C0102"])
    }

    @Test("Target dell'anno con una scadenza dell'anno prima")
    func staleDeadline() {
        var plan = CheckFixtures.clean()
        plan.targets[2].text = "entro il 31/12/2018"
        #expect(codes(plan).isEmpty)
        plan.targets[2].text = "elaborazione proposte entro febbraio 2017"
        #expect(codes(plan) == ["ANNO-NON-PERTINENTE"])
    }

    @Test("Righe con lettera: 3.3.1.a implica 3.3.1, la lacuna è 3.3.2")
    func numberingWithLetters() {
        #expect(NumberingGapCheck.gaps(in: ["3.1.1", "3.3.1.a", "3.3.1.b", "3.3.3.a", "3.3.4", "3.2.1.a", "3.2.2"]) == ["3.3.2"])
    }

    @Test("Un testo che parla dell'anno del ciclo nomina l'anno prima come contesto")
    func staleYearContext() {
        var plan = CheckFixtures.clean()
        plan.serviceResults[0].note = "nel corso del 2018 concluse le linee avviate nel 2017"
        #expect(codes(plan).isEmpty)
    }

    @Test("Totale di sistema con i figli in centri di costo diversi")
    func accountRollUpAcrossCentres() {
        var plan = CheckFixtures.clean()
        plan.accountLines = [
            AccountLine(id: "t", entityCode: "test", year: 2018, code: "TOT", description: "Totale", phase: .consuntivo,
                        costCentre: "Sistema", amount: 300),
            AccountLine(id: "a", entityCode: "test", year: 2018, code: "A", parentCode: "TOT", description: "Camera",
                        phase: .consuntivo, costCentre: "CCIAA", amount: 200),
            AccountLine(id: "b", entityCode: "test", year: 2018, code: "B", parentCode: "TOT", description: "Azienda",
                        phase: .consuntivo, costCentre: "Promos", amount: 100),
        ]
        #expect(codes(plan).isEmpty)
        plan.accountLines[1].amount = 220
        #expect(codes(plan) == ["CONTI-SOMMA"])
    }

    @Test("Numero di indicatori dichiarato diverso da quello degli indicatori")
    func declaredIndicatorCount() {
        var plan = CheckFixtures.clean()
        plan.nodes[1].declared = DeclaredResult(text: "Nr indicatori associati 1")
        #expect(codes(plan).isEmpty)
        plan.nodes[1].declared = DeclaredResult(text: "Nr indicatori associati 5")
        #expect(codes(plan) == ["INDICATORI-NUMERO"])
    }

    @Test("Un obiettivo strategico senza risorse fra obiettivi che le hanno")
    func missingResources() {
        var plan = CheckFixtures.clean()
        for code in ["2D", "2E"] {
            plan.nodes.append(PlanNode(id: code, entityCode: "test", year: 2018, parentID: "n1", kind: .strategicObjective,
                                       code: code, title: "Obiettivo \(code)", ownerUnitID: "u1"))
        }
        plan.resources.append(Resource(id: "r2D", nodeID: "2D", year: 2018, kind: .oneri, phase: .preventivo, amount: 0))
        plan.resources.append(Resource(id: "r2E", nodeID: "2E", year: 2018, kind: .oneri, phase: .preventivo, amount: 0))
        #expect(codes(plan).isEmpty)
        plan.resources.removeLast()
        let findings = MissingResourcesCheck().findings(in: CheckContext(plan: plan))
        #expect(findings.map(\.elementCode) == ["2E"])
    }

    @Test("Valori rilevati scritti nella cella del target")
    func targetWithResults() {
        var plan = CheckFixtures.clean()
        plan.targets[0].text = "almeno 44 imprese (2017: 40)"
        #expect(codes(plan).isEmpty)
        plan.targets[0].text = "verifica del numero di domande: 2016 n. 21, 2017 n. 33."
        #expect(codes(plan) == ["TARGET-CON-RISULTATI"])
    }

    @Test("Arco temporale più corto degli anni dei target")
    func timeSpan() {
        var plan = CheckFixtures.clean()
        plan.nodes[1].timeSpan = "Biennio"
        #expect(codes(plan).isEmpty)
        plan.targets.append(Target(id: "t5", indicatorID: "i1", year: 2020, comparator: .atLeast, value: 50))
        #expect(codes(plan) == ["ARCO-TEMPORALE"])
        #expect(TimeSpanCheck.years(in: "2020-2022") == 3)
    }

    @Test("Risultato in percentuale per un indicatore in valore assoluto")
    func resultUnit() {
        var plan = CheckFixtures.clean()
        plan.measurements[0].text = "n. 50 imprese"
        #expect(codes(plan).isEmpty)
        plan.measurements[0].text = "100%"
        #expect(codes(plan) == ["UNITA-RISULTATO"])
        #expect(ResultUnitCheck.measure(ofResult: "€ 255.000 (anno 2015)") == .money)
    }

    @Test("Lo stesso indicatore copiato in due obiettivi")
    func repeatedIndicator() {
        var plan = CheckFixtures.clean()
        #expect(RepeatedIndicatorCheck().findings(in: CheckContext(plan: plan)).isEmpty)
        var copy = plan.indicators[0]
        copy.id = "i9"
        copy.nodeID = "n4"
        plan.indicators.append(copy)
        let findings = RepeatedIndicatorCheck().findings(in: CheckContext(plan: plan))
        #expect(findings.map(\.elementCode) == ["2C0102/1"])
        #expect(findings.first?.severity == .suggestion)
    }

    @Test("Le segnalazioni riconosciute non si ripetono")
    func acknowledgement() {
        var plan = CheckFixtures.clean()
        plan.acts[1].number = "19"
        let findings = CheckCatalogue.run(CheckContext(plan: plan))
        #expect(CheckCatalogue.unacknowledged(findings, acknowledgedKeys: [findings[0].key]).isEmpty)
    }

    @Test("Procedimento misurato con la rilevazione di un anno precedente")
    func staleProcedureYears() {
        var plan = CheckFixtures.clean()
        plan.procedures[0].controlSystem = "N. fatture pagate nei termini 2018 / totale fatture 2018"
        plan.procedures[1].sources = ["RI - Monitoraggio rilevazione al 31.01.2019"]
        #expect(codes(plan).isEmpty)
        plan.procedures[1].sources = ["RI - Monitoraggio rilevazione al 31.01.2016"]
        let findings = StaleYearCheck().findings(in: CheckContext(plan: plan))
        #expect(findings.map(\.elementCode) == ["2"])
    }

    @Test("Cella target che porta il numero di un'altra riga")
    func targetOfAnotherRow() {
        var plan = CheckFixtures.clean()
        plan.items[0].targetText = "1) almeno 44 imprese assistite"
        plan.items[1].targetText = "2) almeno 20 imprese formate"
        #expect(codes(plan).isEmpty)
        plan.items[1].targetText = "1) almeno 44 imprese assistite"
        let findings = ItemTargetRowCheck().findings(in: CheckContext(plan: plan))
        #expect(findings.map(\.elementCode) == ["2C/1/2"])
    }

    @Test("Descrizione «bimestrali» e target «trimestrali»")
    func periodicity() {
        var plan = CheckFixtures.clean()
        plan.items[0].description = "report di monitoraggio bimestrali"
        plan.items[0].targetText = "report di monitoraggio bimestrali (6 report)"
        #expect(codes(plan).isEmpty)
        plan.items[0].targetText = "report di monitoraggio trimestrali"
        let findings = ItemPeriodicityCheck().findings(in: CheckContext(plan: plan))
        #expect(findings.map(\.elementCode) == ["2C/1/1"])
    }

    @Test("Riquadro di risorse ripetuto da un nodo dello stesso tipo sotto un altro padre")
    func copiedResourceBox() {
        var plan = CheckFixtures.clean()
        plan.nodes.append(PlanNode(id: "n5", entityCode: "test", year: 2018, kind: .strategicArea, code: "3", title: "Territorio"))
        plan.nodes.append(PlanNode(id: "n6", entityCode: "test", year: 2018, parentID: "n5", kind: .strategicObjective,
                                   code: "3A", title: "Turismo"))
        // One line equal to a cousin's: not enough to call it a copy.
        plan.resources.append(Resource(id: "res4", nodeID: "n6", year: 2018, kind: .oneri, phase: .preventivo, amount: 15_000))
        #expect(CopiedResourcesCheck().findings(in: CheckContext(plan: plan)).isEmpty)
        // The whole box of two lines repeated.
        plan.resources.append(Resource(id: "res5", nodeID: "n2", year: 2018, kind: .oneri, phase: .consuntivo, amount: 14_000))
        plan.resources.append(Resource(id: "res6", nodeID: "n6", year: 2018, kind: .oneri, phase: .consuntivo, amount: 14_000))
        let findings = CopiedResourcesCheck().findings(in: CheckContext(plan: plan))
        #expect(findings.map(\.elementCode) == ["3A"])
    }

    @Test("Indicatori strategici G1-I01, G1-I02, G1-I04: manca G1-I03")
    func indicatorNumberingGap() {
        var plan = CheckFixtures.clean()
        plan.indicators.append(Indicator(id: "i4", entityCode: "test", year: 2018, nodeID: "n2", code: "2C-I01", name: "Primo"))
        plan.indicators.append(Indicator(id: "i5", entityCode: "test", year: 2018, nodeID: "n2", code: "2C-I02", name: "Secondo"))
        #expect(NumberingGapCheck().findings(in: CheckContext(plan: plan)).isEmpty)
        plan.indicators[plan.indicators.count - 1].code = "2C-I03"
        let findings = NumberingGapCheck().findings(in: CheckContext(plan: plan))
        #expect(findings.map(\.elementCode) == ["2C/2C-I02"])
    }

}
