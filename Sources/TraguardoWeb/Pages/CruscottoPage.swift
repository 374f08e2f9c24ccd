import Foundation
import TraguardoCore
import TraguardoDocuments

/// The dashboard of an Ente-year: the Ente's score, each area with its objectives and traffic lights, the
/// objectives of Ente and the individual ones, the items with the lowest results, the charts of `TraguardoDocuments/Charts` (by
/// area, budget against actual, trend over the years) and the measurements still missing, by office.
public struct CruscottoPage: WebPage {
    public static let templateName = "cruscotto"
    public var title: String
    public var entityName: String
    public var year: Int
    public var periodLabel: String?
    public var methodologyName: String
    public var entity: ScoreBadge
    public var areas: [AreaRow]
    public var hasAreas: Bool
    public var objectives: [ObjectiveRow]
    public var hasObjectives: Bool
    public var lowestItems: [ItemRow]
    public var hasLowestItems: Bool
    public var figures: [WebFigure]
    public var missing: [OfficeMissing]
    public var hasMissing: Bool
    public var missingCount: Int
    /// Whether the count of missing measurements means something: there is an open period and items to measure.
    public var hasMissingCount: Bool
    /// Why there is no count (no items in the plan, no open period), said instead of «all entered».
    public var missingNote: String?
    public var hasFigures: Bool
    public var treeHref: String
    /// The comparison with the other Enti of the year (`ConfrontoPage`).
    public var comparisonHref: String
    /// The items whose year-end forecast misses the target at the period shown (`YearEndForecast`), «a rischio».
    public var atRisk: [RiskRow]
    public var hasAtRisk: Bool
    public var forecastRule: String
    /// The periods of the year, each a link to the cruscotto at that period, the one shown marked (none when
    /// the year has a single period).
    public var periods: [NavLink]
    public var hasPeriods: Bool

    /// An area (a root of the tree) and its objectives (its children).
    public struct AreaRow: Sendable {
        public var code: String
        public var title: String
        public var href: String
        public var score: ScoreBadge
        public var children: [ChildRow]
        public var hasChildren: Bool
    }

    public struct ChildRow: Sendable {
        public var code: String
        public var title: String
        public var href: String
        public var score: ScoreBadge
    }

    public struct ObjectiveRow: Sendable {
        public var code: String
        public var title: String
        public var kindLabel: String
        public var href: String
        public var score: ScoreBadge
    }

    public struct ItemRow: Sendable {
        public var path: String
        public var description: String
        public var href: String
        public var score: ScoreBadge
    }

    /// An item «a rischio»: its forecast and the year's target.
    public struct RiskRow: Sendable {
        public var path: String
        public var description: String
        public var href: String
        public var forecast: String
        public var target: String
        public var method: String
    }

    /// The items an office still has to measure.
    public struct OfficeMissing: Sendable {
        public var office: String
        public var count: Int
        public var items: [MissingMeasurement]
    }

    /// How many of the lowest-scored items the dashboard lists.
    public static let lowestItemCount = 10

