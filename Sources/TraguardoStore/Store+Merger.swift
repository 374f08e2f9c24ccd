import Foundation
import TraguardoCore

/// What `Store.consolidate` did: the mapping of every original code and the consolidated plan's budget.
public struct PlanMergerSummary: Sendable {
    public var plan: CyclePlan
    public var mapping: [PlanConsolidation.Mapping]
    public var saved: PlanSaveSummary
}

/// The merger of several Enti into one (Toscana Nord-Ovest from Lucca, Pisa and Massa-Carrara): the consolidated
/// plan (`PlanConsolidation`) saved as the merged Ente's plan of the year, the originals left as they are.
extension Store {
    /// The same year's plans of the Enti the plan's Ente was made from (`Cycle.componentEntityCodes`), those stored:
    /// what the check of the consolidated budget (`ConsolidatedBudgetCheck`) compares with.
    public func componentPlans(of plan: CyclePlan) async throws(StoreError) -> [CyclePlan] {
        var plans: [CyclePlan] = []
        for code in plan.cycle.componentEntityCodes {
            if let part = try await loadPlan(CycleScope(entityCode: code, year: plan.cycle.year)) { plans.append(part) }
        }
        return plans
    }

    /// Consolidates the plans of `codes` (by default the cycle's `enti_componenti`) of the same year into the plan of
    /// `scope`, and saves it (a bozza until approved; on an approved plan a variation citing `citation`). Refused,
    /// nothing written, when a plan is missing, the merged plan already has a tree (unless `replace`), the
    /// consolidated budget is not the sum of the parts, or an approved plan has no act.
    public func consolidate(
        into scope: CycleScope, from codes: [String]?, act citation: String?, replace: Bool, actor: String
    ) async throws(StoreError) -> PlanMergerSummary {
        guard var merged = try await loadPlan(scope) else {
            throw .integrity("l'Ente-anno \(scope.entityCode) \(scope.year) non è nel database: importarne prima il piano (anche solo Ente, anno e atti)")
        }
        let parts = codes ?? merged.cycle.componentEntityCodes
        guard !parts.isEmpty else {
            throw .integrity("l'Ente «\(scope.entityCode)» \(scope.year) non ha enti componenti: indicarli con --from (per esempio lucca,pisa,massa-carrara)")
        }
        if parts.contains(scope.entityCode) || Set(parts).count != parts.count {
            throw .integrity("enti componenti non validi (\(parts.joined(separator: ", "))): ognuno una volta, diverso da «\(scope.entityCode)»")
        }
        var plans: [CyclePlan] = []
        for code in parts {
            guard let part = try await loadPlan(CycleScope(entityCode: code, year: scope.year)) else {
                throw .integrity("manca il piano \(scope.year) di «\(code)»: importarlo prima del consolidamento")
            }
            plans.append(part)
        }
        if !replace, !merged.nodes.isEmpty {
            throw .integrity("il piano \(scope.year) di «\(scope.entityCode)» ha già un albero (\(merged.nodes.count) nodi): per rifare il consolidamento usare --replace")
        }
        merged.cycle.componentEntityCodes = parts
        let (plan, mapping) = PlanConsolidation.consolidate(merged, parts: plans)
        let problems = PlanConsolidation.budgetProblems(plan, parts: plans)
        if !problems.isEmpty { throw .integrity("il bilancio consolidato non è la somma delle parti: " + problems.joined(separator: "; ")) }
        var act: Act?
        if PlanApproval.state(of: merged) == .approved {
            guard let citation, !citation.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw .integrity("il piano \(scope.year) di «\(scope.entityCode)» è approvato: il consolidamento è una variazione, "
                    + "indicare l'atto con --act (per esempio «\(ActCitationError.example)» o il codice di un atto del piano)")
            }
            switch ActCitation.act(citation, in: merged, subject: "Consolidamento del piano \(scope.year)") {
            case .success(let found): act = found
            case .failure(let error): throw .integrity(error.description)
            }
        }
        let saved = try await savePlan(plan, actor: actor, act: act)
        return PlanMergerSummary(plan: plan, mapping: mapping, saved: saved)
    }
}
