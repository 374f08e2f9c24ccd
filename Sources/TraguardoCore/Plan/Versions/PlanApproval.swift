import Foundation

/// Where an Ente-year's plan stands: `bozza` until an act approves it, `approvato` after.
public enum PlanState: String, Sendable, Codable, CaseIterable {
    case draft = "bozza"
    case approved = "approvato"

    public var label: String { rawValue }
}

/// The approval of a plan and the variations after it, as records of the plan itself (an act and its variations),
/// so that the plan file, the store and the documents carry them alike.
public enum PlanApproval {
    /// The act that approved the plan: the one cited by an approval variation about the whole plan.
    public static func approvingAct(of plan: CyclePlan) -> Act? {
        let approving = plan.variations.filter { $0.kind == .approval && $0.nodeID == nil }.map(\.actID)
        return approving.lazy.compactMap { id in plan.acts.first { $0.id == id } }.first
    }

    public static func state(of plan: CyclePlan) -> PlanState {
        approvingAct(of: plan) == nil ? .draft : .approved
    }

    /// «Piano approvato con Delibera di Consiglio n. 12 del 20/12/2018» or «Piano in bozza: non ancora approvato»: where
    /// the plan stands, as the editor, the versions page and the documents print it.
    public static func stateLabel(of plan: CyclePlan) -> String {
        approvingAct(of: plan).map { "Piano approvato con \($0.label)" } ?? "Piano in bozza: non ancora approvato"
    }

    /// The plan approved by `act`: the act added (when new) and an approval variation citing it.
    /// A plan already approved is refused with the act that approved it.
    public static func approve(_ plan: CyclePlan, by act: Act) -> Result<CyclePlan, PlanApprovalError> {
        if let existing = approvingAct(of: plan) { return .failure(.alreadyApproved(plan.entity.code, plan.cycle.year, existing.label)) }
        var approved = plan
        if !approved.acts.contains(where: { $0.id == act.id }) { approved.acts.append(act) }
        approved.variations.append(PlanVariation(
            id: uniqueID("\(act.id)/approvazione", in: approved), actID: act.id, kind: .approval,
            description: "Approvazione del piano \(plan.cycle.year)"))
        return .success(approved)
    }

    /// `new` as a variation of the approved `old` made by `act`: the act added when new, and one variation record per
    /// element added, removed or changed (organisation changes are not variations). `new` unchanged when nothing varies.
    public static func vary(from old: CyclePlan, to new: CyclePlan, by act: Act) -> CyclePlan {
        let changes = PlanDiff.variations(from: old, to: new)
        guard !changes.isEmpty else { return new }
        var varied = new
        if !varied.acts.contains(where: { $0.id == act.id }) { varied.acts.append(act) }
        let nodes = Set(varied.nodes.map(\.id))
        for change in changes {
            let kind: VariationKind = switch change.kind {
            case .added: .addition
            case .removed: .removal
            case .changed: .change
            }
            let single = change.fields.count == 1 ? change.fields.first : nil
            varied.variations.append(PlanVariation(
                id: uniqueID("\(act.id)/\(change.elementID)", in: varied), actID: act.id,
                nodeID: change.nodeID.flatMap { nodes.contains($0) ? $0 : nil }, kind: kind,
                description: String(change.summary.prefix(2_000)), field: change.fields.map(\.name).joined(separator: ", ").nilIfEmpty,
                before: single?.before, after: single?.after))
        }
        return varied
    }

    /// The acts that varied a node, oldest first: what the documents print as «modificato con …».
    public static func actsVarying(nodeID: String, in plan: CyclePlan) -> [Act] {
        let ids = Set(plan.variations.filter { $0.nodeID == nodeID && $0.kind != .approval }.map(\.actID))
        return plan.acts.filter { ids.contains($0.id) }.sorted { ($0.date?.dayNumber ?? 0) < ($1.date?.dayNumber ?? 0) }
    }

    /// «modificato con Delibera di Consiglio n. 4 del 10/11/2017», or nil when no act varied the node.
    public static func variedNote(nodeID: String, in plan: CyclePlan) -> String? {
        let acts = actsVarying(nodeID: nodeID, in: plan)
        guard !acts.isEmpty else { return nil }
        return "modificato con " + acts.map(\.label).joined(separator: ", ")
    }

    private static func uniqueID(_ base: String, in plan: CyclePlan) -> String {
        var id = base
        var n = 2
        let taken = Set(plan.variations.map(\.id))
        while taken.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        return id
    }
}

/// Why a plan cannot be approved or varied, in Italian.
public enum PlanApprovalError: Error, Equatable, Sendable, CustomStringConvertible {
    case alreadyApproved(String, Int, String)
    case variationWithoutAct(String, Int, approvedBy: String, changes: [String])

    public var description: String {
        switch self {
        case .alreadyApproved(let entity, let year, let act):
            return "Il piano \(year) dell'Ente «\(entity)» è già approvato con \(act): le modifiche successive sono variazioni "
                + "e citano il loro atto."
        case .variationWithoutAct(let entity, let year, let act, let changes):
            let shown = changes.prefix(5).joined(separator: "; ") + (changes.count > 5 ? "; … (\(changes.count) in tutto)" : "")
            return "il piano \(year) dell'Ente «\(entity)» è approvato con \(act): ogni modifica è una variazione e deve citare "
                + "l'atto che la approva (per esempio «\(ActCitationError.example)»). Modifiche senza atto: \(shown)"
        }
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
