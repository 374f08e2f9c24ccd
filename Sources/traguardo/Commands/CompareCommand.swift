import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoStore

struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Confronta gli indicatori comuni a più Enti (e anni): risultato, posizione, quartili.",
        discussion: """
            Sono comuni gli indicatori con lo stesso codice e lo stesso nome in almeno due Enti-anno (per esempio gli \
            indicatori nazionali di Unioncamere). Per ciascuno: il raggiungimento di ogni Ente-anno (periodo: l'ultimo \
            dell'anno, o --period), la posizione (1 = il più alto; a pari valore pari posizione), il primo quartile, la \
            mediana e il terzo quartile. --entity mette in evidenza un Ente e mostra solo gli indicatori che ha; --year \
            limita agli Enti-anno di quell'anno; --indicator a un codice. Esempi:
              traguardo compare --year 2022
              traguardo compare --entity lucca --format json -o confronto.json
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("Solo l'indicatore con questo codice.", valueName: "codice"))
    var indicator: String?

    func run() async throws {
        let asJSON = try OutputWriter.textOrJSON(output.format, command: "compare", tableNames: true)
        try await database.withStore { store in
            var sources: [IndicatorComparison.Source] = []
            for cycle in try await store.cycles() where scope.year.map({ $0 == cycle.year }) ?? true {
                guard let plan = try await store.loadPlan(CycleScope(entityCode: cycle.entityCode, year: cycle.year)) else { continue }
                sources.append(.init(plan: plan, scores: PlanScorer.score(plan, period: scope.period)))
            }
            var comparisons = IndicatorComparison.compare(sources)
            if let indicator { comparisons = comparisons.filter { $0.code == indicator } }
            if let entity = scope.entity { comparisons = comparisons.filter { !$0.entries(of: entity).isEmpty } }
            if asJSON {
                try OutputWriter.write(try OutputWriter.json(comparisons.map(ComparisonJSON.init)), to: output.output)
            } else {
                try OutputWriter.write(Self.text(comparisons, highlight: scope.entity), to: output.output)
            }
        }
    }

    static func text(_ comparisons: [IndicatorComparison], highlight: String?) -> String {
        guard !comparisons.isEmpty else {
            return "Nessun indicatore comune (stesso codice e nome) ad almeno due Enti-anno con un risultato.\n"
        }
        var lines: [String] = []
        for comparison in comparisons {
            lines.append("\(comparison.code) – \(comparison.name)")
            lines.append(
                "  \(comparison.entries.count) Enti-anno; quartili: Q1 \(percent(comparison.firstQuartile)), mediana \(percent(comparison.median)), Q3 \(percent(comparison.thirdQuartile))")
            for entry in comparison.entries {
                let mark = entry.entityCode == highlight ? "▶" : " "
                lines.append("  \(mark) \(entry.rank). \(entry.entityName) \(entry.year): \(entry.shown) (\(entry.quartile)° quartile)")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    static func percent(_ value: Decimal) -> String { ItalianFormatting.percent(value, fractionDigits: 2) }
}

/// `traguardo compare --format json`: values as decimal strings, as `score --format json` writes them.
struct ComparisonJSON: Encodable {
    struct Entry: Encodable {
        var ente: String
        var nome: String
        var anno: Int
        var valore: String
        var mostrato: String
        var posizione: Int
        var quartile: Int
    }

    var codice: String
    var nome: String
    var primoQuartile: String
    var mediana: String
    var terzoQuartile: String
    var enti: [Entry]

    init(_ comparison: IndicatorComparison) {
        codice = comparison.code
        nome = comparison.name
        primoQuartile = "\(comparison.firstQuartile)"
        mediana = "\(comparison.median)"
        terzoQuartile = "\(comparison.thirdQuartile)"
        enti = comparison.entries.map {
            Entry(ente: $0.entityCode, nome: $0.entityName, anno: $0.year, valore: "\($0.value)", mostrato: $0.shown, posizione: $0.rank, quartile: $0.quartile)
        }
    }
}
