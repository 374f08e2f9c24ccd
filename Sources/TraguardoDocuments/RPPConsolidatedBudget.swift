import Foundation
import TraguardoCore

/// The RPP of a merged Ente whose plan has been consolidated (`traguardo merge`): the consolidated budget, kind ×
/// phase, beside the sum of the original Enti's, and whether each total adds up (`PlanConsolidation.budgetProblems`,
/// the same rule as the check `BILANCIO-CONSOLIDATO`).
enum RPPConsolidatedBudget {
    static func blocks(for plan: CyclePlan, parts: [CyclePlan]) -> [DocumentBlock] {
        guard PlanConsolidation.isConsolidated(plan) else { return [] }
        let year = plan.cycle.year
        let total = PlanConsolidation.resources
        var rows: [[TableCell]] = []
        for kind in ResourceKind.allCases {
            for phase in BudgetPhase.allCases {
                let consolidated = total(plan, kind, phase), sum = parts.map { total($0, kind, phase) }.reduce(0, +)
                guard consolidated != 0 || sum != 0 else { continue }
                rows.append([
                    TableCell("\(kind.label) – \(phase.label)"), TableCell(ItalianFormatting.amount(consolidated)),
                    TableCell(ItalianFormatting.amount(sum)), TableCell(consolidated == sum ? "sì" : "no"),
                ])
            }
        }
        let problems = PlanConsolidation.budgetProblems(plan, parts: parts)
        var blocks: [DocumentBlock] = [
            .pageBreak, .heading(level: 1, text: "Bilancio consolidato \(year)"),
            .paragraph("Il piano consolidato di \(plan.entity.shortName ?? plan.entity.name) riunisce gli alberi delle Camere di origine, "
                + "ciascuno in un'area con i codici preceduti dalle iniziali della Camera (per esempio LU.2C)."),
        ]
        if !rows.isEmpty {
            blocks.append(.table(DocumentTable(
                caption: "Risorse \(year): piano consolidato e somma delle Camere di origine",
                columns: ["Risorse", "Consolidato (€)", "Somma delle parti (€)", "Quadra"], rows: rows)))
        }
        blocks.append(problems.isEmpty
            ? .paragraph("Ogni totale del piano consolidato è la somma dei totali delle Camere di origine.")
            : .note("Il bilancio consolidato non quadra: " + problems.joined(separator: "; ") + "."))
        return blocks
    }
}
