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

/// A filter on the audit log, run in the database over the whole log; empty fields match everything.
/// Newest first; `offset` and `limit` cut one page, `beforeID` continues a long read after the last row seen.
public struct AuditQuery: Hashable, Sendable {
    public var entityCode: String?
    public var year: Int?
    public var table: String?
    /// The record's id, or (for an item) the measurements of it: `SG-2/2/1` matches `SG-2/2/1@ANNO` too.
    public var recordID: String?
    /// The author's username, compared without regard to case.
    public var actor: String?
    /// From this instant (inclusive) …
    public var from: Date?
    /// … to this one (exclusive).
    public var until: Date?
    /// Only rows older than this one (`id` less than it).
    public var beforeID: Int64?
    public var offset: Int
    public var limit: Int

    public init(
        entityCode: String? = nil, year: Int? = nil, table: String? = nil, recordID: String? = nil,
        actor: String? = nil, from: Date? = nil, until: Date? = nil, beforeID: Int64? = nil, offset: Int = 0,
        limit: Int = 1000
    ) {
        self.entityCode = entityCode
        self.year = year
        self.table = table
        self.recordID = recordID
        self.actor = actor
        self.from = from
        self.until = until
        self.beforeID = beforeID
        self.offset = offset
        self.limit = limit
    }
}

extension RecordTable {
    /// Every kind of record the audit log may name (the store's table name and what a person calls it), by label.
    public static var auditedKinds: [(name: String, label: String)] {
        let names = StoredRecords.tables.map(\.name) + [
            "entities", "cycles", "methodology_versions", "score_results", "check_acknowledgements", "users",
            "api_tokens", "comments", "validations", "office_submissions",
        ]
        return names.map { (name: $0, label: label(of: $0)) }
            .sorted { $0.label.localizedStandardCompare($1.label) == .orderedAscending }
    }
}
