import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoDocuments
import TraguardoExchange
import TraguardoStore

/// `traguardo report DOCUMENTO --entity E --year Y [--period P] --format F -o FILE`: the documents the Ente
/// publishes, from the stored plan and the scoring engine's numbers, in the format asked for.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Produce un documento dell'Ente-anno (RPP, Piano, Relazione, schede di valutazione, dati aperti).",
        discussion: """
            DOCUMENTO: \(DocumentKind.allCases.map { "\($0.rawValue) (\($0.title))" }.joined(separator: "; ")); \
            opendata (i dati aperti: --format json, un file; --format csv -o CARTELLA, un CSV per tabella con \
            datapackage.json; schema in docs/dati-aperti.md).
            Formati dei documenti: html (predefinito: un unico file autosufficiente, stampabile in A4), docx \
            (Word), xlsx (un foglio per tabella, le cifre come numeri), pdf (A4, con Chromium headless: serve \
            il programma chromium).
            --carta-da-casi: la Carta dei servizi calcolata dai casi registrati (traguardo carta import-casi), e il \
            documento lo dice fra i dati da cui è prodotto.
            Ogni documento dice l'Ente, l'anno, il periodo, la metodologia e i dati da cui è stato prodotto; \
            ogni numero viene dal motore di calcolo, come lo stampa traguardo score.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var carta: CartaSourceOptions

    @Argument(help: ArgumentHelp(
        "Il documento: \((DocumentKind.allCases.map(\.rawValue) + [OpenDataReport.name]).joined(separator: ", ")).", valueName: "documento"))
    var kind: String

    func validate() throws {
        if kind.lowercased() == OpenDataReport.name {
            _ = try OpenDataReport.check(format: output.format)
        } else {
            _ = try ReportRequest.check(kind: kind, format: output.format)
        }
    }

    /// What the document says it was made from: the database kind and the file's name, never a password or a folder.
    static func describe(_ location: DatabaseLocation) -> String {
        switch location {
        case .sqlite(let path): "database SQLite «\(URL(fileURLWithPath: path).lastPathComponent)»"
        case .postgres: "database PostgreSQL"
        }
    }

    func run() async throws {
        if kind.lowercased() == OpenDataReport.name {
            let format = try OpenDataReport.check(format: output.format)
            let plan = try await database.withStore { store in
                try await carta.plan(try await scope.loadPlan(from: store), period: scope.period, store: store).plan
            }
            try OpenDataReport.write(plan: plan, period: scope.period, format: format, to: output.output)
            return
        }
        let (kind, format) = try ReportRequest.check(kind: kind, format: output.format)
        let source = try database.location()
        let (sources, note) = try await database.withStore { store in
            // The plan read once; the store adds the component plans and the last change (a closed period: its
            // snapshot), then the Carta from the cases when asked.
            let plan = try await scope.loadPlan(from: store)
            do {
                var sources = try await store.documentSources(
                    of: plan, period: scope.period, document: kind.rawValue, components: kind.componentEntityCodes(of:))
                let (charter, note) = try await carta.plan(sources.plan, period: scope.period, store: store)
                sources.plan = charter
                return (sources, note)
            } catch let missing as MissingComponentPlan {
                throw CommandFailure(message: missing.description)
            }
        }
        let plan = sources.plan
        let document: Document
        do {
            document = try kind.document(
                plan: plan, components: sources.components, period: scope.period, lastChange: sources.lastChange,
                source: Self.describe(source) + (note.map { "; " + $0.dropLast() } ?? ""), closedWithoutSnapshot: sources.closedWithoutSnapshot)
        } catch {
            throw CommandFailure(message: "\(error)")
        }
        try ReportWriter.write(document, format: format, to: output.output, suggestedName: "\(kind.rawValue)-\(plan.cycle.year)")
        if let path = output.output, path != "-" {
            FileHandle.standardError.write(Data(
                "Scritto il documento «\(document.title)» di \(plan.entity.code) \(plan.cycle.year) in «\(path)».\n".utf8))
        }
    }
}
