import Foundation
import SQLKit
import TraguardoCore

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
    /// The columns a change fills, in the order of `binds`.
    static let columns = ["at", "actor", "action", "table_name", "entity_code", "year", "record_id", "before_data", "after_data"]

    static func binds(_ record: AuditRecord, actor: String, at: String) -> [any SQLExpression] {
        [
            SQLBind(at), SQLBind(actor), SQLBind(record.action.rawValue), SQLBind(record.table),
            SQLValue.optional(record.scope?.entityCode), SQLValue.optional(record.scope?.year),
            SQLBind(record.recordID), SQLValue.optional(record.before), SQLValue.optional(record.after),
        ]
    }

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
            into: "audit_log", columns: columns,
            count: records.count, rows: records.map { [at, actor, $0.action.rawValue, $0.table, $0.scope?.entityCode, $0.scope.map { String($0.year) }, $0.recordID, $0.before, $0.after] })
        if copied { return }
        for chunk in records.chunked(into: 1500) {
            let insert = db.insert(into: "audit_log").columns(columns)
            for record in chunk { insert.values(binds(record, actor: actor, at: at)) }
            try await insert.run()
        }
    }

    /// Writes one row now and returns its id (an import's «importazione» row, which the rows it inserts name).
    static func insertReturningID(_ record: AuditRecord, actor: String, at date: Date, on db: any SQLDatabase) async throws -> Int64 {
        let row = try await db.insert(into: "audit_log").columns(columns)
            .values(binds(record, actor: actor, at: Timestamp.format(date)))
            .returning("id")
            .first()
        guard let row else { throw StoreError.integrity("il registro modifiche non ha restituito il numero della riga scritta") }
        return try row.decode(column: "id", as: Int64.self)
    }

    /// The registro as a person reads it: the rows of `audit_log`, and an «inserimento» for each measurement an
    /// import inserted (schema step 24: the row names its import in `import_id` instead of having a registro row),
    /// with the import's id, time and author, right after the import's own row; its values are the ones the import
    /// wrote (`insertedValues`).
    static func read(_ query: AuditQuery, on db: any SQLDatabase) async throws -> [AuditEntry] {
        var sql: SQLQueryString = """
            SELECT id, at, actor, action, table_name, entity_code, year, record_id, before_data, after_data, 0 AS derived
            FROM audit_log WHERE
            """
        sql += conditions(query, imported: false)
        if importedRowsMatch(query) {
            sql += """
                 UNION ALL SELECT m.import_id, a.at, a.actor, 'inserimento', 'measurements', m.entity_code, m.year, m.id, NULL, NULL, 1
                FROM measurements m JOIN audit_log a ON a.id = m.import_id WHERE m.import_id IS NOT NULL AND
                """
            sql += conditions(query, imported: true)
        }
        // Newest first: the imported rows read in the order of their index (`measurements_import_idx`), so that
        // SQLite sorts only the rows of one import at a time, never all of them.
        sql += " ORDER BY id DESC, derived, record_id LIMIT \(bind: max(0, query.limit)) OFFSET \(bind: max(0, query.offset))"
        var derived: [Int] = []
        var entries: [AuditEntry] = []
        for row in try await db.raw(sql).all() {
            let entity = try row.decode(column: "entity_code", as: String?.self)
            let year = try row.decode(column: "year", as: Int?.self)
            let atText = try row.decode(column: "at", as: String.self)
            let actionText = try row.decode(column: "action", as: String.self)
            if try row.decode(column: "derived", as: Int.self) != 0 { derived.append(entries.count) }
            entries.append(AuditEntry(
                id: try row.decode(column: "id", as: Int64.self),
                at: Timestamp.parse(atText) ?? Date(timeIntervalSince1970: 0),
                actor: try row.decode(column: "actor", as: String.self),
                action: AuditAction(rawValue: actionText) ?? .update,
                table: try row.decode(column: "table_name", as: String.self),
                scope: entity.flatMap { code in year.map { CycleScope(entityCode: code, year: $0) } },
                recordID: try row.decode(column: "record_id", as: String.self),
                before: try row.decode(column: "before_data", as: String?.self),
                after: try row.decode(column: "after_data", as: String?.self)))
        }
        let values = try await insertedValues(derived.map { entries[$0] }, on: db)
        for (index, value) in zip(derived, values) { entries[index].after = value }
        return entries
    }

    /// How many rows pass the filter (`limit` and `offset` aside).
    static func count(_ query: AuditQuery, on db: any SQLDatabase) async throws -> Int {
        var sql: SQLQueryString = "SELECT (SELECT COUNT(*) FROM audit_log WHERE "
        sql += conditions(query, imported: false)
        sql += ")"
        if importedRowsMatch(query) {
            sql += " + (SELECT COUNT(*) FROM measurements m JOIN audit_log a ON a.id = m.import_id WHERE m.import_id IS NOT NULL AND "
            sql += conditions(query, imported: true)
            sql += ")"
        }
        sql += " AS n"
        return try await db.raw(sql).first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// Whether the imported rows' «inserimento» entries can pass the filter at all.
    private static func importedRowsMatch(_ query: AuditQuery) -> Bool {
        !MeasurementStorage.asJSON && (query.table ?? TraguardoCore.Measurement.table.name) == TraguardoCore.Measurement.table.name
    }

    /// The values each imported row had when its import wrote it: the row as it is now, with every change written
    /// since (its «modifica» rows, newest first) undone by putting back their «before»; as the fields it set, the
    /// form of an «inserimento» row (`MeasurementJSON.insertedFields`).
    static func insertedValues(_ entries: [AuditEntry], on db: any SQLDatabase) async throws -> [String?] {
        var byScope: [CycleScope: [String]] = [:]
        for entry in entries { if let scope = entry.scope { byScope[scope, default: []].append(entry.recordID) } }
        var current: [CycleScope: [String: TraguardoCore.Measurement]] = [:]
        /// The changes of each row, newest first: (registro id, before, after).
        var changes: [CycleScope: [String: [(id: Int64, before: String?, after: String?)]]] = [:]
        for (scope, ids) in byScope {
            let since = entries.filter { $0.scope == scope }.map(\.id).min() ?? 0
            for (measurement, _) in try await MeasurementRows.all(scope: scope, ids: ids, on: db) {
                current[scope, default: [:]][measurement.id] = measurement
            }
            for chunk in ids.chunked(into: 1000) {
                let rows = try await db.select().columns("id", "record_id", "before_data", "after_data").from("audit_log")
                    .where("table_name", .equal, SQLBind(TraguardoCore.Measurement.table.name))
                    .where("record_id", .in, SQLBind.group(Array(chunk)))
                    .where("entity_code", .equal, SQLBind(scope.entityCode))
                    .where("year", .equal, SQLBind(scope.year))
                    .where("action", .equal, SQLBind(AuditAction.update.rawValue))
                    .where("id", .greaterThan, SQLBind(since))
                    .orderBy("id", .descending)
                    .all()
                for row in rows {
                    changes[scope, default: [:]][try row.decode(column: "record_id", as: String.self), default: []].append((
                        try row.decode(column: "id", as: Int64.self), try row.decode(column: "before_data", as: String?.self),
                        try row.decode(column: "after_data", as: String?.self)))
                }
            }
        }
        return entries.map { entry in
            guard let scope = entry.scope, let measurement = current[scope]?[entry.recordID],
                  var fields = AuditChange.fields(of: MeasurementJSON.encode(measurement)) else { return nil }
            for change in changes[scope]?[entry.recordID] ?? [] where change.id > entry.id {
                let before = change.before.flatMap(AuditChange.fields(of:)) ?? []
                let after = change.after.flatMap(AuditChange.fields(of:)) ?? []
                let restored = Set(before.map(\.key))
                fields.removeAll { field in restored.contains(field.key) || after.contains { $0.key == field.key } }
                fields += before
            }
            let json = "{" + fields.map { "\($0.key):\($0.value)" }.joined(separator: ",") + "}"
            guard let inserted = try? TraguardoCore.Measurement.read(json, id: entry.recordID) else { return json }
            return MeasurementJSON.insertedFields(inserted)
        }
    }

    /// Before imported rows are deleted: their «inserimento» entries, rebuilt now, become rows of their own (with
    /// the import's time and author), so that the registro keeps who inserted each value, when and what it was.
    static func keepInsertions(of ids: [String], scope: CycleScope, on db: any SQLDatabase) async throws {
        guard !MeasurementStorage.asJSON, !ids.isEmpty else { return }
        var entries: [AuditEntry] = []
        for chunk in ids.chunked(into: 1000) {
            let binds: [any Encodable & Sendable] = chunk.map { $0 }
            let rows = try await db.raw("""
                SELECT m.id AS record_id, a.id, a.at, a.actor FROM measurements m JOIN audit_log a ON a.id = m.import_id
                WHERE m.entity_code = \(bind: scope.entityCode) AND m.year = \(bind: scope.year) AND m.id IN (\(binds: binds))
                """).all()
            for row in rows {
                entries.append(AuditEntry(
                    id: try row.decode(column: "id", as: Int64.self),
                    at: Timestamp.parse(try row.decode(column: "at", as: String.self)) ?? Date(timeIntervalSince1970: 0),
                    actor: try row.decode(column: "actor", as: String.self), action: .insert,
                    table: TraguardoCore.Measurement.table.name, scope: scope,
                    recordID: try row.decode(column: "record_id", as: String.self), before: nil, after: nil))
            }
        }
        for (entry, values) in zip(entries, try await insertedValues(entries, on: db)) {
            _ = try await insertReturningID(
                AuditRecord(action: .insert, table: entry.table, scope: scope, recordID: entry.recordID, before: nil, after: values),
                actor: entry.actor, at: entry.at, on: db)
        }
    }

    /// The query's conditions, in SQL (every value bound; a space first), on `audit_log` or (`imported`) on the imported
    /// measurements `m` joined to their import's row `a`. Timestamps are stored as ISO 8601 text in UTC, so the
    /// text order is the time order.
    private static func conditions(_ query: AuditQuery, imported: Bool) -> SQLQueryString {
        let (log, row) = imported ? ("a.", "m.") : ("", "")
        var parts: [SQLQueryString] = []
        if let entity = query.entityCode { parts.append("\(unsafeRaw: row)entity_code = \(bind: entity)") }
        if let year = query.year { parts.append("\(unsafeRaw: row)year = \(bind: year)") }
        if let table = query.table, !imported { parts.append("table_name = \(bind: table)") }
        if let record = query.recordID {
            let column = imported ? "m.id" : "record_id"
            parts.append("(\(unsafeRaw: column) = \(bind: record) OR \(unsafeRaw: column) LIKE \(bind: likePrefix(record + "@")) ESCAPE '!')")
        }
        if let actor = query.actor { parts.append("LOWER(\(unsafeRaw: log)actor) = \(bind: actor.lowercased())") }
        if let from = query.from { parts.append("\(unsafeRaw: log)at >= \(bind: Timestamp.format(from))") }
        if let until = query.until { parts.append("\(unsafeRaw: log)at < \(bind: Timestamp.format(until))") }
        if let beforeID = query.beforeID { parts.append("\(unsafeRaw: log)id < \(bind: beforeID)") }
        return " " + (parts.isEmpty ? "1 = 1" : parts.joined(separator: " AND "))
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
