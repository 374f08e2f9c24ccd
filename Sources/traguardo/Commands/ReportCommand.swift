import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoDocuments
import TraguardoExchange
import TraguardoStore

/// `traguardo report relazione --entity E --year Y [--period P] --format html -o FILE`: the documents the Ente
/// publishes, from the stored plan and the scoring engine's numbers. For now the Relazione sulla performance
/// in HTML or XLSX; the other documents and formats answer with what exists.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Produce un documento dell'Ente-anno (per ora la Relazione sulla performance in HTML).",
        discussion: """
            DOCUMENTO: relazione (Relazione sulla performance: sintesi, obiettivi per dirigente con indicatori, \
            risultati e commenti, allegati Carta dei servizi, procedimenti, obiettivi di Ente, riepilogo dei dirigenti). \
            rpp, piano, valutazione e opendata non sono ancora disponibili.
            --format html (predefinito) scrive un unico file HTML autosufficiente, stampabile in A4 dal browser; \
            --format xlsx una cartella di lavoro con un foglio per tabella (le cifre come numeri).
            Ogni numero viene dal motore di calcolo, come lo stampa traguardo score.
            """)

    static let available = ["relazione"]
    static let planned = ["rpp", "piano", "valutazione", "opendata"]
    static let formats = ["html", "xlsx"]
    static let plannedFormats = ["docx", "pdf", "csv", "json"]

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("Il documento: relazione.", valueName: "documento"))
    var kind: String

    func validate() throws {
        _ = try Self.check(kind: kind, format: output.format)
    }

    /// The document and the format asked for, or the Italian error naming what exists.
    static func check(kind: String, format: String?) throws -> (kind: String, format: String) {
        let kind = kind.lowercased()
        let format = (format ?? "html").lowercased()
        let existing = "disponibili: documento «\(available.joined(separator: "», «"))» in formato «\(formats.joined(separator: "», «"))»"
        if !available.contains(kind) {
            if planned.contains(kind) {
                throw ValidationError("il documento «\(kind)» non è ancora disponibile (\(existing))")
            }
            throw ValidationError("documento «\(kind)» sconosciuto (\(existing))")
        }
        if !formats.contains(format) {
            if plannedFormats.contains(format) {
                throw ValidationError("il formato «\(format)» non è ancora disponibile per «\(kind)» (\(existing))")
            }
            throw ValidationError("formato «\(format)» sconosciuto (\(existing))")
        }
        return (kind, format)
    }

    /// What the document says it was made from: the database kind and the file's name, never a password or a folder.
    static func describe(_ location: DatabaseLocation) -> String {
        switch location {
        case .sqlite(let path): "database SQLite «\(URL(fileURLWithPath: path).lastPathComponent)»"
        case .postgres: "database PostgreSQL"
        }
    }

    func run() async throws {
        let format = try Self.check(kind: kind, format: output.format).format
        let source = try database.location()
        let plan = try await database.withStore { store in try await scope.loadPlan(from: store) }
        let scores = PlanScorer.score(plan, period: scope.period)
        let document = RelazioneBuilder.build(plan: plan, scores: scores, source: Self.describe(source))
        if format == "xlsx" {
            guard let path = output.output, path != "-" else {
                throw CommandFailure(message: "indicare il file con -o FILE (per esempio -o relazione-\(plan.cycle.year).xlsx)")
            }
            do { try XLSXWriter.write(DocumentWorkbook.sheets(document), to: URL(fileURLWithPath: path)) } catch {
                throw CommandFailure(message: error.description)
            }
        } else {
            try OutputWriter.write(HTMLWriter.html(document), to: output.output)
        }
        if let path = output.output, path != "-" {
            FileHandle.standardError.write(Data(
                "Scritta la Relazione sulla performance \(plan.entity.code) \(plan.cycle.year) in «\(path)».\n".utf8))
        }
    }
}
