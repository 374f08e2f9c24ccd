import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoStore

struct RolloverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollover",
        abstract: "Prepara il piano dell'anno nuovo da quello di un anno: organizzazione, metodologia, albero, obiettivi, indicatori.",
        discussion: """
            Copia unità, persone, incarichi, periodi (spostati di un anno), la metodologia (come nuova versione \
            dell'anno nuovo), l'albero senza i nodi eliminati, gli obiettivi, gli indicatori e gli item, la Carta dei \
            servizi e i procedimenti. Il valore di partenza di ogni indicatore diventa il risultato dell'anno di \
            partenza (dove c'è); i target dell'anno nuovo restano da fissare (le verifiche li segnalano); rilevazioni, \
            risorse e approvazione restano nel loro anno, mentre le variazioni dei nodi che continuano passano all'anno \
            nuovo con i loro atti (i documenti stampano «modificato con …»). Il piano nuovo è una bozza. Se l'anno nuovo ha già un \
            piano non si scrive nulla, salvo --replace. Esempio:
              traguardo rollover --entity lucca --from 2018 --to 2019
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: ArgumentHelp("Codice dell'Ente.", valueName: "codice"))
    var entity: String

    @Option(name: .long, help: ArgumentHelp("Anno di partenza.", valueName: "aaaa"))
    var from: Int

    @Option(name: .long, help: ArgumentHelp("Anno nuovo.", valueName: "aaaa"))
    var to: Int

    @Flag(name: .long, help: "Sostituisce il piano dell'anno nuovo, se c'è già (con le sue rilevazioni).")
    var replace = false

    func validate() throws {
        for year in [from, to] where !PlanRollover.years.contains(year) {
            throw ValidationError("l'anno \(year) non è plausibile: atteso un anno fra \(PlanRollover.years.lowerBound) e \(PlanRollover.years.upperBound)")
        }
    }

    func run() async throws {
        let summary = try await database.withStore { store in
            try await store.rollover(CycleScope(entityCode: entity, year: from), to: to, replace: replace, actor: CommandLineActor.name)
        }
        print(Self.text(summary, entity: entity, from: from, to: to))
    }

    static func text(_ summary: PlanRollover.Summary, entity: String, from: Int, to: Int) -> String {
        var lines = ["\(entity) \(to): piano preparato dal \(from) (bozza)."]
        lines.append("Valori di partenza dai risultati \(from): \(summary.baselinesFromActuals.count) indicatori; "
            + "senza risultato, partenza invariata: \(summary.baselinesKept.count).")
        lines.append("Target \(to) da fissare: \(summary.targetsToSet) indicatori (le verifiche li segnalano finché mancano).")
        if !summary.nodesDropped.isEmpty {
            lines.append("Nodi eliminati non riportati: \(summary.nodesDropped.joined(separator: ", ")).")
        }
        return lines.joined(separator: "\n")
    }
}
