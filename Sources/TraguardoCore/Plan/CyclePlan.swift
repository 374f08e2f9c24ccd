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
    public var methodology: MethodologyVersion?

    public init(
        entity: Entity, cycle: Cycle, units: [OrganisationalUnit] = [], people: [Person] = [],
        roles: [RoleAssignment] = [], periods: [MonitoringPeriod] = [], levels: [PlanLevel] = [],
        nodes: [PlanNode] = [], objectives: [Objective] = [], objectiveLinks: [ObjectiveLink] = [],
        indicators: [Indicator] = [], targets: [Target] = [], items: [MeasuredItem] = [],
        measurements: [Measurement] = [], resources: [Resource] = [], accountLines: [AccountLine] = [],
        serviceStandards: [ServiceStandard] = [], serviceResults: [ServiceResult] = [],
        procedures: [MonitoredProcedure] = [], procedureResults: [ProcedureResult] = [], acts: [Act] = [],
        variations: [PlanVariation] = [], methodology: MethodologyVersion? = nil
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
        self.methodology = methodology
    }
}
