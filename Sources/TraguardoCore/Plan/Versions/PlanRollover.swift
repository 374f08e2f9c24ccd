import Foundation

/// The next year's plan made from this year's: the organisation (units, persons, roles), the calendar moved by a
/// year, the methodology (stored as a new version of the new year, which the controller may then change), the
/// tree, the objectives, indicators and items, the Carta dei servizi and the monitored procedures. Baselines become
/// this year's actuals; the new year's targets are left empty (the checks report them until set); measurements,
/// results (the narrative tables and sub-indicators among them: the year's figures, seed 000 §4.7), budget and the
/// approval stay with their year (the new plan is a `bozza`). The variations of the nodes that continue, with the
/// acts they cite, go with them: a multi-year objective keeps its history, and the next year's documents print
/// «modificato con Delibera di Consiglio n. 4 del 10/11/2017» as the seeds do (the 2018 report of Lucca, seed 000,
/// line 129). Pure: `traguardo rollover` and the button «Nuovo anno» both call it.
public enum PlanRollover {
    /// The years a plan may be prepared for.
    public static let years = 1990...2100

    /// Why `year` cannot be prepared from the plan of `from` (nil when it can): the web form's and the API's rule.
    public static func yearProblem(_ year: Int?, written: String, from: Int) -> String? {
        guard let year, years.contains(year), year != from else {
            return "anno «\(written)» non valido: atteso un anno fra \(years.lowerBound) e \(years.upperBound) diverso dal \(from)"
        }
        return nil
    }

    public struct Summary: Hashable, Sendable {
        /// Indicators whose baseline is now the previous year's actual.
        public var baselinesFromActuals: [String] = []
        /// Indicators with no actual to start from (baseline kept as it was).
        public var baselinesKept: [String] = []
        /// Indicators (and items) whose target for the new year must be set.
        public var targetsToSet = 0
        /// Elements left behind: eliminated nodes with what hangs under them.
        public var nodesDropped: [String] = []
    }

    public static func roll(_ plan: CyclePlan, to year: Int) -> (plan: CyclePlan, summary: Summary) {
        let from = plan.cycle.year
        let shift = year - from
        var summary = Summary()
        var cycle = Cycle(
            entityCode: plan.cycle.entityCode, year: year, horizonFrom: plan.cycle.horizonFrom,
            horizonTo: plan.cycle.horizonTo, status: .planning, componentEntityCodes: plan.cycle.componentEntityCodes)
        if let to = cycle.horizonTo, to < year {
            cycle.horizonFrom = cycle.horizonFrom.map { $0 + shift }
            cycle.horizonTo = to + shift
        }
        var next = CyclePlan(entity: plan.entity, cycle: cycle, units: plan.units, people: plan.people, roles: plan.roles)

        next.periods = plan.periods.map { period in
            var moved = period
            moved.year = year
            moved.startsOn = period.startsOn.map { shifted($0, by: shift) }
            moved.endsOn = shifted(period.endsOn, by: shift)
            moved.status = .open
            return moved
        }
        next.levels = plan.levels.map { var level = $0; level.year = year; return level }

        // The tree without eliminated nodes and what hangs under them.
        var dropped = Set(plan.nodes.filter { $0.status == .eliminated }.map(\.id))
        var grew = true
        while grew {
            let before = dropped.count
            for node in plan.nodes where node.parentID.map(dropped.contains) == true { dropped.insert(node.id) }
            grew = dropped.count > before
        }
        summary.nodesDropped = plan.nodes.filter { dropped.contains($0.id) }.map(\.code)
        next.nodes = plan.nodes.filter { !dropped.contains($0.id) }.map { node in
            var copy = node
            copy.year = year
            copy.declared = nil
            return copy
        }
        next.objectives = plan.objectives.map { objective in
            var copy = objective
            copy.year = year
            copy.declared = nil
            copy.assignedByActID = nil
            return copy
        }
        next.objectiveLinks = plan.objectiveLinks.filter { $0.nodeID.map { !dropped.contains($0) } ?? true }

        let lastActual = actuals(of: plan)
        next.indicators = plan.indicators.filter { $0.nodeID.map { !dropped.contains($0) } ?? true }.map { indicator in
            var copy = indicator
            copy.year = year
            copy.declared = nil
            if let actual = lastActual[indicator.id] {
                copy.baselineValue = actual
                copy.baselineYear = from
                copy.baselineText = nil
                summary.baselinesFromActuals.append(indicator.code)
            } else if indicator.derivedFrom == nil {
                summary.baselinesKept.append(indicator.code)
            }
            return copy
        }
        let indicatorIDs = Set(next.indicators.map(\.id))
        next.targets = plan.targets.filter { indicatorIDs.contains($0.indicatorID) && $0.year > year }
        next.items = plan.items.filter { indicatorIDs.contains($0.indicatorID) }.map { item in
            var copy = item
            copy.targetValue = nil
            copy.targetDeadline = nil
            copy.targetText = nil
            return copy
        }
        let withTarget = Set(next.targets.filter { $0.year == year }.map(\.indicatorID))
        summary.targetsToSet = next.indicators.filter { $0.derivedFrom == nil && !withTarget.contains($0.id) }.count

        next.variations = carriedVariations(of: plan, nodes: Set(next.nodes.map(\.id)))
        let cited = Set(next.variations.map(\.actID))
        next.acts = plan.acts.filter { cited.contains($0.id) }

        next.serviceStandards = plan.serviceStandards
        next.procedures = plan.procedures
        if var methodology = plan.methodology {
            methodology.year = year
            methodology.version = 1
            methodology.adoptedByActID = nil
            methodology.createdAt = nil
            next.methodology = methodology
        }
        return (next, summary)
    }

    /// The variations that continue with their node: not the approval (the new year is approved by its own act).
    static func carriedVariations(of plan: CyclePlan, nodes: Set<String>) -> [PlanVariation] {
        plan.variations.filter { variation in
            variation.kind != .approval && variation.nodeID.map(nodes.contains) == true
        }
    }

    /// Each indicator's actual in the year: the value of its only item in the last period that has one.
    static func actuals(of plan: CyclePlan) -> [String: Decimal] {
        let periods = plan.periods.sorted { ($0.endsOn, $0.sequence) > ($1.endsOn, $1.sequence) }
        var result: [String: Decimal] = [:]
        for (indicatorID, items) in Dictionary(grouping: plan.items, by: \.indicatorID) where items.count == 1 {
            let item = items[0]
            for period in periods {
                if let value = plan.measurement(of: item.id, in: period)?.value {
                    result[indicatorID] = value
                    break
                }
            }
        }
        return result
    }

    /// The same day `years` later (29 February becomes 28 February in a common year).
    static func shifted(_ date: CivilDate, by years: Int) -> CivilDate {
        let year = date.year + years
        return CivilDate(year: year, month: date.month, day: min(date.day, CivilDate.daysInMonth(year: year, month: date.month)))
    }
}
