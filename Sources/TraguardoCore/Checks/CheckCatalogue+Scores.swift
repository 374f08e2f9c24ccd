import Foundation

extension CheckCatalogue {
    /// Every check on the plan, fed with the scores the engine computes for `period` (the last of the year
    /// when nil): what `traguardo check` prints and the «Verifiche» page shows. `otherYears`: the same Ente's other
    /// years, for the checks across years; `components`: for a merged Ente, the plans of the Enti it was made from.
    public static func findings(in plan: CyclePlan, period: String?, otherYears: [CyclePlan] = [], components: [CyclePlan] = []) -> [Finding] {
        let scores = PlanScorer.score(plan, period: period)
        var computed: [String: Decimal] = [:]
        for group in [scores.nodes, scores.indicators, scores.objectives, scores.items] {
            for (id, element) in group { if let value = element.score.value { computed[id] = value } }
        }
        let frozen = computed
        return run(CheckContext(plan: plan, computedScore: { frozen[$0] }, scores: scores, otherYears: otherYears, components: components))
    }
}
