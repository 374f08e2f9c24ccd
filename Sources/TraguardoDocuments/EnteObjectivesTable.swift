import Foundation
import TraguardoCore

/// The Ente's objectives outside the tree (Massa-Carrara's «Obiettivi Fondo integrazione risorse»,
/// seed 003 righe 2403-2414): objective, weight, indicator, description, algorithm and target of the year.
enum EnteObjectivesTable {
    static func blocks(for plan: CyclePlan, level: Int) -> [DocumentBlock] {
        let index = PlanIndex(plan)
        let year = plan.cycle.year
        let objectives = plan.objectives.enumerated().filter { $0.element.kind == .ente && $0.element.year == year }
            .sorted { ($0.element.sortOrder, $0.offset) < ($1.element.sortOrder, $1.offset) }.map(\.element)
        guard !objectives.isEmpty else { return [] }
        var rows: [[TableCell]] = []
        for objective in objectives {
            let indicators = index.indicators(ofObjective: objective)
            let title = TableCell(PlanIndex.label(objective.code, objective.title), emphasis: .strong)
            if indicators.isEmpty {
                rows.append([title, "", "", "", "", ""])
                continue
            }
            for indicator in indicators {
                rows.append([
                    title,
                    indicator.weight.map { .figure(TableFigure($0, fractionDigits: 2, unit: .percent)) } ?? .trailing(""),
                    TableCell(PlanIndex.label(indicator.code, indicator.name)),
                    TableCell(PlanIndex.oneLine(indicator.description ?? "")),
                    TableCell(PlanIndex.oneLine(indicator.formula ?? "")),
                    index.targetCell(of: indicator, year: year),
                ])
            }
        }
        return [
            .heading(level: level, text: "Obiettivi di Ente \(year)"),
            .table(DocumentTable(
                caption: "Obiettivi di Ente \(year)",
                columns: ["Obiettivo", "Peso", "Indicatore", "Descrizione", "Algoritmo", "Target \(year)"], rows: rows)),
        ]
    }
}
