import Foundation

/// The scores of one Ente-year under two methodologies (the adopted one and a draft, last year's, a preset),
/// element by element: what changes, by how much, the formula under each, the rules that differ, and the
/// managers' distribution in bands under each.
///
/// ```swift
/// let comparison = MethodologyComparison(plan, period: "ANNO", current: plan.methodology, proposed: preset)
/// ```
public struct MethodologyComparison: Sendable {
    /// One element whose shown score or points differ.
    public struct Row: Hashable, Sendable {
        public var subject: ScoreSubject
        public var before: Score
        public var after: Score
        /// after − before, where both are computable.
        public var difference: Decimal?
        /// How each number is obtained: «formula → valore» under each methodology.
        public var beforeFormula: String
        public var afterFormula: String

        /// The score as printed under the current methodology: «100», or «100, punti 50» where the points differ.
        public var beforeShown: String { Self.shown(before, pointsDiffer: before.points != after.points) }
        public var afterShown: String { Self.shown(after, pointsDiffer: before.points != after.points) }
        /// «+1,5», «−2»: the difference with its sign; nil where one side is not computable.
        public var differenceShown: String? {
            difference.map { ($0 > 0 ? "+" : "") + ItalianFormatting.number($0) }
        }

        static func shown(_ score: Score, pointsDiffer: Bool) -> String {
            guard pointsDiffer else { return score.shown }
            return score.shown + ", punti " + (score.points.map { ItalianFormatting.number($0) } ?? "—")
        }
    }

    public var current: PlanScores
    public var proposed: PlanScores
    /// Elements whose score or points differ, Ente first, then managers, objectives, nodes, indicators, items.
    public var rows: [Row]
    /// The rules the two methodologies set differently.
    public var ruleDifferences: [String]
    public var currentDistribution: ScoreDistribution
    public var proposedDistribution: ScoreDistribution
    /// How many elements were compared.
    public var compared: Int

    public init(
        _ plan: CyclePlan, period: String? = nil, current: MethodologyVersion?, proposed: MethodologyVersion
    ) {
        let before = PlanScorer.score(plan, period: period, methodology: current)
        let after = PlanScorer.score(plan, period: period, methodology: proposed)
        self.current = before
        self.proposed = after
        func key(_ subject: ScoreSubject) -> String { "\(subject.kind.rawValue)|\(subject.id)" }
        let old = Dictionary(before.all.map { (key($0.subject), $0) }, uniquingKeysWith: { a, _ in a })
        let new = Dictionary(after.all.map { (key($0.subject), $0) }, uniquingKeysWith: { a, _ in a })
        rows = WhatIf.changes(from: before, to: after).map { change in
            let previous = old[key(change.subject)]
            let next = new[key(change.subject)]
            var difference: Decimal?
            if let a = change.before.value, let b = change.after.value { difference = b - a }
            return Row(subject: change.subject, before: change.before, after: change.after, difference: difference,
                       beforeFormula: previous.map(Self.formula) ?? "", afterFormula: next.map(Self.formula) ?? "")
        }
        ruleDifferences = MethodologyDifferences.lines(
            from: current?.rules ?? MethodologyPresets.standard, to: proposed.rules)
        currentDistribution = ScoreDistribution(managers: before)
        proposedDistribution = ScoreDistribution(managers: after)
        compared = after.all.count
    }

    /// «lucca-2018 v2»: a methodology as the comparison names it.
    public static func name(_ reference: MethodologyReference) -> String {
        reference.name + (reference.version.map { " v\($0)" } ?? "")
    }

    /// How many of the changed elements go up, and how many go down (the others change only where one side is N.C.).
    public var risen: Int { rows.filter { ($0.difference ?? 0) > 0 }.count }
    public var fallen: Int { rows.filter { ($0.difference ?? 0) < 0 }.count }

    static func formula(_ element: ScoredElement) -> String {
        "\(element.explanation.formula.text) → \(element.score.shown)"
    }
}
