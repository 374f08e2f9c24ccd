import Foundation
import Testing
import TraguardoCore
import TraguardoExchange
import Yams

/// `Examples/<folder>/attesi.anomalie.yaml` (named `attesi.*` because the plan-file reader skips
/// those files in a dataset folder, as it does `attesi.yaml`): the anomalies the analysis of each seed lists, which of them
/// the dataset can represent, and the check that must find each one; plus the findings the checks
/// report that the analysis does not list, each with its justification.
struct AnomalyCatalogue: Decodable {
    struct Anomaly: Decodable {
        var id: String
        var righe: String
        var descrizione: String
        var rappresentabile: Bool
        var motivo: String?
        /// The Ente of the finding, for datasets with more than one plan.
        var ente: String?
        var controllo: String?
        var elemento: String?
        /// Further findings of the same anomaly (the same check on several elements).
        var altri: [Match]?

        var matches: [Match] {
            guard let controllo, let elemento else { return [] }
            return [Match(controllo: controllo, elemento: elemento, ente: ente)] + (altri ?? []).map {
                Match(controllo: $0.controllo, elemento: $0.elemento, ente: $0.ente ?? ente)
            }
        }
    }

    struct Match: Decodable {
        var controllo: String
        var elemento: String
        var ente: String?
    }

    /// A finding the analysis does not list: `falso_allarme: false` is a real defect of the document
    /// (or of the transcription) the analysis missed; `true` a finding the check should not make.
    struct KnownFinding: Decodable {
        var controllo: String
        var elemento: String
        var ente: String?
        var falso_allarme: Bool
        var motivo: String
    }

    var anomalie: [Anomaly]
    var rilievi_noti: [KnownFinding]?

    static func read(_ folder: String) throws -> AnomalyCatalogue {
        let url = ExampleDatasets.root.appendingPathComponent(folder).appendingPathComponent("attesi.anomalie.yaml")
        return try YAMLDecoder().decode(AnomalyCatalogue.self, from: String(contentsOf: url, encoding: .utf8))
    }
}

/// The checks as `traguardo check` runs them: the catalogue, fed with the scores the engine computes.
enum DatasetChecks {
    static func findings(_ plan: CyclePlan) -> [Finding] {
        CheckCatalogue.findings(in: plan, period: nil)  // as `traguardo check` without --period
    }

    /// Every finding of every plan of a dataset, with the Ente it was found in.
    static func findings(folder: String) throws -> [(ente: String, finding: Finding)] {
        try ExampleDatasets.read(folder).flatMap { plan in findings(plan).map { (plan.entity.code, $0) } }
    }

    static func matches(_ match: AnomalyCatalogue.Match, _ ente: String, _ finding: Finding) -> Bool {
        finding.code == match.controllo && finding.elementCode == match.elemento && (match.ente == nil || match.ente == ente)
    }
}

@Suite("Anomalie dei documenti: le verifiche trovano gli errori dei seed")
struct AnomalyCatalogueTests {
    static let folders = ["lucca-2013", "lucca-2017", "lucca-2018", "toscana-nord-ovest-2022"]

    @Test(arguments: folders)
    func everyRepresentableAnomalyIsFound(_ folder: String) throws {
        let catalogue = try AnomalyCatalogue.read(folder)
        let found = try DatasetChecks.findings(folder: folder)
        var missing: [String] = []
        var foundCount = 0
        for anomaly in catalogue.anomalie where anomaly.rappresentabile {
            #expect(!anomaly.matches.isEmpty, "\(anomaly.id): rappresentabile senza controllo ed elemento")
            let unmatched = anomaly.matches.filter { match in
                !found.contains { DatasetChecks.matches(match, $0.ente, $0.finding) }
            }
            if unmatched.isEmpty && !anomaly.matches.isEmpty {
                foundCount += 1
            } else {
                missing.append("\(anomaly.id): " + unmatched.map { "\($0.controllo) \($0.elemento)" }.joined(separator: ", "))
            }
        }
        let representable = catalogue.anomalie.filter(\.rappresentabile).count
        print("\(folder): \(catalogue.anomalie.count) anomalie elencate, \(representable) rappresentabili, \(foundCount) trovate")
        #expect(missing.isEmpty, "non trovate:\n\(missing.joined(separator: "\n"))")
        for anomaly in catalogue.anomalie where !anomaly.rappresentabile {
            #expect(anomaly.motivo?.isEmpty == false, "\(anomaly.id): non rappresentabile senza motivo")
        }
        #expect(Set(catalogue.anomalie.map(\.id)).count == catalogue.anomalie.count, "id ripetuti")
    }

