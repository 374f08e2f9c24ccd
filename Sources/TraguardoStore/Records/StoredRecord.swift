import TraguardoCore

/// A record of an Ente-year that the store keeps in its own table.
public protocol StoredRecord: Codable, Hashable, Sendable, Identifiable where ID == String {
    static var table: RecordTable { get }
    /// The values of `table.references`, in the same order.
    var referenceValues: [String?] { get }
    /// The record as its table's `data`: JSON with sorted keys (``RecordCodec``).
    func storedJSON() throws -> String
    /// The record read from its `data` by a faster reader than `JSONDecoder`, or nil to use `JSONDecoder`.
    static func quicklyRead(_ data: String) -> Self?
}

extension StoredRecord {
    public func storedJSON() throws -> String { try RecordCodec.encode(self) }
    public static func quicklyRead(_ data: String) -> Self? { nil }

    /// The record of a row's `data`.
    static func read(_ data: String, id: String) throws -> Self {
        if let quick = quicklyRead(data) { return quick }
        return try RecordCodec.decode(Self.self, from: data, table: table.name, id: id)
    }
}

extension OrganisationalUnit: StoredRecord {
    public static let table = RecordTable("units", "unità organizzative", references: [("parent_id", "units")])
    public var referenceValues: [String?] { [parentID] }
}

extension Person: StoredRecord {
    public static let table = RecordTable("people", "persone")
    public var referenceValues: [String?] { [] }
}

extension RoleAssignment: StoredRecord {
    public static let table = RecordTable(
        "role_assignments", "incarichi", references: [("person_id", "people"), ("unit_id", "units")])
    public var referenceValues: [String?] { [personID, unitID] }
}

extension MonitoringPeriod: StoredRecord {
    public static let table = RecordTable("periods", "periodi di monitoraggio")
    public var referenceValues: [String?] { [] }
}

extension PlanLevel: StoredRecord {
    public static let table = RecordTable("plan_levels", "livelli dell'albero")
    public var referenceValues: [String?] { [] }
}

extension Act: StoredRecord {
    public static let table = RecordTable("acts", "atti")
    public var referenceValues: [String?] { [] }
}

extension PlanNode: StoredRecord {
    public static let table = RecordTable(
        "plan_nodes", "nodi dell'albero",
        references: [("parent_id", "plan_nodes"), ("owner_unit_id", "units"), ("owner_person_id", "people")])
    public var referenceValues: [String?] { [parentID, ownerUnitID, ownerPersonID] }
}

extension Objective: StoredRecord {
    public static let table = RecordTable(
        "objectives", "obiettivi",
        references: [("manager_person_id", "people"), ("unit_id", "units"), ("assigned_by_act_id", "acts")])
    public var referenceValues: [String?] { [managerPersonID, unitID, assignedByActID] }
}

extension ObjectiveLink: StoredRecord {
    public static let table = RecordTable(
        "objective_links", "collegamenti degli obiettivi",
        references: [("objective_id", "objectives"), ("node_id", "plan_nodes"), ("linked_objective_id", "objectives")])
    public var referenceValues: [String?] { [objectiveID, nodeID, linkedObjectiveID] }
}

extension Indicator: StoredRecord {
    public static let table = RecordTable(
        "indicators", "indicatori",
        references: [("node_id", "plan_nodes"), ("objective_id", "objectives"), ("owner_unit_id", "units")])
    public var referenceValues: [String?] { [nodeID, objectiveID, ownerUnitID] }
}

extension Target: StoredRecord {
    public static let table = RecordTable("targets", "target", references: [("indicator_id", "indicators")])
    public var referenceValues: [String?] { [indicatorID] }
}

extension MeasuredItem: StoredRecord {
    public static let table = RecordTable(
        "measured_items", "item misurati",
        references: [("indicator_id", "indicators"), ("responsible_unit_id", "units")])
    public var referenceValues: [String?] { [indicatorID, responsibleUnitID] }
}

extension Measurement: StoredRecord {
    public static let table = RecordTable(
        "measurements", "rilevazioni", references: [("item_id", "measured_items"), ("period_id", "periods")])
    public var referenceValues: [String?] { [itemID, periodID] }
    /// The same text as ``RecordCodec``, written by hand (an import writes a million of them).
    public func storedJSON() throws -> String { MeasurementJSON.encode(self) }
    public static func quicklyRead(_ data: String) -> Measurement? { MeasurementJSON.decode(data) }
}

extension Resource: StoredRecord {
    public static let table = RecordTable("resources", "risorse", references: [("node_id", "plan_nodes")])
    public var referenceValues: [String?] { [nodeID] }
}

extension AccountLine: StoredRecord {
    public static let table = RecordTable("account_lines", "righe di conto", references: [("node_id", "plan_nodes")])
    public var referenceValues: [String?] { [nodeID] }
}

extension ServiceStandard: StoredRecord {
    public static let table = RecordTable("service_standards", "standard della Carta dei servizi")
    public var referenceValues: [String?] { [] }
}

extension ServiceResult: StoredRecord {
    public static let table = RecordTable(
        "service_results", "risultati della Carta dei servizi", references: [("standard_id", "service_standards")])
    public var referenceValues: [String?] { [standardID] }
}

extension MonitoredProcedure: StoredRecord {
    public static let table = RecordTable("procedures", "procedimenti monitorati")
    public var referenceValues: [String?] { [] }
}

extension ProcedureResult: StoredRecord {
    public static let table = RecordTable(
        "procedure_results", "risultati dei procedimenti", references: [("procedure_id", "procedures")])
    public var referenceValues: [String?] { [procedureID] }
}

extension PlanVariation: StoredRecord {
    public static let table = RecordTable(
        "plan_variations", "variazioni del piano", references: [("act_id", "acts"), ("node_id", "plan_nodes")])
    public var referenceValues: [String?] { [actID, nodeID] }
}

extension NarrativeTable: StoredRecord {
    public static let table = RecordTable("narrative_tables", "tabelle delle narrative")
    public var referenceValues: [String?] { [] }
}

extension SubIndicator: StoredRecord {
    public static let table = RecordTable("sub_indicators", "sotto-indicatori delle narrative")
    public var referenceValues: [String?] { [] }
}

/// Every kind of record of an Ente-year, in an order where each table comes after those it refers to.
enum StoredRecords {
    static let tables: [RecordTable] = [
        OrganisationalUnit.table, Person.table, RoleAssignment.table, MonitoringPeriod.table, PlanLevel.table,
        Act.table, PlanNode.table, Objective.table, ObjectiveLink.table, Indicator.table, Target.table,
        MeasuredItem.table, Measurement.table, Resource.table, AccountLine.table, ServiceStandard.table,
        ServiceResult.table, MonitoredProcedure.table, ProcedureResult.table, PlanVariation.table,
        NarrativeTable.table, SubIndicator.table,
    ]
}
