import Foundation
import Testing
import TraguardoCore
import TraguardoExchange

/// Issue 22 on the real examples: what `check` and `score --methodology` say about the Lucca documents.
@Suite("Fedeltà: verifiche e confronti sugli esempi di Lucca")
struct FidelityExampleTests {
    @Test func checkReportsTheProceduresTotalOfLucca2018() throws {
        let plan = try #require(try ExampleDatasets.read("lucca-2018").first)
        let finding = try #require(CheckCatalogue.findings(in: plan, period: nil).first {
            $0.code == "VALORE-DICHIARATO" && $0.elementCode == "procedimenti"
        })
        #expect(finding.elementKind == "totale")
        #expect(finding.severity == .error)
        #expect(finding.message.contains("stampa 98,84"))
        #expect(finding.message.contains("è 99,00"))
        #expect(finding.provenance?.lines == "1024, 14")
        #expect(PlanScorer.score(plan, period: "ANNO").procedureTotal?.score.shown == "99,00")
    }

    @Test func theCartaTotalOfLucca2018AgreesWithItsRows() throws {
        let plan = try #require(try ExampleDatasets.read("lucca-2018").first)
        #expect(CheckCatalogue.findings(in: plan, period: nil).allSatisfy {
            !($0.code == "VALORE-DICHIARATO" && $0.elementCode == "carta-dei-servizi")
        })
        #expect(PlanScorer.score(plan, period: "ANNO").serviceCharter?.score.shown == "99,22")
    }

    @Test func aHypothesisOnALucca2018ProcedureChangesItsRowAndTheProceduresTotal() throws {
        let plan = try #require(try ExampleDatasets.read("lucca-2018").first)
        let before = PlanScorer.score(plan, period: "ANNO")
        let first = try #require(plan.procedures.first { $0.code == "1" })
        #expect(before.procedures[first.id]?.score.value == 97)
        let oldTotal = try #require(before.procedureTotal?.score.value)
        // Procedure 1 has the target 100: 90 measured scores 90 (seven rows, so the mean drops by 7 / 7 = 1).
        let result = try WhatIf.score(plan, period: "ANNO", hypotheses: [try Hypothesis.parse("1=90", year: 2018)])
        #expect(result.scores.procedures[first.id]?.score.value == 90)
        #expect(result.scores.procedureTotal?.score.value == oldTotal - 1)
        #expect(result.changes.map(\.subject.kind).contains(.procedureTotal))
        #expect(result.changes.contains { $0.subject.kind == .procedure && $0.subject.id == first.id })
        // The long form names the same row; N.C. leaves it out of the mean.
        let named = try WhatIf.score(plan, period: "ANNO", hypotheses: [try Hypothesis.parse("procedimento 1=N.C.", year: 2018)])
        #expect(named.scores.procedures[first.id]?.score.value == nil)
        #expect(named.scores.procedureTotal?.score.value != oldTotal)
        // The printed result stays: check still compares the hypothesis with what the document printed.
        let changed = try WhatIf.applying([try Hypothesis.parse("1=90", year: 2018)], to: plan, period: "ANNO")
        #expect(changed.procedureResults.first { $0.procedureID == first.id }?.declared?.score == 97)
        #expect(plan.procedureResults.first { $0.procedureID == first.id }?.score == 97)
        #expect(throws: WhatIfError.self) {
            try WhatIf.score(plan, period: "ANNO", hypotheses: [try Hypothesis.parse("1=31/12/2018", year: 2018)])
        }
    }

    @Test func declaredTotalsRoundTripThroughThePlanFile() throws {
        let plan = try #require(try ExampleDatasets.read("lucca-2018").first)
        // The procedures total (procedimenti.yaml) and the Carta total (carta-dei-servizi.yaml), one per file.
        #expect(plan.cycle.declaredTotals.map(\.element.rawValue).sorted() == ["carta-dei-servizi", "procedimenti"])
        let again = try #require(try PlanFileReader.read(texts: [("export.yaml", try PlanFileWriter.yaml(plan))]).first)
        #expect(again.cycle.declaredTotals == plan.cycle.declaredTotals)
    }

    @Test func aBadDeclaredTotalIsAnItalianErrorNamingTheField() {
        let text = """
            formato: traguardo/1
            ente: {codice: x, nome: X}
            anno: 2018
            totali_dichiarati:
              - {elemento: procedimento, percentuale: "98,84"}
              - {elemento: procedimenti}
            """
        #expect(throws: PlanFileErrors.self) { try PlanFileReader.read(texts: [("t.yaml", text)]) }
        do { _ = try PlanFileReader.read(texts: [("t.yaml", text)]) } catch {
            #expect(error.description.contains("totali_dichiarati[0].elemento"))
            #expect(error.description.contains("procedimenti | carta-dei-servizi"))
            #expect(error.description.contains("la percentuale stampata o il testo"))
        }
    }

    /// Lucca 2018 under the 2013 preset: the derived indicators ENTE-1/1 and SG-1/1 are no longer rounded to
    /// the integer (99 → 99,22), so ENTE-1 and SG-1 move from 99,75 to 99,80 (2013 truncates).
    @Test func lucca2018UnderThe2013Preset() throws {
        let plan = try #require(try ExampleDatasets.read("lucca-2018").first)
        let preset = try #require(MethodologyPresets.version("lucca-2013", entityCode: "lucca", year: 2018))
        let comparison = MethodologyComparison(plan, period: "ANNO", current: plan.methodology, proposed: preset)
        let indicator = try #require(comparison.rows.first { $0.subject.kind == .indicator && $0.subject.path == "ENTE-1/1" })
        #expect(indicator.before.shown == "99")
        #expect(indicator.after.shown == "99,22")
        let objective = try #require(comparison.rows.first { $0.subject.kind == .objective && $0.subject.code == "ENTE-1" })
        #expect(objective.before.shown == "99,75")
        #expect(objective.after.shown == "99,80")
        #expect(comparison.ruleDifferences.contains("arrotondamento degli indicatori derivati: arrotonda a 0 decimali → nessuno"))
        #expect(comparison.currentDistribution.total == comparison.current.managers.count)
        #expect(comparison.currentDistribution.total > 0)
    }

    @Test func aMethodologyFileIsReadLikeThePlanFilesBlock() throws {
        let preset = try MethodologyFileReader.read(text: "preset: lucca-2013\nversione: 4\n", name: "m.yaml", entityCode: "lucca", year: 2018)
        #expect(preset.rules == MethodologyPresets.lucca2013)
        #expect(preset.version == 4)
        let block = try MethodologyFileReader.read(text: "metodologia: {preset: standard}\n", name: "m.yaml", entityCode: "lucca", year: 2018)
        #expect(block.rules == MethodologyPresets.standard)
        let rules = try MethodologyFileReader.read(text: "regole: {name: Bozza, thresholdMiss: proporzionale}\n", name: "m.yaml", entityCode: "lucca", year: 2018)
        #expect(rules.rules.thresholdMiss == .proportional)
        do {
            _ = try MethodologyFileReader.read(text: "preset: lucca-2099\n", name: "m.yaml", entityCode: "lucca", year: 2018)
            Issue.record("un preset sconosciuto deve essere un errore")
        } catch {
            #expect(error.description.contains("preset «lucca-2099» sconosciuto"))
        }
    }
}