    /// - Parameters:
    ///   - period: the period shown (`ANNO`, `T2`); nil for the one the scores were computed for.
    ///   - missing: the measurements still missing for the open period (`MissingMeasurement.list`).
    ///   - history: the Ente's score in each year (this one included, when known), for the trend.
    ///   - openPeriod: the period open for data entry, whose measurements `missing` lists; nil when none is open
    ///     (the default: the last open period of the plan).
    public static func make(
        plan: CyclePlan, scores: PlanScores, period: String?, missing: [MissingMeasurement],
        history: [(year: Int, score: Decimal)], openPeriod: String?? = .none
    ) -> CruscottoPage {
        let open = openPeriod ?? plan.periods.latestOpen?.code
        let ente = plan.entity.shortName ?? plan.entity.name
        let year = plan.cycle.year
        let periodCode = period ?? scores.periodCode
        let periodLabel = periodCode.map { code in plan.period(code: code).map { "\($0.name) (\($0.code))" } ?? code }
        func href(_ code: String) -> String { WebRoutes.nodo(ente: plan.entity.code, anno: year, percorso: code) }
        func badge(_ element: ScoredElement?) -> ScoreBadge { element.map { ScoreBadge($0.score) } ?? .missing }

        let order: (PlanNode, PlanNode) -> Bool = { ($0.sortOrder, $0.code) < ($1.sortOrder, $1.code) }
        let children = Dictionary(grouping: plan.nodes, by: { $0.parentID ?? "" })
        let roots = (children[""] ?? []).sorted(by: order)
        let areas = roots.map { area in
            let kids = (children[area.id] ?? []).sorted(by: order).map {
                ChildRow(code: $0.code, title: $0.title, href: href($0.code), score: badge(scores.nodes[$0.id]))
            }
            return AreaRow(code: area.code, title: area.title, href: href(area.code), score: badge(scores.nodes[area.id]),
                           children: kids, hasChildren: !kids.isEmpty)
        }
        let objectives = plan.objectives.sorted { ($0.kind == .ente ? 0 : 1, $0.sortOrder) < ($1.kind == .ente ? 0 : 1, $1.sortOrder) }
            .map { o in
                ObjectiveRow(code: o.code, title: o.title, kindLabel: o.kind.label, href: href(o.code),
                             score: badge(scores.objectives[o.id]))
            }

        let paths = plan.itemPaths()
        let indicatorOwner = Dictionary(plan.indicators.map { ($0.id, plan.ownerCode(of: $0)) }, uniquingKeysWith: { a, _ in a })
        let lowest = plan.items.compactMap { item -> (MeasuredItem, ScoredElement, Decimal)? in
            guard let scored = scores.items[item.id], let value = scored.score.value else { return nil }
            return (item, scored, value)
        }
        .sorted { ($0.2, paths[$0.0.id] ?? "") < ($1.2, paths[$1.0.id] ?? "") }
        .prefix(lowestItemCount)
        .map { item, scored, _ in
            ItemRow(path: paths[item.id] ?? item.code, description: item.description,
                    href: href(indicatorOwner[item.indicatorID] ?? ""), score: ScoreBadge(scored.score))
        }

        // The charts of TraguardoDocuments (the same the documents print): by area, budget against
        // consuntivo at the level the budget is attributed, the Ente's result over the years.
        var figures: [WebFigure] = []
        // Each bar opens its node, each point of the trend the cruscotto of its year.
        if let byArea = AchievementChart.byArea(plan: plan, scores: scores, link: href) { figures.append(WebFigure(byArea)) }
        if let budget = BudgetChart.byNode(.oneri, plan: plan, link: href) { figures.append(WebFigure(budget)) }
        if history.count >= 2 {
            let points = history.map { TrendChart.Point(
                year: $0.year, value: $0.score, fractionDigits: ItalianFormatting.scoreFractionDigits($0.score, digits: 2),
                href: WebRoutes.cruscotto(ente: plan.entity.code, anno: $0.year)) }
            let years = points.map(\.year)
            figures.append(WebFigure(TrendChart.figure(
                caption: "Andamento del risultato dell'Ente, \(years.min()!)–\(years.max()!)",
                series: "Grado di raggiungimento complessivo dell'Ente", points: points)))
        }

        let byOffice = Dictionary(grouping: missing, by: \.unitName)
        let offices = byOffice.keys.sorted().map { name in
            OfficeMissing(office: name, count: byOffice[name]!.count, items: byOffice[name]!.sorted { $0.itemPath < $1.itemPath })
        }
        let itemsByID = Dictionary(plan.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let risks = periodCode.map { YearEndForecast.compute(plan, period: $0).lines.filter { $0.status == .atRisk } } ?? []
        let atRisk = risks.map { line in
            RiskRow(
                path: paths[line.itemID] ?? line.itemID, description: itemsByID[line.itemID]?.description ?? "",
                href: href(indicatorOwner[line.indicatorID] ?? ""), forecast: line.forecast?.italian ?? "—",
                target: line.target.map { (line.comparator?.symbol ?? "") + " " + $0.italian } ?? "—",
                method: line.method?.rawValue ?? "")
        }
        let ordered = plan.periods.sorted { $0.sequence < $1.sequence }
        let periods = ordered.count < 2 ? [] : ordered.map { p in
            NavLink(label: "\(p.name) (\(p.code), \(p.status.label))",
                    href: WebRoutes.cruscotto(ente: plan.entity.code, anno: year) + "?periodo=" + WebRoutes.segment(p.code),
                    current: p.code == periodCode)
        }
        return CruscottoPage(
            title: "Cruscotto \(ente) \(year)", entityName: plan.entity.name, year: year, periodLabel: periodLabel,
            methodologyName: scores.methodology.name, entity: ScoreBadge(scores.entity.score), areas: areas,
            hasAreas: !areas.isEmpty, objectives: objectives, hasObjectives: !objectives.isEmpty,
            lowestItems: Array(lowest), hasLowestItems: !lowest.isEmpty, figures: figures, missing: offices,
            hasMissing: !missing.isEmpty, missingCount: missing.count,
            hasMissingCount: open != nil && !plan.items.isEmpty, missingNote: missingNote(plan: plan, openPeriod: open),
            hasFigures: !figures.isEmpty,
            treeHref: WebRoutes.albero(ente: plan.entity.code, anno: year),
            comparisonHref: WebRoutes.confronto(ente: plan.entity.code, anno: year),
            atRisk: atRisk, hasAtRisk: !atRisk.isEmpty, forecastRule: YearEndForecast.ruleText,
            periods: periods, hasPeriods: !periods.isEmpty)
    }

    /// Nil when the count of missing measurements is meaningful; otherwise why there is none.
    static func missingNote(plan: CyclePlan, openPeriod: String?) -> String? {
        if plan.items.isEmpty { return "Il piano di questo anno non ha item da rilevare: non ci sono rilevazioni da inserire né risultati da calcolare." }
        if openPeriod == nil {
            return plan.periods.isEmpty
                ? "Il ciclo non ha periodi di monitoraggio: le rilevazioni non si possono ancora inserire."
                : "Nessun periodo di monitoraggio è aperto: le rilevazioni mancanti si contano sul periodo aperto."
        }
        return nil
    }
}
