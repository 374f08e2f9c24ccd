import Foundation

/// How much of a node's budget was used in the plan's year, for one kind of resource (proventi, oneri,
/// investimenti): preventivo, aggiornato and consuntivo totals, the use `consuntivo / aggiornato × 100` and the
/// variance `consuntivo − aggiornato`.
///
/// The totals are `BudgetTotals.resources`: a node at or below the level where the budget is attributed counts
/// its own resource; a node above it (an area whose resources sit on its strategic objectives) and the Ente
/// count the sum of their subtree at that level. A phase is «missing» when no resource of that kind and phase
/// exists for the year in the node's subtree (for the Ente: in the whole plan), not a zero.
public struct BudgetUse: Hashable, Sendable {
    public var kind: ResourceKind
    public var preventivo: Decimal?
    public var aggiornato: Decimal?
    public var consuntivo: Decimal?
    /// `consuntivo / aggiornato × 100`, rounded half-up (halves away from zero) to 2 decimals; nil with
    /// `unavailable` when it cannot be computed.
    public var percent: Decimal?
    /// `consuntivo − aggiornato`, exact (amounts have cents); nil when either is missing.
    public var variance: Decimal?
    /// Why `percent` is nil, in Italian, for the reader.
    public var unavailable: String?

    /// What documents and pages print instead of the missing percent: «n.d. (il budget aggiornato è zero)»;
    /// nil when the percent exists.
    public var notComputableText: String? {
        percent == nil ? "n.d. (\(unavailable ?? "non calcolabile"))" : nil
    }

    /// The rounding of the use: half-up to 2 decimals.
    public static let rounding = RoundingRule(mode: .halfUp, digits: 2)

    /// The use of each kind of resource that has at least one amount for the node (by code) or, with
    /// `nodeCode` nil, for the Ente; empty when the node is unknown or has no resources.
    public static func uses(of nodeCode: String? = nil, in plan: CyclePlan) -> [BudgetUse] {
        ResourceKind.allCases.compactMap { use($0, of: nodeCode, in: plan) }
    }

    /// The use of one kind of resource; nil when the node is unknown or has no resource of that kind at all.
    public static func use(_ kind: ResourceKind, of nodeCode: String? = nil, in plan: CyclePlan) -> BudgetUse? {
        let year = plan.cycle.year
        var subtree: Set<String>?
        if let nodeCode {
            guard let found = plan.subtreeNodeIDs(ofCode: nodeCode) else { return nil }
            subtree = found
        }
        func total(_ phase: BudgetPhase) -> Decimal? {
            let present = plan.resources.contains {
                $0.kind == kind && $0.phase == phase && $0.year == year && (subtree?.contains($0.nodeID) ?? true)
            }
            guard present else { return nil }
            return BudgetTotals.resources(kind, phase, of: nodeCode, in: plan)
        }
        let preventivo = total(.preventivo), aggiornato = total(.aggiornato), consuntivo = total(.consuntivo)
        guard preventivo != nil || aggiornato != nil || consuntivo != nil else { return nil }
        var result = BudgetUse(kind: kind, preventivo: preventivo, aggiornato: aggiornato, consuntivo: consuntivo)
        switch (aggiornato, consuntivo) {
        case (nil, _):
            result.unavailable = "manca il budget aggiornato"
        case (_, nil):
            result.unavailable = "manca il consuntivo"
        case (let aggiornato?, let consuntivo?):
            result.variance = consuntivo - aggiornato
            if aggiornato == 0 {
                result.unavailable = "il budget aggiornato è zero"
            } else {
                result.percent = (consuntivo / aggiornato * 100).rounded(rounding)
            }
        }
        return result
    }

    public init(
        kind: ResourceKind, preventivo: Decimal? = nil, aggiornato: Decimal? = nil, consuntivo: Decimal? = nil,
        percent: Decimal? = nil, variance: Decimal? = nil, unavailable: String? = nil
    ) {
        self.kind = kind
        self.preventivo = preventivo
        self.aggiornato = aggiornato
        self.consuntivo = consuntivo
        self.percent = percent
        self.variance = variance
        self.unavailable = unavailable
    }
}
