import Foundation
import TraguardoCore

/// Massa-Carrara's RPP layout (seed 003, righe 2008-2245, «Albero della performance» and «Riepilogo obiettivi
/// strategici»): per area its strategic objectives, each with description, missione and programma
/// (D.M. 27/03/2013), BSC perspective, «Risorse» as the plan carries them, and its coded indicators with
/// algorithm, targets for each year of the plan, tipologia, unità di misura and fonte.
/// Also the layout of any plan that is a plain tree of areas and objectives.
struct RPPPerformanceTree: RPPLayout {
    let input: RPPLayoutInput

    func blocks() -> [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        let roots = index.roots
        guard !roots.isEmpty else { return [] }
        blocks.append(.heading(level: level, text: "Albero della performance \(year)"))
        blocks.append(.table(summary()))
        for node in roots { blocks += self.node(node, depth: 0) }
        return blocks
    }

    /// The tree at a glance: area, objective, missione and programma, perspective, resources.
    private func summary() -> DocumentTable {
        var rows: [[TableCell]] = []
        for area in index.roots {
            rows.append([TableCell(PlanIndex.label(area.code, area.title), emphasis: .strong, columnSpan: 5)])
            for objective in index.children(of: area) {
                rows.append([
                    TableCell(PlanIndex.label(objective.code, objective.title)),
                    TableCell(objective.missionCode.map { NationalClassification.missionLabel($0) } ?? ""),
                    TableCell(objective.programmeCode.map { programme in
                        NationalClassification.programmeLabel(mission: objective.missionCode, programme)
                    } ?? ""),
                    TableCell(objective.perspective ?? ""),
                    Self.amounts(resources(of: objective).map(\.amount)),
                ])
            }
        }
        return DocumentTable(
            caption: "Obiettivi strategici \(year) per area",
            columns: [index.label(of: .strategicObjective), "Missione", "Programma", "Prospettiva", "Risorse \(year)"], rows: rows)
    }

    /// The node's resources of the year in the document's phase, as figures the core rebuilds (`BudgetTotals`),
    /// only for the kinds the node has.
    /// One amount as a number; several (oneri / investimenti) as their texts side by side; none as an empty cell.
    private static func amounts(_ amounts: [Decimal]) -> TableCell {
        amounts.count == 1 ? .amount(amounts[0]) : .trailing(amounts.map { PlanIndex.money($0) }.joined(separator: " / "))
    }

    private func resources(of node: PlanNode) -> [(kind: ResourceKind, amount: Decimal)] {
        ResourceKind.allCases.compactMap { kind in
            guard index.hasResource(kind, phase, on: node),
                  let amount = BudgetTotals.resources(kind, phase, of: node.code, in: plan) else { return nil }
            return (kind, amount)
        }
    }

    private func node(_ node: PlanNode, depth: Int) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = [
            .heading(level: min(level + 1 + depth, 5), text: "\(index.label(of: node.kind)) \(node.code): \(PlanIndex.oneLine(node.title))"),
        ]
        var facts: [[TableCell]] = []
        if let description = node.description { facts.append(["Descrizione", TableCell(PlanIndex.oneLine(description))]) }
        if let mission = node.missionCode { facts.append(["Missione", TableCell(NationalClassification.missionLabel(mission))]) }
        if let programme = node.programmeCode {
            facts.append(["Programma (D.M. 27/03/2013)", TableCell(NationalClassification.programmeLabel(mission: node.missionCode, programme))])
        }
        if let perspective = node.perspective { facts.append(["Prospettiva", TableCell(perspective)]) }
        if let span = node.timeSpan { facts.append(["Arco temporale", TableCell(span)]) }
        if let office = index.unit(node.ownerUnitID) { facts.append(["Responsabile", TableCell(office.name)]) }
        for (kind, amount) in resources(of: node) {
            facts.append([TableCell("Risorse \(year) (\(kind.label.lowercased()), \(phase.rawValue))"), .amount(amount)])
        }
        if !facts.isEmpty {
            blocks.append(.table(DocumentTable(caption: "\(index.label(of: node.kind)) \(node.code)", columns: ["Voce", "Contenuto"], rows: facts)))
        }
        let indicators = index.indicators(ofNode: node)
        if !indicators.isEmpty { blocks.append(.table(Self.indicatorTable(indicators, of: node.code, index: index))) }
        for child in index.children(of: node) { blocks += self.node(child, depth: depth + 1) }
        return blocks
    }

    /// Indicator, algorithm, the target of each year, tipologia, unità di misura, fonte.
    static func indicatorTable(_ indicators: [Indicator], of owner: String, index: PlanIndex) -> DocumentTable {
        let years = index.targetYears
        let rows: [[TableCell]] = indicators.map { indicator in
            var name = PlanIndex.oneLine(indicator.name)
            if let description = indicator.description, !description.isEmpty, description != indicator.name {
                name += " – " + PlanIndex.oneLine(description)
            }
            return [TableCell(indicator.code, emphasis: .strong), TableCell(name), TableCell(PlanIndex.oneLine(indicator.formula ?? ""))]
                + years.map { index.targetCell(of: indicator, year: $0) }
                + [TableCell(indicator.type?.label ?? ""), TableCell(indicator.unit ?? ""), TableCell(indicator.source ?? "")]
        }
        return DocumentTable(
            caption: "Indicatori dell'obiettivo \(owner)",
            columns: ["Codice", "Indicatore", "Algoritmo"] + years.map { "Target \($0)" } + ["Tipologia", "Unità di misura", "Fonte"],
            rows: rows)
    }
}
