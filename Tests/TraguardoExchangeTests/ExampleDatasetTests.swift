import Foundation
import Testing
import TraguardoCore
import TraguardoExchange
import Yams

/// The example datasets of Examples/: real documents transcribed into plan files.
enum ExampleDatasets {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")

    static var folders: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted().filter { !$0.hasPrefix(".") }
    }

    static func read(_ folder: String) throws -> [CyclePlan] {
        try PlanFileReader.read(paths: [root.appendingPathComponent(folder).path])
    }

    /// The figures of `attesi.yaml`: what the engine must print, with the printed one beside it.
    struct Expected: Decodable {
        var elemento: String
        var codice: String
        var periodo: String?
        var atteso: String
        var stampato: String?
        var righe: String?
    }

    static func expected(_ folder: String) throws -> [Expected] {
        let text = try String(contentsOf: root.appendingPathComponent(folder).appendingPathComponent("attesi.yaml"), encoding: .utf8)
        return try YAMLDecoder().decode([Expected].self, from: text)
    }
}

@Suite("Esempi: i documenti reali come file piano")
struct ExampleDatasetTests {
    @Test(arguments: ExampleDatasets.folders)
    func everyExampleReadsWithoutErrors(_ folder: String) throws {
        let plans = try ExampleDatasets.read(folder)
        #expect(!plans.isEmpty)
        for plan in plans {
            #expect(folder.hasSuffix("-\(plan.cycle.year)"))
            #expect(plan.entity.name != plan.entity.code, "\(plan.entity.code): manca il nome")
        }
    }

    @Test func theMergedEnteIsMadeOfTheThreeChambers() throws {
        let plans = try ExampleDatasets.read("toscana-nord-ovest-2022")
        #expect(Set(plans.map(\.entity.code)) == ["lucca", "pisa", "massa-carrara", "toscana-nord-ovest"])
        let merged = try #require(plans.first { $0.entity.code == "toscana-nord-ovest" })
        #expect(Set(merged.entity.mergedFrom) == ["lucca", "pisa", "massa-carrara"])
    }

    /// Every score figure of attesi.yaml (Carta dei servizi rows, procedures, indicators, nodes,
    /// objectives) computed from the transcribed inputs with the dataset's methodology.
    @Test(arguments: ["lucca-2013", "lucca-2017", "lucca-2018"])
    func theEnginePrintsTheDocumentsFigures(_ folder: String) throws {
        let plan = try #require(try ExampleDatasets.read(folder).first)
        #expect(plan.methodology != nil, "l'esempio dichiara la sua metodologia")
        let scores = PlanScorer.score(plan, period: "ANNO")
        var checked = 0
        var mismatches: [String] = []
        for figure in try ExampleDatasets.expected(folder) {
            let element: ScoredElement?
            switch figure.elemento {
            case "obiettivo": element = scores.objective(code: figure.codice)
            case "nodo": element = scores.node(code: figure.codice)
            case "indicatore", "carta-dei-servizi": element = scores.element(path: figure.codice)
            case "procedimenti": element = figure.codice == "*" || figure.codice == "totale" ? scores.procedureTotal : scores.element(path: "procedimento \(figure.codice)")
            default: continue
            }
            guard let element else { continue }  // a figure that is not a score (a count, a sum)
            checked += 1
            // Compared as numbers (99,00 and 99 are the same figure); N.C. as text.
            let same = ItalianNumber.parse(figure.atteso).map { $0 == element.score.shownValue } ?? (figure.atteso == element.score.shown)
            if !same {
                mismatches.append("\(figure.elemento) \(figure.codice): atteso \(figure.atteso), calcolato \(element.score.shown)")
            }
        }
        print("\(folder): \(checked) punteggi di attesi.yaml confrontati, \(mismatches.count) diversi")
        #expect(checked > 0)
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }
}
