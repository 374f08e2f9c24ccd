import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoExchange
import TraguardoStore

/// `traguardo carta …`: the Carta dei servizi computed from case data.
struct CartaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carta",
        abstract: "Carta dei servizi dai casi: importa i casi dei registri, calcola l'allegato sui giorni lavorativi.",
        subcommands: [CartaCasesImportCommand.self, CartaAllegatoCommand.self])
}

/// `traguardo carta import-casi FILE… --entity lucca --year 2018 [--servizio 3.1.1]`.
struct CartaCasesImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-casi",
        abstract: "Carica i casi dei servizi della Carta da esportazioni dei registri (CSV o XLSX).",
        discussion: """
            Una riga per caso sotto una riga di titoli: servizio (il codice della Carta, per esempio 3.1.1; si può \
            omettere con --servizio), protocollo, ricevuta, conclusa (vuota se il caso non è concluso), e facoltative \
            sospensioni («05/03/2018-09/03/2018, …», oppure le colonne «sospeso dal» e «sospeso al»), canale (PEC, \
            sportello…), ritardo giustificato (il motivo). Le altre colonne sono ignorate. I casi di ogni servizio \
            presente nei file sostituiscono quelli nel database. Tutti gli errori sono elencati insieme (file, riga, \
            colonna, valore, che cosa era atteso); se ce n'è anche uno solo non si scrive nulla.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var scope: ScopeOptions

    @Option(name: .customLong("servizio"), help: ArgumentHelp("Codice della Carta di tutte le righe, per un file senza colonna «servizio».", valueName: "codice"))
    var service: String?

    @Flag(name: .customLong("dry-run"), help: "Controlla i file senza scrivere nel database.")
    var dryRun = false

    @Argument(help: ArgumentHelp("File CSV o XLSX dei casi.", valueName: "file"))
    var paths: [String]

    func run() async throws {
        try await database.withStore { store in
            let plan = try await scope.loadPlan(from: store)
            let read: ServiceCaseImport.Read
            do {
                read = try ServiceCaseImport.read(paths.map { URL(fileURLWithPath: $0) }, plan: plan, service: service)
            } catch let error as ServiceCaseImport.Problems {
                throw CommandFailure(message: error.description + "\nNessun caso è stato scritto.")
            }
            if dryRun {
                print("\(read.summary) — nessun errore")
                print("Controllo completato: nulla è stato scritto (--dry-run).")
                return
            }
            let changes = try await store.replaceServiceCases(
                read.cases, services: read.services, in: try scope.requiredScope(), source: read.source, actor: CommandLineActor.name)
            for change in changes {
                print("servizio \(change.serviceCode): \(change.after) casi (prima \(change.before))")
            }
            print("\(plan.entity.code) \(plan.cycle.year): \(read.cases.count) casi registrati")
        }
    }
}

/// `traguardo carta allegato --entity lucca --year 2018 [--period ANNO]`.
struct CartaAllegatoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allegato",
        abstract: "Calcola l'allegato della Carta dei servizi dai casi registrati, sui giorni lavorativi dell'Ente.",
        discussion: """
            Per ogni riga della Carta: casi conclusi nel periodo, media e massimo dei giorni lavorativi (sabati, \
            domeniche, festività nazionali con il Lunedì dell'Angelo, il patrono e le chiusure dell'Ente esclusi; \
            i giorni di sospensione non contano), casi entro lo standard, ritardi giustificati, e il risultato della \
            metodologia (N.C. senza casi). In fondo TOTALE e % RISULTATO CONSEGUITO SU N PROCESSI.
            --format json scrive le stesse righe come dati.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let asJSON = try OutputWriter.textOrJSON(output.format, command: "carta allegato", tableNames: true)
        try await database.withStore { store in
            let plan = try await scope.loadPlan(from: store)
            let cases = try await store.serviceCases(in: try scope.requiredScope())
            let charter = ServiceCharterFromCases(plan: plan, cases: cases, period: scope.period)
            let scores = PlanScorer.score(charter.plan, period: scope.period)
            let table = ServiceCharterTable(plan: charter.plan, scores: scores, summaries: charter.summaries)
            let text = asJSON ? try OutputWriter.json(CartaAllegatoListing(table, span: charter.span)) : Self.text(table, plan: plan, span: charter.span)
            try OutputWriter.write(text, to: output.output)
        }
    }

    static func text(_ table: ServiceCharterTable, plan: CyclePlan, span: DaySpan) -> String {
        var lines = ["Carta dei servizi di \(plan.entity.shortName ?? plan.entity.name) \(plan.cycle.year), casi conclusi dal \(span.from.italian) al \(span.to.italian)"]
        if let patron = plan.entity.patronSaint { lines.append("Calendario: giorni lavorativi, patrono \(patron.description)") }
        lines.append("")
        for row in table.rows {
            let counts = row.cases.map { cases in
                cases == 0 ? "nessun caso" : "\(cases) casi, \(row.withinStandard ?? 0) entro lo standard"
                    + ((row.justified ?? 0) > 0 ? ", \(row.justified!) giustificati" : "")
            } ?? ""
            lines.append("\(row.code)  \(row.process)")
            lines.append("    standard \(row.standard) · \(row.measured) · \(counts) → \(row.result)")
        }
        lines.append("")
        lines += table.footer
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The allegato as JSON (Italian keys, numbers as decimal strings).
struct CartaAllegatoListing: Encodable {
    struct Riga: Encodable {
        var codice, processo, standard, rilevato, risultato: String
        var casi: Int?
        var media_giorni: String?
        var massimo_giorni: Int?
        var entro_standard: Int?
        var giustificati: Int?
    }
    var dal: String
    var al: String
    var righe: [Riga]
    var totale: String
    var processi_computati: Int
    var percentuale: String?

    init(_ table: ServiceCharterTable, span: DaySpan) {
        dal = span.from.iso
        al = span.to.iso
        righe = table.rows.map {
            Riga(codice: $0.code, processo: $0.process, standard: $0.standard, rilevato: $0.measured, risultato: $0.result,
                 casi: $0.cases, media_giorni: $0.meanDays.map { "\($0.rounded(.halfUp, digits: 2))" },
                 massimo_giorni: $0.maximumDays, entro_standard: $0.withinStandard, giustificati: $0.justified)
        }
        totale = "\(table.total)"
        processi_computati = table.scoredRows
        percentuale = table.percent.map { "\($0)" }
    }
}
