import Foundation

/// What a change did to a record.
public enum AuditAction: String, Sendable, Codable, CaseIterable {
    case insert = "inserimento"
    case update = "modifica"
    case delete = "eliminazione"
    /// A sheet imported: one row per file and Ente-year (name, SHA-256, rows), beside the rows it wrote.
    case importFile = "importazione"
}

/// One row of the *registro modifiche*: who changed what, when, with the record before and after
/// (as stored JSON; `nil` before an insert and after a delete; for an update only the fields that changed).
public struct AuditEntry: Hashable, Sendable {
    public var id: Int64
    public var at: Date
    public var actor: String
    public var action: AuditAction
    /// The table's name (`indicators`); `tableLabel` is what a person calls it.
    public var table: String
    public var scope: CycleScope?
    public var recordID: String
    public var before: String?
    public var after: String?

    public var tableLabel: String { RecordTable.label(of: table) }
}

/// A filter on the audit log; empty fields match everything. Newest first.
public struct AuditQuery: Hashable, Sendable {
    public var entityCode: String?
    public var year: Int?
    public var table: String?
    public var recordID: String?
    public var actor: String?
    public var limit: Int

    public init(
        entityCode: String? = nil, year: Int? = nil, table: String? = nil, recordID: String? = nil,
        actor: String? = nil, limit: Int = 1000
    ) {
        self.entityCode = entityCode
        self.year = year
        self.table = table
        self.recordID = recordID
        self.actor = actor
        self.limit = limit
    }
}
