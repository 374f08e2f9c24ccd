import Foundation

/// Everything stored for one Ente-year, as plain values: what the store loads, the scoring engine
/// scores, the plan file writes and the documents print.
public struct CyclePlan: Hashable, Sendable, Codable {
    public var entity: Entity
    public var cycle: Cycle
    public var units: [OrganisationalUnit]
    public var people: [Person]
    public var roles: [RoleAssignment]
    public var periods: [MonitoringPeriod]
    public var levels: [PlanLevel]
    public var nodes: [PlanNode]
    public var objectives: [Objective]
    public var objectiveLinks: [ObjectiveLink]
    public var indicators: [Indicator]
    public var targets: [Target]
    public var items: [MeasuredItem]
    public var measurements: [Measurement]
    public var resources: [Resource]
    public var accountLines: [AccountLine]
    public var serviceStandards: [ServiceStandard]
    public var serviceResults: [ServiceResult]
    public var procedures: [MonitoredProcedure]
    public var procedureResults: [ProcedureResult]
    public var acts: [Act]
    public var variations: [PlanVariation]
    /// Tables and sub-indicators written inside the narratives of results, kept as data (issue 22).
    public var narrativeTables: [NarrativeTable]
    public var subIndicators: [SubIndicator]
    public var methodology: MethodologyVersion?

    public init(
        entity: Entity, cycle: Cycle, units: [OrganisationalUnit] = [], people: [Person] = [],
        roles: [RoleAssignment] = [], periods: [MonitoringPeriod] = [], levels: [PlanLevel] = [],
        nodes: [PlanNode] = [], objectives: [Objective] = [], objectiveLinks: [ObjectiveLink] = [],
        indicators: [Indicator] = [], targets: [Target] = [], items: [MeasuredItem] = [],
        measurements: [Measurement] = [], resources: [Resource] = [], accountLines: [AccountLine] = [],
        serviceStandards: [ServiceStandard] = [], serviceResults: [ServiceResult] = [],
        procedures: [MonitoredProcedure] = [], procedureResults: [ProcedureResult] = [], acts: [Act] = [],
        variations: [PlanVariation] = [], narrativeTables: [NarrativeTable] = [], subIndicators: [SubIndicator] = [],
        methodology: MethodologyVersion? = nil
    ) {
        self.entity = entity
        self.cycle = cycle
        self.units = units
        self.people = people
        self.roles = roles
        self.periods = periods
        self.levels = levels
        self.nodes = nodes
        self.objectives = objectives
        self.objectiveLinks = objectiveLinks
        self.indicators = indicators
        self.targets = targets
        self.items = items
        self.measurements = measurements
        self.resources = resources
        self.accountLines = accountLines
        self.serviceStandards = serviceStandards
        self.serviceResults = serviceResults
        self.procedures = procedures
        self.procedureResults = procedureResults
        self.acts = acts
        self.variations = variations
        self.narrativeTables = narrativeTables
        self.subIndicators = subIndicators
        self.methodology = methodology
    }
}

extension CyclePlan {
    private enum CodingKeys: String, CodingKey {
        case entity, cycle, units, people, roles, periods, levels, nodes, objectives, objectiveLinks, indicators, targets, items
        case measurements, resources, accountLines, serviceStandards, serviceResults, procedures, procedureResults, acts
        case variations, narrativeTables, subIndicators, methodology
    }

    /// Reads a plan written by any version (a stored plan version, a period snapshot): a list a former version did not
    /// have is empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(entity: try container.decode(Entity.self, forKey: .entity), cycle: try container.decode(Cycle.self, forKey: .cycle))
        try container.update(&units, .units)
        try container.update(&people, .people)
        try container.update(&roles, .roles)
        try container.update(&periods, .periods)
        try container.update(&levels, .levels)
        try container.update(&nodes, .nodes)
        try container.update(&objectives, .objectives)
        try container.update(&objectiveLinks, .objectiveLinks)
        try container.update(&indicators, .indicators)
        try container.update(&targets, .targets)
        try container.update(&items, .items)
        try container.update(&measurements, .measurements)
        try container.update(&resources, .resources)
        try container.update(&accountLines, .accountLines)
        try container.update(&serviceStandards, .serviceStandards)
        try container.update(&serviceResults, .serviceResults)
        try container.update(&procedures, .procedures)
        try container.update(&procedureResults, .procedureResults)
        try container.update(&acts, .acts)
        try container.update(&variations, .variations)
        try container.update(&narrativeTables, .narrativeTables)
        try container.update(&subIndicators, .subIndicators)
        try container.update(&methodology, .methodology)
    }
}
