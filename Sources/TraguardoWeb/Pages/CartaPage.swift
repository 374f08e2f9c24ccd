import Foundation
import TraguardoCore

/// The Carta dei servizi of an Ente-year, as its allegato prints it (`ServiceCharterTable`): each row's standard,
/// what was measured and its result, then TOTALE and «% RISULTATO CONSEGUITO SU N PROCESSI». Two sources, one
/// link apart: the results typed in the plan, or those computed from the stored cases (as `--carta-da-casi`), the
/// latter with each row's cases, mean and maximum working days, cases within the standard and justified ones.
public struct CartaPage: WebPage {
    public static let templateName = "carta"
    /// The query that asks for the Carta computed from the cases.
    public static let fromCasesQuery = "fonte=casi"

    public var title: String
    public var entityName: String
    /// Whether the rows are computed from the cases (then the case columns are shown).
    public var fromCases: Bool
    /// Where the numbers come from, in a sentence.
    public var note: String
    public var rows: [Row]
    public var hasRows: Bool
    public var footer: [String]
    /// The other source of the same Carta (typed ↔ from the cases).
    public var otherSource: NavLink
    /// The Importazione page's form of the cases, for the roles that may import.
    public var importLink: NavLink?

    public struct Row: Sendable {
        public var code: String
        public var process: String
        public var standard: String
        public var measured: String
        public var result: String
        public var cases: String
        public var meanDays: String
        public var maximumDays: String
        public var withinStandard: String
        public var justified: String
    }

    /// - Parameters:
    ///   - table: the allegato, of the typed results or (with `summaries`) of the cases.
    ///   - storedCases: the cases stored for the Ente-year; nil: the page shows the typed results.
    ///   - note: for the Carta from the cases, `ServiceCharterFromCases.sourceNote`.
    ///   - mayImport: the user may import the cases (`Action.importData`).
    public static func make(
        plan: CyclePlan, table: ServiceCharterTable, storedCases: Int?, note: String?, mayImport: Bool
    ) -> CartaPage {
        let ente = plan.entity.code, year = plan.cycle.year
        let page = WebRoutes.carta(ente: ente, anno: year)
        let fromCases = storedCases != nil
        func count(_ value: Int?) -> String { value.map { ItalianFormatting.number(Decimal($0)) } ?? "—" }
        let rows = table.rows.map { row in
            Row(code: row.code, process: row.process, standard: row.standard, measured: row.measured, result: row.result,
                cases: count(row.cases),
                meanDays: row.meanDays.map { ItalianFormatting.number($0.rounded(.halfUp, digits: 2)) } ?? "—",
                maximumDays: count(row.maximumDays), withinStandard: count(row.withinStandard), justified: count(row.justified))
        }
        let text: String
        if let storedCases, storedCases == 0 {
            text = "Nessun caso registrato per questo anno: ogni riga è N.C. I casi si importano da Amministrazione › Importazione "
                + "(o con «traguardo carta import-casi»)."
        } else {
            text = note ?? "Risultati come digitati nel piano (o importati dal file del piano)."
        }
        return CartaPage(
            title: "Carta dei servizi \(plan.entity.shortName ?? plan.entity.name) \(year)", entityName: plan.entity.name,
            fromCases: fromCases, note: text, rows: rows, hasRows: !rows.isEmpty, footer: rows.isEmpty ? [] : table.footer,
            otherSource: fromCases
                ? NavLink(label: "Mostra i risultati digitati nel piano", href: page)
                : NavLink(label: "Calcola dai casi registrati (giorni lavorativi)", href: page + "?" + fromCasesQuery),
            importLink: mayImport ? NavLink(label: "Importa i casi dei registri", href: WebRoutes.importazione + "#casi") : nil)
    }
}
