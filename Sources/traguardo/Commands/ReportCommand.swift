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
        abstract: "Produce un documento dell'Ente-anno (Relazione sulla performance, …) in HTML, XLSX o PDF.",
        discussion: """
            DOCUMENTO: \(DocumentKind.allCases.map { "\($0.rawValue) (\($0.title))" }.joined(separator: "; ")).
            Formati: html (predefinito: un unico file autosufficiente, stampabile in A4), xlsx (un foglio per \
            tabella, le cifre come numeri), pdf (A4, con Chromium headless: serve il programma chromium).
            Ogni documento dice l'Ente, l'anno, il periodo, la metodologia e i dati da cui è stato prodotto; \
            ogni numero viene dal motore di calcolo, come lo stampa traguardo score.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("Il documento: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "documento"))
    var kind: String

    func validate() throws {
        _ = try ReportRequest.check(kind: kind, format: output.format)
    }

    /// What the document says it was made from: the database kind and the file's name, never a password or a folder.
    static func describe(_ location: DatabaseLocation) -> String {
        switch location {
        case .sqlite(let path): "database SQLite «\(URL(fileURLWithPath: path).lastPathComponent)»"
        case .postgres: "database PostgreSQL"
        }
    }

    func run() async throws {
        let (kind, format) = try ReportRequest.check(kind: kind, format: output.format)
        let source = try database.location()
        let (plan, components, lastChange) = try await database.withStore { store in
            let plan = try await scope.loadPlan(from: store)
            var components: [CyclePlan] = []
            for code in kind.componentEntityCodes(of: plan) {
                guard let part = try await store.loadPlan(CycleScope(entityCode: code, year: plan.cycle.year)) else {
                    throw CommandFailure(message: "«\(kind.rawValue)» di \(plan.entity.code) \(plan.cycle.year) è fatto anche del piano "
                        + "di «\(code)» per lo stesso anno, che non è nel database: importarlo (traguardo import …)")
                }
                components.append(part)
            }
            let last = try await store.auditLog(AuditQuery(entityCode: plan.entity.code, year: plan.cycle.year, limit: 1)).first
            return (plan, components, last.map { (number: $0.id, at: $0.at) })
        }
        let scores = PlanScorer.score(plan, period: scope.period)
        var document: Document
        do {
            document = try kind.build(plan: plan, scores: scores, components: components, source: Self.describe(source))
        } catch {
            throw CommandFailure(message: "\(error)")
        }
        document.snapshot = DocumentSnapshot(plan: plan, period: scope.period, lastChange: lastChange)
        try ReportWriter.write(document, format: format, to: output.output, suggestedName: "\(kind.rawValue)-\(plan.cycle.year)")
        if let path = output.output, path != "-" {
            FileHandle.standardError.write(Data(
                "Scritto il documento «\(document.title)» di \(plan.entity.code) \(plan.cycle.year) in «\(path)».\n".utf8))
        }
    }
}
