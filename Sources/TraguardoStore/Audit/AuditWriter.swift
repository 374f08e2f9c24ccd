import Foundation
import SQLKit

/// A change waiting to be written to the audit log, in the same transaction as the change itself.
struct AuditRecord: Sendable {
    var action: AuditAction
    var table: String
    var scope: CycleScope?
    var recordID: String
    var before: String?
    var after: String?
}

enum AuditWriter {
    /// Writes the rows in batches (a plan import can change a million records).
    static func write(_ records: [AuditRecord], actor: String, at date: Date, on db: any SQLDatabase) async throws {
        let at = Timestamp.format(date)
        let records = records.map { record in
            var record = record
            if record.action == .update, let before = record.before, let after = record.after {
                (record.before, record.after) = AuditChange.compact(before: before, after: after)
            }
            return record
        }
        let copied = try await BulkCopy.copy(
            into: "audit_log", columns: ["at", "actor", "action", "table_name", "entity_code", "year", "record_id", "before_data", "after_data"],
            count: records.count, rows: records.map { [at, actor, $0.action.rawValue, $0.table, $0.scope?.entityCode, $0.scope.map { String($0.year) }, $0.recordID, $0.before, $0.after] })
        if copied { return }
        for chunk in records.chunked(into: 1500) {
            let insert = db.insert(into: "audit_log")
                .columns("at", "actor", "action", "table_name", "entity_code", "year", "record_id", "before_data", "after_data")
            for record in chunk {
                insert.values(
                    SQLBind(at), SQLBind(actor), SQLBind(record.action.rawValue), SQLBind(record.table),
                    SQLValue.optional(record.scope?.entityCode), SQLValue.optional(record.scope?.year),
                    SQLBind(record.recordID), SQLValue.optional(record.before), SQLValue.optional(record.after))
            }
            try await insert.run()
        }
    }

    static func read(_ query: AuditQuery, on db: any SQLDatabase) async throws -> [AuditEntry] {
        let select = db.select()
            .columns("id", "at", "actor", "action", "table_name", "entity_code", "year", "record_id", "before_data", "after_data")
            .from("audit_log")
        filter(select, by: query)
        select.orderBy("id", .descending).limit(max(0, query.limit)).offset(max(0, query.offset))
        return try await select.all().map { row in
            let entity = try row.decode(column: "entity_code", as: String?.self)
            let year = try row.decode(column: "year", as: Int?.self)
            let atText = try row.decode(column: "at", as: String.self)
            let actionText = try row.decode(column: "action", as: String.self)
            return AuditEntry(
                id: try row.decode(column: "id", as: Int64.self),
                at: Timestamp.parse(atText) ?? Date(timeIntervalSince1970: 0),
                actor: try row.decode(column: "actor", as: String.self),
                action: AuditAction(rawValue: actionText) ?? .update,
                table: try row.decode(column: "table_name", as: String.self),
                scope: entity.flatMap { code in year.map { CycleScope(entityCode: code, year: $0) } },
                recordID: try row.decode(column: "record_id", as: String.self),
                before: try row.decode(column: "before_data", as: String?.self),
                after: try row.decode(column: "after_data", as: String?.self))
        }
    }

    /// How many rows pass the filter (`limit` and `offset` aside).
    static func count(_ query: AuditQuery, on db: any SQLDatabase) async throws -> Int {
        let select = db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("audit_log")
        filter(select, by: query)
        return try await select.first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// The query's conditions, in SQL (every value bound). Timestamps are stored as ISO 8601 text in UTC, so
    /// the text order is the time order.
    private static func filter(_ select: SQLSelectBuilder, by query: AuditQuery) {
        if let entity = query.entityCode { select.where("entity_code", .equal, SQLBind(entity)) }
        if let year = query.year { select.where("year", .equal, SQLBind(year)) }
        if let table = query.table { select.where("table_name", .equal, SQLBind(table)) }
        if let record = query.recordID {
            select.where {
                $0.where("record_id", .equal, SQLBind(record))
                    .orWhere(SQLQueryString("record_id LIKE \(bind: likePrefix(record + "@")) ESCAPE '!'"))
            }
        }
        if let actor = query.actor {
            select.where(SQLFunction("LOWER", args: SQLIdentifier("actor")), .equal, SQLBind(actor.lowercased()))
        }
        if let from = query.from { select.where("at", .greaterThanOrEqual, SQLBind(Timestamp.format(from))) }
        if let until = query.until { select.where("at", .lessThan, SQLBind(Timestamp.format(until))) }
        if let beforeID = query.beforeID { select.where("id", .lessThan, SQLBind(beforeID)) }
    }

    /// `text%` for LIKE, with LIKE's own wildcards in `text` read as themselves (escaped with `!`).
    private static func likePrefix(_ text: String) -> String {
        text.replacingOccurrences(of: "!", with: "!!").replacingOccurrences(of: "%", with: "!%")
            .replacingOccurrences(of: "_", with: "!_") + "%"
    }
}

/// A bind, or SQL `NULL` for a missing value (so neither database has to guess a type for it).
enum SQLValue {
    static func optional<T: Encodable & Sendable>(_ value: T?) -> any SQLExpression {
        if let value { return SQLBind(value) }
        return SQLLiteral.null
    }
}

extension Array {
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