/// The checks across years on the Lucca examples (2013, 2017, 2018): two strategic objectives change code from
/// 2017 (PIRA codes) to 2018 (RPP codes) with no variation recorded; nothing else disagrees.
@Suite("Verifiche fra gli anni sugli esempi di Lucca")
struct CrossYearExampleTests {
    @Test func lucca2018AgainstTheOtherYears() throws {
        let plans = try ["lucca-2013", "lucca-2017", "lucca-2018"].flatMap { try ExampleDatasets.read($0) }
        let plan = try #require(plans.first { $0.cycle.year == 2018 })
        let found = CheckCatalogue.findings(in: plan, period: nil, otherYears: plans).filter { $0.code == "ANNI-DISCORDANTI" }
        #expect(found.map(\.elementCode).sorted() == ["3B", "3F"])
        #expect(found.allSatisfy { $0.message.contains("nel 2017") && $0.severity == .warning })
        let y2017 = try #require(plans.first { $0.cycle.year == 2017 })
        let back = CheckCatalogue.findings(in: y2017, period: nil, otherYears: plans).filter { $0.code == "ANNI-DISCORDANTI" }
        #expect(back.map(\.elementCode).sorted() == ["032-002-001", "032-003-003"])
    }
}

/// Issue 22, «Narrative tables and sub-indicators as data»: the MuSA table and the sub-indicators of Lucca 2018.
@Suite("Fedeltà: tabelle e sotto-indicatori delle narrative di Lucca 2018")
struct NarrativeDataExampleTests {
    @Test func theMuSATableIsDataAndItsTotalsAreFoundWrong() throws {
        let plan = try #require(try ExampleDatasets.read("lucca-2018").first)
        let table = try #require(plan.narrativeTables.first { $0.code == "musa-eventi" })
        #expect(table.indicatorID == "2E/T3" && table.year == 2018 && table.rows.count == 6)
        #expect(table.totals == [77, 2165])
        #expect(table.declaredTotals == [46, 1702])
        let findings = CheckCatalogue.findings(in: plan, period: nil).filter { $0.code == "DATI-NARRATIVI" }
        #expect(findings.map(\.elementCode) == ["musa-eventi", "musa-eventi"])
        #expect(findings.first?.message.contains("stampa il totale 46 nella colonna «Attività», ma le sue 6 righe sommano 77") == true)
        #expect(findings.last?.message.contains("stampa il totale 1.702 nella colonna «Partecipanti», ma le sue 6 righe sommano 2.165") == true)
        #expect(findings.first?.provenance?.lines == "528-536")
        // The visitors' +2,83% and the four CRM sub-indicators agree with their values: no finding.
        #expect(plan.subIndicators.count == 5)
        #expect(plan.subIndicators.first { $0.code == "puccini-visitatori" }?.change.map { $0.rounded(.halfUp, digits: 2) } == Decimal(string: "2.83"))
        #expect(plan.subIndicators.filter { $0.procedureID == "6" }.allSatisfy { $0.met == true })
    }

    @Test func narrativeDataRoundTripThroughThePlanFile() throws {
        let plan = try #require(try ExampleDatasets.read("lucca-2018").first)
        let again = try #require(try PlanFileReader.read(texts: [("export.yaml", try PlanFileWriter.yaml(plan))]).first)
        #expect(again.narrativeTables == plan.narrativeTables)
        #expect(again.subIndicators == plan.subIndicators)
    }

    @Test func aBadNarrativeTableIsAnItalianErrorNamingTheField() {
        let text = """
            formato: traguardo/1
            ente: {codice: prova, nome: Prova}
            anno: 2018
            tabelle_narrative:
              - codice: t
                titolo: Tabella
                colonne: [A, B]
                righe:
                  - {etichetta: riga, valori: [1, "uno"]}
                  - {etichetta: corta, valori: [1]}
            """
        #expect {
            _ = try PlanFileReader.read(texts: [("piano.yaml", text)])
        } throws: { error in
            let message = "\(error)"
            return message.contains("tabelle_narrative[0].righe[0].valori[1]") && message.contains("tabelle_narrative[0].righe[1].valori")
                && message.contains("la riga «corta» ha 1 valori per 2 colonne") && message.contains("indicare l'indicatore")
        }
    }
}
