import Foundation

/// What a stored version of an Ente-year's plan was made by.
public enum PlanVersionKind: String, Sendable, Codable, CaseIterable {
    /// A change while the plan is a draft (an import, the editor, a rollover).
    case draft = "bozza"
    /// The act approving the plan.
    case approval = "approvazione"
    /// A change to the approved plan, with the act that approved it.
    case variation = "variazione"
    /// A change to the approved plan that is not a variation (units, persons, roles).
    case update = "aggiornamento"
}

/// One version of an Ente-year's plan: who saved it, when, why (with the act), and the plan as it was (the plan
/// proper: no measurements, no results, no methodology, which have their own history).
public struct PlanVersion: Hashable, Sendable {
    public var number: Int
    public var at: Date
    public var actor: String
    public var kind: PlanVersionKind
    public var actLabel: String?
    /// Loaded only where needed (a diff, a history); nil in a list of versions.
    public var plan: CyclePlan?

    public init(number: Int, at: Date, actor: String, kind: PlanVersionKind, actLabel: String? = nil, plan: CyclePlan? = nil) {
        self.number = number
        self.at = at
        self.actor = actor
        self.kind = kind
        self.actLabel = actLabel
        self.plan = plan
    }

    /// The part of an Ente-year that a plan version keeps.
    public static func content(of plan: CyclePlan) -> CyclePlan {
        var content = plan
        content.measurements = []
        content.serviceResults = []
        content.procedureResults = []
        content.methodology = nil
        return content
    }
}

/// One change of one element, in the version that made it: an element's history.
public struct ElementHistoryEntry: Hashable, Sendable {
    public var version: Int
    public var at: Date
    public var actor: String
    public var kind: PlanVersionKind
    public var actLabel: String?
    public var change: PlanChange
}

public enum PlanHistory {
    /// The changes of the element `elementID` (any kind: node, indicator, target …, or whatever hangs under the
    /// node `elementID`), version after version, oldest first. `versions` in order, each with its plan.
    public static func of(_ elementID: String, in versions: [PlanVersion]) -> [ElementHistoryEntry] {
        var entries: [ElementHistoryEntry] = []
        var previous: CyclePlan?
        for version in versions {
            guard let plan = version.plan else { continue }
            let changes: [PlanChange]
            if let previous {
                changes = PlanDiff.changes(from: previous, to: plan)
            } else {
                changes = PlanDiff.changes(from: CyclePlan(entity: plan.entity, cycle: plan.cycle), to: plan)
            }
            for change in changes where change.elementID == elementID || change.nodeID == elementID {
                entries.append(ElementHistoryEntry(
                    version: version.number, at: version.at, actor: version.actor, kind: version.kind,
                    actLabel: version.actLabel, change: change))
            }
            previous = plan
        }
        return entries
    }
}
