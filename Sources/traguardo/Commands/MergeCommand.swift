import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoStore

struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Consolida i piani degli Enti accorpati nel piano dell'Ente nato dall'accorpamento.",
        discussion: """
            L'albero di ogni Ente d'origine diventa un'area del piano consolidato, con i codici preceduti dalle \
            iniziali dell'Ente (LU.2C per il 2C di Lucca), le sue risorse e le righe di conto; ogni elemento dice \
            da quale piano e codice viene. I piani d'origine restano come sono. Il bilancio consolidato deve essere \
            la somma delle parti (altrimenti nulla è salvato; «traguardo check» lo verifica anche dopo). Il piano \
            consolidato è una bozza finché non è approvato; se è già approvato, il consolidamento è una variazione \
            e chiede l'atto (--act). Poi: traguardo report rpp --entity … --year … Esempio:
              traguardo merge --into toscana-nord-ovest --year 2022 --from lucca,pisa,massa-carrara
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: ArgumentHelp("Codice dell'Ente nato dall'accorpamento.", valueName: "codice"))
    var into: String

    @Option(name: .long, help: ArgumentHelp("Anno del piano.", valueName: "aaaa"))
    var year: Int

    @Option(name: .long, help: ArgumentHelp(
        "Enti d'origine, separati da virgole (predefiniti gli «enti_componenti» del piano).", valueName: "codici"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Atto del consolidamento, se il piano è già approvato.", valueName: "atto"))
    var act: String?

    @Flag(name: .long, help: "Rifà il consolidamento se il piano ha già un albero.")
    var replace = false

    func validate() throws {
        if !PlanRollover.years.contains(year) {
            throw ValidationError("l'anno \(year) non è plausibile: atteso un anno fra \(PlanRollover.years.lowerBound) e \(PlanRollover.years.upperBound)")
        }
        if let from, codes(from).isEmpty { throw ValidationError("--from vuoto: attesi i codici degli Enti, separati da virgole") }
    }

    func codes(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() async throws {
        let summary = try await database.withStore { store in
            try await store.consolidate(
                into: CycleScope(entityCode: into, year: year), from: from.map(codes), act: act, replace: replace, actor: CommandLineActor.name)
        }
        print(Self.text(summary))
    }

    static func text(_ summary: PlanMergerSummary) -> String {
        let plan = summary.plan
        let parts = plan.cycle.componentEntityCodes
        var lines = ["\(plan.entity.code) \(plan.cycle.year): piano consolidato da \(parts.joined(separator: ", ")) "
            + "(\(PlanApproval.state(of: plan).label)); \(summary.saved.totalChanges) righe salvate."]
        for code in parts {
            let mapped = summary.mapping.filter { $0.entityCode == code }
            let example = mapped.first.map { ", per esempio \($0.originalCode) → \($0.consolidatedCode)" } ?? ""
            lines.append("  \(code): \(mapped.count) nodi\(example).")
        }
        for kind in ResourceKind.allCases {
            let amounts = BudgetPhase.allCases.compactMap { phase -> String? in
                let total = PlanConsolidation.resources(plan, kind, phase)
                return total == 0 ? nil : "\(phase.rawValue) \(ItalianFormatting.euro(total))"
            }
            if !amounts.isEmpty { lines.append("Risorse \(kind.rawValue): " + amounts.joined(separator: ", ") + " (somma delle parti).") }
        }
        lines.append("Documento: traguardo report rpp --entity \(plan.entity.code) --year \(plan.cycle.year)")
        return lines.joined(separator: "\n")
    }
}
