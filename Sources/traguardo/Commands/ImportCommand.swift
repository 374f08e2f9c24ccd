import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoExchange
import TraguardoStore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Carica file piano (YAML o JSON, o cartelle di file) o schede di rilevazione (XLSX o CSV) nel database.",
        discussion: """
            Ogni Ente-anno dei file sostituisce quello nel database: si aggiunge ciò che è nuovo, si modifica ciò che \
            è cambiato, si elimina ciò che non c'è più, con una riga del registro modifiche per ogni cambiamento. \
            Tutti gli errori sono elencati insieme (file, riga, campo, valore, che cosa era atteso); se ce n'è \
            anche uno solo non si scrive nulla. Il formato è in docs/formato-piano.md. Un piano già approvato si \
            cambia solo con una variazione: --atto nomina l'atto che la approva (senza, l'importazione è rifiutata).
            Le schede di rilevazione (.xlsx o .csv, prodotte da «export --format xlsx|csv») registrano le \
            rilevazioni delle righe compilate; l'intestazione della scheda dice Ente, anno, periodo e ufficio. \
            Su un terminale una barra mostra l'avanzamento; altrimenti righe di avanzamento.
            """)

    @OptionGroup var database: DatabaseOptions

    @Flag(name: .customLong("dry-run"), help: "Controlla i file senza scrivere nel database.")
    var dryRun = false

    @Option(name: .customLong("atto"), help: ArgumentHelp(
        "L'atto che approva le modifiche a un piano già approvato (una variazione), per esempio «Delibera di Giunta n. 4 del 10/11/2017».",
        valueName: "atto"))
    var act: String?

    @Argument(help: ArgumentHelp("File o cartelle da caricare.", valueName: "file"))
    var paths: [String]

    func run() async throws {
        let sheets = paths.filter(SheetImport.isSheet)
        if !sheets.isEmpty {
            guard sheets.count == paths.count else {
                throw CommandFailure(message: "file piano e schede di rilevazione vanno importati con due comandi separati: prima il piano, poi le schede")
            }
            let lines = try await database.withStore { store in try await SheetImport(paths: paths, dryRun: dryRun).run(on: store) }
            for line in lines { print(line) }
            return
        }
        let plans: [CyclePlan]
        do {
            plans = try PlanFileReader.read(paths: paths)
        } catch {
            throw CommandFailure(message: error.description)
        }
        if dryRun {
            for plan in plans { print("\(plan.entity.code) \(plan.cycle.year): \(Self.contents(plan)) — nessun errore") }
            print("Controllo completato: nulla è stato scritto (--dry-run).")
            return
        }
        var variationAct: Act?
        if let act, let first = plans.first {
            switch ActCitation.act(act, in: first, subject: "Variazione del piano \(first.cycle.year)") {
            case .success(let found): variationAct = found
            case .failure(let error): throw CommandFailure(message: "--atto: \(error.description)")
            }
        }
        let summaries = try await database.withStore { store in
            try await store.savePlans(plans, actor: CommandLineActor.name, act: variationAct)
        }
        for (plan, summary) in zip(plans, summaries) {
            let changes = summary.totalChanges == 0 ? "nessuna modifica" : "\(summary.totalChanges) modifiche"
            let methodology = summary.newMethodologyVersion.map { ", metodologia salvata come versione \($0)" } ?? ""
            print("\(plan.entity.code) \(plan.cycle.year): \(Self.contents(plan)); \(changes)\(methodology)")
        }
    }

    static func contents(_ plan: CyclePlan) -> String {
        var counts: [String: Int] = [
            "plan_nodes": plan.nodes.count, "objectives": plan.objectives.count, "indicators": plan.indicators.count,
            "measured_items": plan.items.count, "measurements": plan.measurements.count, "resources": plan.resources.count,
            "account_lines": plan.accountLines.count, "service_standards": plan.serviceStandards.count,
            "procedures": plan.procedures.count, "acts": plan.acts.count,
        ]
        counts = counts.filter { $0.value > 0 }
        return StatusSummary.line(counts, methodologyVersion: plan.methodology?.version)
    }
}
