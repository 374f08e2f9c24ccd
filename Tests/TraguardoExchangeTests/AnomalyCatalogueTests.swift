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
        let period = plan.periods.first?.code
        let scores = PlanScorer.score(plan, period: period)
        var computed: [String: Decimal] = [:]
        for group in [scores.nodes, scores.indicators, scores.objectives, scores.items] {
            for (id, element) in group { if let value = element.score.value { computed[id] = value } }
        }
        let frozen = computed
        return CheckCatalogue.run(CheckContext(plan: plan, computedScore: { frozen[$0] }))
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
    static let folders = ["lucca-2017", "lucca-2018", "toscana-nord-ovest-2022"]

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
        let unexplained = try DatasetChecks.findings(folder: folder).filter { ente, finding in
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
