import Foundation

/// The budget of a merged Ente (Toscana Nord-Ovest from Lucca, Pisa and Massa-Carrara) is the sum of the budgets of
/// the Enti it was made from (`PlanConsolidation.budgetProblems`): each total that does not add up is an error. Runs
/// only on a plan with a consolidated tree (`PlanConsolidation.isConsolidated`) when the components' plans are given.
public struct ConsolidatedBudgetCheck: PlanCheck {
    public let code = "BILANCIO-CONSOLIDATO"
    public let title = "Bilancio consolidato"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        let codes = plan.cycle.componentEntityCodes
        guard !codes.isEmpty, PlanConsolidation.isConsolidated(plan) else { return [] }
        let parts = codes.compactMap { code in context.components.first { $0.entity.code == code && $0.cycle.year == plan.cycle.year } }
        guard !parts.isEmpty else { return [] }
        var problems = PlanConsolidation.budgetProblems(plan, parts: parts)
        let missing = codes.filter { code in !parts.contains { $0.entity.code == code } }
        if !missing.isEmpty { problems.insert("mancano i piani \(plan.cycle.year) di \(missing.joined(separator: ", ")): totali non confrontabili", at: 0) }
        return problems.map { problem in
            Finding(
                code: code, severity: .error, elementKind: "ente", elementCode: plan.entity.code, provenance: nil,
                message: "Il bilancio consolidato \(plan.cycle.year) non è la somma degli Enti d'origine (\(codes.joined(separator: ", "))): "
                    + "\(problem). Ripetere il consolidamento (traguardo merge) o correggere la riga.")
        }
    }
}
