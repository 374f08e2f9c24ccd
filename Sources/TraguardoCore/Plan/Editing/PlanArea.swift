import Foundation

/// A dirigente's own area in the plan of an Ente-year: the unit he heads and every unit below it
/// (`CyclePlan.unitChain(from:)`), and the parts of the plan those units answer for (`CyclePlan.owningUnits()`):
/// the nodes they own (or that hang under a node they own) with their resources, the indicators with their targets
/// and items, the objectives of those units with their links. The one rule for what a dirigente may propose to
/// change (`PlanProposalRule`), what the editor shows him, and what the controller's acceptance checks again.
/// Units, people, acts and the rest of the organisation are never in an area: the controller changes them.
public struct PlanArea: Hashable, Sendable {
    /// The unit the dirigente heads.
    public var head: OrganisationalUnit
    /// The head and every unit below it.
    public var unitIDs: Set<String>

    public init(heading head: OrganisationalUnit, in plan: CyclePlan) {
        self.head = head
        unitIDs = Set(plan.units.filter { plan.unitChain(from: $0).contains { $0.id == head.id } }.map(\.id) + [head.id])
    }

    /// The element kinds a dirigente may propose to change in his area.
    public static let kinds: [PlanEdit.Element] = [.node, .indicator, .target, .item, .resource, .objective, .link]

    /// Whether the element (by id) of `plan` is in the area.
    public func contains(_ kind: PlanEdit.Element, id: String, in plan: CyclePlan) -> Bool {
        Membership(area: self, plan: plan).contains(kind, id)
    }

    /// The nodes of the area (in plan order).
    public func nodes(in plan: CyclePlan) -> [PlanNode] {
        let membership = Membership(area: self, plan: plan)
        return plan.nodes.filter { membership.contains(.node, $0.id) }
    }

    /// The objectives of the area (in plan order).
    public func objectives(in plan: CyclePlan) -> [Objective] {
        let membership = Membership(area: self, plan: plan)
        return plan.objectives.filter { membership.contains(.objective, $0.id) }
    }

    /// What turning `original` into `edited` changes outside the area, one Italian sentence each; empty when every
    /// element changed was in the area before (if it existed) and is in it after (if it still exists).
    public func outside(from original: CyclePlan, to edited: CyclePlan) -> [String] {
        let before = Membership(area: self, plan: original)
        let after = Membership(area: self, plan: edited)
        var problems: [String] = []
        for change in PlanArea.changes(from: original, to: edited) {
            let what = "\(change.kind.label) «\(change.id)»"
            if change.before != nil, !before.contains(change.kind, change.id) {
                problems.append("\(what) non è della tua area (\(head.name)): lo può cambiare solo il controllo di gestione")
            } else if change.after != nil, !after.contains(change.kind, change.id) {
                problems.append("\(what) uscirebbe dalla tua area (\(head.name)): un elemento va assegnato a un'unità della tua area")
            }
        }
        var others = original, changed = edited
        others.clearArea()
        changed.clearArea()
        if others != changed {
            problems.append("la modifica tocca l'organizzazione, gli atti o altre parti del piano che non appartengono a un'area: le cambia solo il controllo di gestione")
        }
        return problems
    }

    /// One element changed between two plans: its kind, its id, and its JSON before and after (nil: absent).
    public struct Change: Hashable, Sendable {
        public var kind: PlanEdit.Element
        public var id: String
        public var before: Data?
        public var after: Data?
    }

    /// The elements of the area's kinds that differ between the two plans (added, removed or changed), by kind then id.
    public static func changes(from original: CyclePlan, to edited: CyclePlan) -> [Change] {
        var result: [Change] = []
        func compare<R: Codable & Equatable>(_ kind: PlanEdit.Element, _ old: [R], _ new: [R], id: (R) -> String) {
            let olds = Dictionary(old.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
            let news = Dictionary(new.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
            for key in Set(olds.keys).union(news.keys).sorted() where olds[key] != news[key] {
                result.append(Change(kind: kind, id: key, before: olds[key].flatMap(encoded), after: news[key].flatMap(encoded)))
            }
        }
        compare(.node, original.nodes, edited.nodes) { $0.id }
        compare(.indicator, original.indicators, edited.indicators) { $0.id }
        compare(.target, original.targets, edited.targets) { $0.id }
        compare(.item, original.items, edited.items) { $0.id }
        compare(.resource, original.resources, edited.resources) { $0.id }
        compare(.objective, original.objectives, edited.objectives) { $0.id }
        compare(.link, original.objectiveLinks, edited.objectiveLinks) { $0.id }
        return result
    }

    static func encoded<R: Encodable>(_ record: R) -> Data? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try? encoder.encode(record)
    }

    /// Which elements of one plan are in the area.
    struct Membership {
        let units: Set<String>
        let plan: CyclePlan
        let owners: (nodes: [String: String], indicators: [String: String])
        let indicators: [String: Indicator]

        init(area: PlanArea, plan: CyclePlan) {
            units = area.unitIDs
            self.plan = plan
            owners = plan.owningUnits()
            indicators = Dictionary(plan.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        }

        func owned(_ unit: String?) -> Bool { unit.map(units.contains) ?? false }

        func contains(_ kind: PlanEdit.Element, _ id: String) -> Bool {
            switch kind {
            case .node: return owned(owners.nodes[id])
            case .indicator: return owned(owners.indicators[id])
            case .target: return plan.targets.first { $0.id == id }.map { contains(.indicator, $0.indicatorID) } ?? false
            case .item: return plan.items.first { $0.id == id }.map { contains(.indicator, $0.indicatorID) } ?? false
            case .resource: return plan.resources.first { $0.id == id }.map { contains(.node, $0.nodeID) } ?? false
            case .objective: return owned(plan.objectives.first { $0.id == id }?.unitID)
            case .link: return plan.objectiveLinks.first { $0.id == id }.map { contains(.objective, $0.objectiveID) } ?? false
            // The organisation, the acts, the Ente's accounts, the Carta, the procedures and the narratives' data are
            // the controller's.
            case .unit, .person, .act, .account, .serviceStandard, .procedure, .role, .narrativeTable, .subIndicator: return false
            }
        }
    }
}

extension CyclePlan {
    /// The plan without the parts an area may change: what must stay equal under a dirigente's proposal.
    mutating func clearArea() {
        nodes = []
        indicators = []
        targets = []
        items = []
        resources = []
        objectives = []
        objectiveLinks = []
    }
}