    /// No unexplained error or warning: every finding is a catalogued anomaly or a known finding.
    @Test(arguments: folders)
    func noUnexplainedFindings(_ folder: String) throws {
        let catalogue = try AnomalyCatalogue.read(folder)
        let known = catalogue.anomalie.flatMap(\.matches)
            + (catalogue.rilievi_noti ?? []).map { AnomalyCatalogue.Match(controllo: $0.controllo, elemento: $0.elemento, ente: $0.ente) }
        let all = try DatasetChecks.findings(folder: folder)
        let suggestions = all.filter { $0.finding.severity == .suggestion }.count
        print("\(folder): \(all.count - suggestions) rilievi errore/avviso, \(suggestions) suggerimenti (non confrontati)")
        let unexplained = all.filter { ente, finding in
            finding.severity != .suggestion && !known.contains { DatasetChecks.matches($0, ente, finding) }
        }
        let listed = unexplained.map {
            "\($0.ente) \($0.finding.severity.rawValue) \($0.finding.code) \($0.finding.elementCode): \($0.finding.message)"
        }.joined(separator: "\n")
        #expect(unexplained.isEmpty, "rilievi non spiegati:\n\(listed)")
        for entry in catalogue.rilievi_noti ?? [] {
            #expect(!entry.motivo.isEmpty, "\(entry.controllo) \(entry.elemento): manca il motivo")
        }
    }

    /// A catalogued known finding that no longer appears is stale and must be removed.
    @Test(arguments: folders)
    func knownFindingsStillAppear(_ folder: String) throws {
        let catalogue = try AnomalyCatalogue.read(folder)
        let found = try DatasetChecks.findings(folder: folder)
        for entry in catalogue.rilievi_noti ?? [] {
            let match = AnomalyCatalogue.Match(controllo: entry.controllo, elemento: entry.elemento, ente: entry.ente)
            #expect(found.contains { DatasetChecks.matches(match, $0.ente, $0.finding) },
                    "rilievo noto che non compare più: \(entry.controllo) \(entry.elemento)")
        }
    }

    /// A small correct plan, read from a plan file: the checks report nothing.
    @Test func aCleanPlanFileIsSilent() throws {
        let plans = try PlanFileReader.read(texts: [(name: "pulito.yaml", text: Self.cleanPlan)])
        let plan = try #require(plans.first)
        let findings = DatasetChecks.findings(plan)
        #expect(findings.isEmpty, "\(findings.map { "\($0.code) \($0.elementCode): \($0.message)" })")
    }

    /// The Lucca 2017 dataset with its comparator anomalies corrected: the polarity check is silent.
    @Test func lucca2017WithoutItsPolarityErrorsIsSilentOnPolarity() throws {
        var plan = try #require(try ExampleDatasets.read("lucca-2017").first)
        let before = DatasetChecks.findings(plan).filter { $0.code == "TARGET-POLARITA" }
        #expect(!before.isEmpty)
        for index in plan.targets.indices {
            switch plan.targets[index].comparator {
            case .greaterThan? where plan.targets[index].text?.contains("giorni") == true:
                plan.targets[index].comparator = .atMost
            case .atMost? where plan.targets[index].text?.contains("3,5") == true:
                plan.targets[index].comparator = .atLeast
            default: break
            }
        }
        let after = DatasetChecks.findings(plan).filter { $0.code == "TARGET-POLARITA" }
        #expect(after.isEmpty, "\(after.map(\.message))")
    }

    /// Lucca 2018 with the document's errors corrected where the correction is certain: the findings
    /// of those anomalies disappear, and nothing new appears.
    @Test func lucca2018WithItsErrorsCorrectedKeepsOnlyTheOtherFindings() throws {
        var plan = try #require(try ExampleDatasets.read("lucca-2018").first)
        let before = Set(DatasetChecks.findings(plan).map(\.key))
        // A04: the 2015 CCIAA personnel cost with its digits in order.
        let cost = try #require(plan.accountLines.firstIndex { $0.code == "PERS-2015-CCIAA" })
        plan.accountLines[cost].amount = Decimal(string: "3446720.87")!
        // A01: 96% is 743 of 774, so 31 late invoices.
        let procedure = try #require(plan.procedures.first { $0.code == "2" })
        let result = try #require(plan.procedureResults.firstIndex { $0.procedureID == procedure.id })
        plan.procedureResults[result].text = "96% 774 fatture pagate – n. 31 pagate in ritardo"
        // A07: the title names the same objectives as the indicator.
        let objective = try #require(plan.objectives.firstIndex { $0.code == "SG-3" })
        plan.objectives[objective].title = plan.objectives[objective].title.replacingOccurrences(of: "4-5-6", with: "3-4-5-6")
        // A08: the June delibera numbered after n. 38.
        let act = try #require(plan.acts.firstIndex { $0.number == "19" && $0.organ == "Giunta" && $0.kind == .delibera })
        plan.acts[act].number = "39"
        // A11-A13: the notes speak of the year of the report.
        for index in plan.serviceResults.indices {
            for path in [\ServiceResult.note, \ServiceResult.notComputableReason, \ServiceResult.measuredText] {
                plan.serviceResults[index][keyPath: path] = plan.serviceResults[index][keyPath: path]?
                    .replacingOccurrences(of: "2017", with: "2018")
            }
        }
        // A02: the procedures' total printed as the mean of the seven printed results.
        let total = try #require(plan.cycle.declaredTotals.firstIndex { $0.element == .procedures })
        plan.cycle.declaredTotals[total].declared.score = 99
        // A06: the MuSA table's TOTALE as its rows give it.
        let musa = try #require(plan.narrativeTables.firstIndex { $0.code == "musa-eventi" })
        plan.narrativeTables[musa].declaredTotals = [77, 2165]
        let after = DatasetChecks.findings(plan).filter { $0.severity != .suggestion }
        let gone = ["VALORE-DICHIARATO|totale|procedimenti", "PERCENTUALE-CONTEGGI|procedimento|2", "CONTI-SOMMA|conto|PERS-2015-TOT",
                    "RIFERIMENTI-DISCORDANTI|obiettivo|SG-3", "ANNO-NON-PERTINENTE|carta-dei-servizi|3.1.4",
                    "ANNO-NON-PERTINENTE|carta-dei-servizi|3.3.1.b", "ANNO-NON-PERTINENTE|carta-dei-servizi|3.3.8",
                    "DATI-NARRATIVI|tabella|musa-eventi"]
        for key in gone {
            #expect(before.contains(key), "\(key) non era segnalato")
            #expect(!after.contains { $0.key == key }, "\(key) resta dopo la correzione")
        }
        #expect(!after.contains { $0.code == "ATTI-NUMERAZIONE" })
        // What remains: A03 (ENTE-6), A14 (3.3.2), the truncated Dirigente objectives.
        let remaining = Set(after.map { "\($0.code) \($0.elementCode)" })
        #expect(remaining == ["VALORE-DICHIARATO ENTE-6/1", "GIUDIZIO-INCOERENTE ENTE-6/1", "NUMERAZIONE-LACUNA 3.3.2",
                              "INDICATORE-INCOMPLETO DIR-1/R", "INDICATORE-INCOMPLETO DIR-2/R"], "\(remaining)")
    }

    /// Massa-Carrara 2022 with the budget lines of objectives 1.2 and 2.2 as the «Interventi
    /// economici» give them: the resource findings disappear.
    @Test func massaCarraraWithItsResourcesCorrectedIsSilentOnResources() throws {
        var plan = try #require(try ExampleDatasets.read("toscana-nord-ovest-2022").first { $0.entity.code == "massa-carrara" })
        let before = DatasetChecks.findings(plan).map(\.code)
        #expect(before.contains("RISORSE-COPIATE") && before.contains("RISORSE-MANCANTI"))
        let copied = try #require(plan.nodes.first { $0.code == "1.2" })
        let resource = try #require(plan.resources.firstIndex { $0.nodeID == copied.id })
        plan.resources[resource].amount = 10_000
        let missing = try #require(plan.nodes.first { $0.code == "2.2" })
        plan.resources.append(Resource(id: "2.2/r1", nodeID: missing.id, year: 2022, kind: .oneri, phase: .preventivo, amount: 0))
        let after = DatasetChecks.findings(plan).map(\.code)
        #expect(!after.contains("RISORSE-COPIATE") && !after.contains("RISORSE-MANCANTI"), "\(after)")
    }
}

