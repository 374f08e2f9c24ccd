import Foundation
import TraguardoCore

/// The open data of an Ente-year for «Amministrazione trasparente»: the scored plan (`elementi`), the
/// measurements (`rilevazioni`) and the budget lines (`risorse`), with what they were made from
/// (`metadata`). Every score is the engine's (`PlanScores`, typed); every amount the plan's, unchanged.
/// The writers (`OpenDataJSON`, `OpenDataCSV`, `OpenDataPackage`) turn it into text; the schema is
/// described in `docs/dati-aperti.md`.
public struct OpenDataSet: Hashable, Sendable {
    /// Bumped when a table or a field changes meaning, is renamed or removed.
    public static let schemaVersion = "1.0"
    public static let license = "CC-BY 4.0"

    public struct Metadata: Hashable, Sendable {
        /// `lucca`, `Camera di Commercio di Lucca`.
        public var entityCode: String
        public var entityName: String
        public var year: Int
        /// The monitoring period scored (`ANNO`); nil when the plan has none.
        public var period: String?
        public var methodologyName: String
        /// nil when the engine's default rules applied.
        public var methodologyVersion: Int?
        public var generatedAt: Date
        public var license: String
        public var schemaVersion: String

        /// `2026-12-03T14:28:10Z`.
        public var generatedAtText: String {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            formatter.timeZone = TimeZone(identifier: "UTC")
            return formatter.string(from: generatedAt)
        }
    }

    public var metadata: Metadata
    /// `elementi`, `rilevazioni`, `risorse`, `utilizzo_budget`, in this order.
    public var tables: [OpenDataTable]

    public func table(_ name: String) -> OpenDataTable? { tables.first { $0.name == name } }

    public static func build(plan: CyclePlan, scores: PlanScores, generatedAt: Date) -> OpenDataSet {
        let metadata = Metadata(
            entityCode: plan.entity.code, entityName: plan.entity.name, year: plan.cycle.year, period: scores.periodCode,
            methodologyName: scores.methodology.name, methodologyVersion: scores.methodology.version,
            generatedAt: generatedAt, license: license, schemaVersion: schemaVersion)
        let context = OpenDataContext(plan: plan, scores: scores)
        return OpenDataSet(
            metadata: metadata,
            tables: [OpenDataElements.table(context), OpenDataMeasurements.table(context), OpenDataResources.table(context),
                     OpenDataBudgetUse.table(context)])
    }
}

/// What the three table builders share: the plan indexed by id, and its scores in the listing's order.
struct OpenDataContext {
    let plan: CyclePlan
    let scores: PlanScores
    /// The scored elements in the order `traguardo score` lists them.
    let listed: [ListedScore]
    let people: [String: Person]
    let units: [String: OrganisationalUnit]
    let nodes: [String: PlanNode]
    let objectives: [String: Objective]
    let indicators: [String: Indicator]
    let items: [String: MeasuredItem]
    let periods: [String: MonitoringPeriod]
    /// The scored period, nil when the plan has no periods.
    let period: MonitoringPeriod?
    /// Kind, then id → the element's path (`C30101/1/1a`).
    let paths: [ScoredKind: [String: String]]

    init(plan: CyclePlan, scores: PlanScores) {
        self.plan = plan
        self.scores = scores
        listed = scores.listed(in: plan)
        func index<T: Identifiable>(_ values: [T]) -> [String: T] where T.ID == String {
            Dictionary(values.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        }
        people = index(plan.people)
        units = index(plan.units)
        nodes = index(plan.nodes)
        objectives = index(plan.objectives)
        indicators = index(plan.indicators)
        items = index(plan.items)
        periods = index(plan.periods)
        period = scores.periodCode.flatMap { plan.period(code: $0) }
        var paths: [ScoredKind: [String: String]] = [:]
        for subject in listed.map(\.element.subject) where paths[subject.kind]?[subject.id] == nil {
            paths[subject.kind, default: [:]][subject.id] = subject.path
        }
        self.paths = paths
    }

    func path(_ kind: ScoredKind, _ id: String) -> String? { paths[kind]?[id] }

    func unitName(_ id: String?) -> String? { id.flatMap { units[$0]?.name ?? $0 } }

    func personName(_ id: String?) -> String? { id.flatMap { people[$0]?.name ?? $0 } }

    /// `≥ 90`, `entro 2013-04-30`, `realizzazione`: a comparator and a value with a dot, a deadline in ISO.
    static func target(_ comparator: TraguardoCore.Comparator?, value: Decimal?, deadline: CivilDate? = nil, text: String? = nil) -> String? {
        var parts: [String] = []
        if let comparator { parts.append(comparator.symbol) }
        if let value { parts.append(OpenDataValue.decimalText(value)) }
        if let deadline { parts.append(deadline.iso) }
        if value == nil, deadline == nil, let text, !text.isEmpty { return parts.isEmpty ? text : "\(parts.joined(separator: " ")) \(text)" }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}
