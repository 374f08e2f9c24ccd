import Foundation

/// An indicator is SMART only if it can be measured: it has a target for the year, a unit, a source,
/// an owner and, for strategic indicators, a baseline; every item hangs under an existing indicator
/// and every indicator under an existing node or objective.
public struct IndicatorCompletenessCheck: PlanCheck {
    public let code = "INDICATORE-INCOMPLETO"
    public let title = "Indicatori completi"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        let lookup = PlanLookup(plan)
        let year = plan.cycle.year
        let withoutTarget = Set(Self.indicatorsWithoutTarget(in: plan).map(\.id))
        let itemsByIndicator = Dictionary(grouping: plan.items, by: \.indicatorID)
        var result: [Finding] = []

        func add(_ severity: Severity, _ indicator: Indicator, _ missing: String, _ fix: String) {
            result.append(Finding(
                code: code, severity: severity, elementKind: "indicatore", elementCode: lookup.indicatorCode(indicator),
                provenance: indicator.provenance,
                message: "L'indicatore \(lookup.indicatorCode(indicator)) «\(indicator.name)» \(missing). \(fix)"))
        }

        for indicator in plan.indicators {
            let owned = indicator.nodeID.map { lookup.nodesByID[$0] != nil } ?? false
                || indicator.objectiveID.map { lookup.objectivesByID[$0] != nil } ?? false
            if !owned {
                add(.error, indicator, "non appartiene a nessun nodo o obiettivo esistente",
                    "Collegarlo al nodo o all'obiettivo che misura.")
            }
            if indicator.derivedFrom != nil { continue }
            let items = itemsByIndicator[indicator.id] ?? []
            if withoutTarget.contains(indicator.id) {
                add(.warning, indicator, "non ha un target per il \(year)",
                    "Indicare il valore atteso, il comparatore e, se serve, la scadenza.")
            }
            if (indicator.unit ?? "").isEmpty && !items.contains(where: { !($0.unit ?? "").isEmpty }) {
                add(.suggestion, indicator, "non ha l'unità di misura", "Indicare l'unità (%, n., gg, €…).")
            }
            if (indicator.source ?? "").isEmpty {
                add(.suggestion, indicator, "non ha la fonte dei dati",
                    "Indicare da dove viene il dato (ufficio, banca dati, indagine).")
            }
            let node = indicator.nodeID.flatMap { lookup.nodesByID[$0] }
            if indicator.ownerUnitID == nil && node?.ownerUnitID == nil && node?.ownerPersonID == nil
                && indicator.objectiveID == nil && !items.contains(where: { $0.responsibleUnitID != nil })
            {
                add(.suggestion, indicator, "non ha un responsabile",
                    "Indicare l'ufficio che rileva il dato.")
            }
            if node?.kind == .strategicObjective && indicator.baselineValue == nil
                && (indicator.baselineText ?? "").isEmpty
            {
                add(.suggestion, indicator, "non ha una baseline",
                    "Indicare il valore di partenza e il suo anno.")
            }
        }
        for item in plan.items where lookup.indicatorsByID[item.indicatorID] == nil {
            result.append(Finding(
                code: code, severity: .error, elementKind: "item", elementCode: item.code, provenance: item.provenance,
                message: "L'item \(item.code) «\(item.description)» non appartiene a nessun indicatore. "
                    + "Collegarlo all'indicatore che misura."))
        }
        return result
    }

    /// The indicators (not derived) with no target for the plan's year, neither their own nor on an item: what the
    /// checks report and what the controller sets before approving the plan, after a rollover above all.
    public static func indicatorsWithoutTarget(in plan: CyclePlan) -> [Indicator] {
        let targeted = Set(plan.targets.filter { $0.year == plan.cycle.year }.map(\.indicatorID))
        let itemTargeted = Set(plan.items.filter {
            $0.targetValue != nil || $0.targetDeadline != nil || $0.targetText != nil || $0.comparator != nil
        }.map(\.indicatorID))
        return plan.indicators.filter { $0.derivedFrom == nil && !targeted.contains($0.id) && !itemTargeted.contains($0.id) }
    }
}
