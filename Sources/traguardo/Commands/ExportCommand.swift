import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoExchange
import TraguardoStore

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Scrive un Ente-anno del database come file piano (YAML, JSON o foglio Excel) o la scheda di rilevazione di un ufficio (XLSX o CSV).",
        discussion: """
            --format yaml|json: il file piano, che «import» rilegge uguale.
            --format xlsx -o piano.xlsx (senza --period): il piano in un foglio Excel, un foglio per tipo di elemento \
            (Albero, Obiettivi, Indicatori, Item, Target, Risorse, Conti, Unità, Persone, Atti, …), che «import» rilegge uguale.
            --template -o modello.xlsx: il foglio Excel del piano vuoto, con il foglio «Istruzioni» (non legge il database).
            --format xlsx|csv --period P [--office U] -o FILE: la scheda di rilevazione del periodo, una riga per item \
            dell'ufficio (senza --office: tutti gli item), con codice, descrizione, target, unità, valore del periodo \
            precedente e le colonne da compilare (Valore, Motivo N.C., Scostamento giustificato, Note); «import» la rilegge.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("Ufficio della scheda di rilevazione (codice dell'unità).", valueName: "codice"))
    var office: String?

    @Flag(name: .long, help: "Scrive il foglio Excel del piano vuoto, con le istruzioni (-o modello.xlsx).")
    var template = false

    func run() async throws {
        if template {
            try writeTemplate()
            return
        }
        let format = output.format ?? "yaml"
        let sheetFormat = MeasurementSheetWriter.Format(rawValue: format)
        guard ["yaml", "json"].contains(format) || sheetFormat != nil else {
            throw CommandFailure(message: "formato «\(format)» non previsto per export: ammessi yaml, json, xlsx, csv")
        }
        let plan = try await database.withStore { store in try await scope.loadPlan(from: store) }
        guard let sheetFormat else {
            if office != nil { throw CommandFailure(message: "--office vale solo per le schede di rilevazione (--format xlsx o csv)") }
            let text = format == "json" ? try PlanFileWriter.json(plan) : try PlanFileWriter.yaml(plan)
            try OutputWriter.write(text, to: output.output)
            return
        }
        guard let period = scope.period else {
            if sheetFormat == .xlsx {
                try writeWorkbook(plan)
                return
            }
            throw CommandFailure(message: "indicare il periodo della scheda con --period (periodi del ciclo: \(plan.periods.map(\.code).joined(separator: ", ")))")
        }
        let name = "scheda-\(office ?? "ente")-\(period).\(format)"
        guard let path = output.output else {
            throw CommandFailure(message: "indicare il file della scheda con -o FILE (per esempio -o \(name)), o -o - per l'uscita standard")
        }
        let sheet: MeasurementSheet
        do { sheet = try MeasurementSheet.make(plan: plan, periodCode: period, office: office) } catch {
            throw CommandFailure(message: error.description)
        }
        try OutputWriter.write(to: path, name: name) { url in try MeasurementSheetWriter.write(sheet, format: sheetFormat, to: url) }
        if path == "-" { return }
        let office = sheet.officeCode.map { "ufficio \($0)" } ?? "tutti gli uffici"
        FileHandle.standardError.write(Data("Scheda di rilevazione \(plan.entity.code) \(plan.cycle.year), periodo \(sheet.periodCode), \(office): \(sheet.rows.count) item in «\(path)».\n".utf8))
    }

    /// The plan workbook of the Ente-year (`--format xlsx` without `--period`).
    private func writeWorkbook(_ plan: CyclePlan) throws {
        if office != nil { throw CommandFailure(message: "--office vale solo per le schede di rilevazione (con --period)") }
        let name = "piano-\(plan.entity.code)-\(plan.cycle.year).xlsx"
        guard let path = output.output else {
            throw CommandFailure(message: "indicare il file del piano con -o FILE (per esempio -o \(name)); per la scheda di rilevazione indicare --period")
        }
        try OutputWriter.write(to: path, name: name) { url in try PlanWorkbookWriter.write(plan, to: url) }
        if path == "-" { return }
        FileHandle.standardError.write(Data("Piano \(plan.entity.code) \(plan.cycle.year) in «\(path)»: \(plan.nodes.count) nodi, \(plan.indicators.count) indicatori, \(plan.items.count) item.\n".utf8))
    }

    /// The blank plan workbook (`--template`).
    private func writeTemplate() throws {
        if scope.entity != nil || scope.year != nil || scope.period != nil || office != nil || (output.format.map { $0 != "xlsx" } ?? false) {
            throw CommandFailure(message: "--template scrive il modello vuoto: non vuole --entity, --year, --period, --office né un formato diverso da xlsx")
        }
        guard let path = output.output else {
            throw CommandFailure(message: "indicare il file del modello con -o FILE (per esempio -o modello.xlsx)")
        }
        try OutputWriter.write(to: path, name: "modello-piano.xlsx") { url in try PlanWorkbookWriter.writeTemplate(to: url) }
        if path == "-" { return }
        FileHandle.standardError.write(Data("Modello del piano in «\(path)»: un foglio per tipo di elemento e il foglio «Istruzioni».\n".utf8))
    }
}
