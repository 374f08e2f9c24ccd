import Foundation

/// A check reads a plan (and, when given, the scores Traguardo computed) and reports findings.
/// Checks are pure: the same input gives the same findings, in the same order.
public protocol PlanCheck: Sendable {
    /// Stable code of the check, also the code of its findings.
    var code: String { get }
    /// A short Italian title ("Somme dei conti").
    var title: String { get }
    func findings(in context: CheckContext) -> [Finding]
}

/// What the checks read.
public struct CheckContext: Sendable {
    public var plan: CyclePlan
    /// The score Traguardo computes for an element, by element id (node, indicator, objective);
    /// nil when scoring was not run or the element is N.C.
    public var computedScore: @Sendable (String) -> Decimal?
    /// The whole scored plan, when scoring was run: totals and what a check needs beyond one value.
    public var scores: PlanScores?
    /// The same Ente's other years, for the checks across years; empty when only one year is checked.
    public var otherYears: [CyclePlan]
    /// For a merged Ente (`Cycle.componentEntityCodes`), the same year's plans of the Enti it was made from.
    public var components: [CyclePlan]

    public init(
        plan: CyclePlan, computedScore: @escaping @Sendable (String) -> Decimal? = { _ in nil }, scores: PlanScores? = nil,
        otherYears: [CyclePlan] = [], components: [CyclePlan] = []
    ) {
        self.plan = plan
        self.computedScore = computedScore
        self.scores = scores
        self.otherYears = otherYears
        self.components = components
    }
}
