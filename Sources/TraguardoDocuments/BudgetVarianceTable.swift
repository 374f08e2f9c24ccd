import Foundation
import TraguardoCore

/// The conto economico set against the budget (seed 001, allegato n. 3: «Conto Economico: Budget iniziale
/// confrontato con Consuntivo», scostamenti da revisione di budget): one row per account, in the plan's order,
/// with preventivo, aggiornato, consuntivo, scostamento and scostamento % exactly as `AccountFigures` computes them
/// (scostamento = consuntivo − aggiornato; % over the aggiornato, 2 decimals). Subtotals stand out.
public enum BudgetVarianceTable {
    public struct Row: Hashable, Sendable {
        public var code: String
        public var description: String
        /// A subtotal: the `padre` of other lines.
        public var isSubtotal: Bool
        public var preventivo: Decimal?
        public var aggiornato: Decimal?
        public var consuntivo: Decimal?
        public var scostamento: Decimal?
        public var scostamentoPercentuale: Decimal?
    }

    /// The accounts that have a consuntivo and a budget (preventivo or aggiornato) to compare it with, in order.
    public static func rows(plan: CyclePlan) -> [Row] {
        let lines = plan.accountLines.enumerated()
            .sorted { ($0.element.sortOrder, $0.offset) < ($1.element.sortOrder, $1.offset) }.map(\.element)
        let parents = Set(lines.compactMap(\.parentCode))
        var seen: Set<String> = []
        var out: [Row] = []
        for line in lines where seen.insert(line.code).inserted {
            let phases = Set(lines.filter { $0.code == line.code }.map(\.phase))
            func figure(_ name: String) -> Decimal? { AccountFigures.value("\(line.code)/\(name)", in: plan) }
            let row = Row(
                code: line.code, description: line.description, isSubtotal: parents.contains(line.code),
                preventivo: phases.contains(.preventivo) ? figure("preventivo") : nil,
                aggiornato: phases.contains(.aggiornato) ? figure("aggiornato") : nil,
                consuntivo: phases.contains(.consuntivo) ? figure("consuntivo") : nil,
                scostamento: figure("scostamento"), scostamentoPercentuale: figure("scostamento-percentuale"))
            out.append(row)
        }
        // Only a comparison when there is something to compare: some account with both a budget and a consuntivo.
        guard out.contains(where: { $0.consuntivo != nil && ($0.aggiornato != nil || $0.preventivo != nil) }) else { return [] }
        return out
    }

    /// The table, or nil when the plan has no account to compare.
    public static func table(plan: CyclePlan) -> DocumentTable? {
        let rows = rows(plan: plan)
        guard !rows.isEmpty else { return nil }
        return DocumentTable(
            caption: "Allegato – Scostamenti di bilancio \(plan.cycle.year): conto economico, budget e consuntivo (euro)",
            columns: ["Conto", "Descrizione", "Preventivo", "Aggiornato", "Consuntivo", "Scostamento", "Scostamento %"],
            rows: rows.map { row in
                let emphasis: CellEmphasis = row.isSubtotal ? .strong : .none
                return [
                    TableCell(row.code, emphasis: emphasis), TableCell(row.description, emphasis: emphasis),
                    .amount(row.preventivo, emphasis: emphasis, missing: "—"),
                    .amount(row.aggiornato, emphasis: emphasis, missing: "—"),
                    .amount(row.consuntivo, emphasis: emphasis, missing: "—"),
                    .amount(row.scostamento, emphasis: emphasis, missing: "—"),
                    .percent(row.scostamentoPercentuale, fractionDigits: 2, emphasis: emphasis, missing: "—"),
                ]
            })
    }
}