extension AnomalyCatalogueTests {
    static let cleanPlan = """
    formato: traguardo/1
    ente: {codice: prova, nome: Camera di Commercio di prova}
    anno: 2018
    periodi: solo-anno
    unita:
      - {codice: SG, nome: Segreteria Generale, tipo: segreteria-generale}
    livelli:
      - {livello: 1, tipo: area-strategica, etichetta: Area strategica, schema_codice: "^[1-9]$", esempio: "1"}
      - {livello: 2, tipo: obiettivo-strategico, etichetta: Obiettivo strategico, schema_codice: "^[1-9][A-Z]$", esempio: 1A}
    albero:
      - codice: "1"
        tipo: area-strategica
        titolo: Semplificazione
        responsabile_unita: SG
        risorse:
          - {anno: 2018, tipo: oneri, fase: preventivo, importo: "15.000,00"}
        figli:
          - codice: 1A
            tipo: obiettivo-strategico
            titolo: Servizi digitali
            responsabile_unita: SG
            risorse:
              - {anno: 2018, tipo: oneri, fase: preventivo, importo: "15.000,00"}
            indicatori:
              - codice: "1"
                nome: Pratiche evase entro 5 giorni
                tipologia: efficacia
                unita_misura: "%"
                fonte_dati: rilevazione ufficio competente
                baseline: {valore: "80", anno: 2017}
                ufficio: SG
                target:
                  - {anno: 2018, comparatore: ">=", valore: 90, testo: "almeno il 90%"}
                item:
                  - codice: "1"
                    descrizione: Pratiche evase entro 5 giorni
                    comparatore: ">="
                    valore_target: 90
                    regola: proporzionale
                    rilevazioni:
                      - {periodo: ANNO, valore: 95}
    """
}
