import Foundation
import SQLKit
import TraguardoCore

/// A record as it goes into its table's row.
struct RecordRow: Sendable {
    var id: String
    var references: [String?]
    var position: Int
    var data: String

    init(id: String, references: [String?], position: Int, data: String) {
        self.id = id
        self.references = references
        self.position = position
        self.data = data
    }

    init<R: StoredRecord>(_ record: R, position: Int) throws {
        self.id = record.id
        self.references = record.referenceValues
        self.position = position
        self.data = try record.storedJSON()
    }
}

/// The SQL of the record tables: read, insert, update and delete rows of one Ente-year.
enum RecordRows {
    /// The stored JSON and position of every row of the Ente-year, by id.
    static func stored(in table: RecordTable, scope: CycleScope, on db: any SQLDatabase) async throws
        -> [String: (data: String, position: Int)]
    {
        if table.inColumns {
            var result: [String: (data: String, position: Int)] = [:]
            for (measurement, position) in try await MeasurementRows.all(scope: scope, on: db) {
                result[measurement.id] = (MeasurementJSON.encode(measurement), position)
            }
            return result
        }
        let rows = try await db.select().columns("id", "position", "data").from(table.name)
            .where("entity_code", .equal, SQLBind(scope.entityCode))
            .where("year", .equal, SQLBind(scope.year))
            .all()
        var result: [String: (data: String, position: Int)] = [:]
        result.reserveCapacity(rows.count)
        for row in rows {
            let id = try row.decode(column: "id", as: String.self)
            result[id] = (try row.decode(column: "data", as: String.self), try row.decode(column: "position", as: Int.self))
        }
        return result
    }

    /// Every record of the Ente-year, in its stored order. The database joins the rows' JSON into one array, decoded
    /// in one pass instead of a decoder and an SQLKit row per record (reading 10.000 indicators, items and targets
    /// that way was a fifth of `score`'s time). When the array does not decode, the rows are read one by one, so that
    /// the error names the record.
    static func all<R: StoredRecord>(_ type: R.Type, scope: CycleScope, on db: any SQLDatabase) async throws -> [R] {
        let table = R.table
        if table.inColumns, let measurements = try await MeasurementRows.all(scope: scope, on: db).map(\.measurement) as? [R] {
            return measurements
        }
        if rowByRow { return try await oneByOne(type, scope: scope, on: db) }
        let joined = db.dialect.name == "postgresql"
            ? "string_agg(data, ',' ORDER BY position, id)" : "group_concat(data, ',' ORDER BY position, id)"
        let row = try await db.raw("""
            SELECT \(unsafeRaw: joined) AS records FROM \(unsafeRaw: table.name)
            WHERE entity_code = \(bind: scope.entityCode) AND year = \(bind: scope.year)
            """).first()
        guard let row, !(try row.decodeNil(column: "records")) else { return [] }
        let array = "[" + (try row.decode(column: "records", as: String.self)) + "]"
        if let records = try? JSONDecoder().decode([R].self, from: Data(array.utf8)) { return records }
        return try await oneByOne(type, scope: scope, on: db)
    }

    /// Reads every record row by row, as before the joined read: what a test compares the joined read with.
    @TaskLocal static var rowByRow = false

    /// Every record of the Ente-year, each row decoded by itself (an unreadable record is named).
    static func oneByOne<R: StoredRecord>(_ type: R.Type, scope: CycleScope, on db: any SQLDatabase) async throws -> [R] {
        let table = R.table
        let rows = try await db.select().columns("id", "data").from(table.name)
            .where("entity_code", .equal, SQLBind(scope.entityCode))
            .where("year", .equal, SQLBind(scope.year))
            .orderBy("position").orderBy("id")
            .all()
        return try rows.map { row in
            try R.read(try row.decode(column: "data", as: String.self), id: try row.decode(column: "id", as: String.self))
        }
    }

    static func one<R: StoredRecord>(_ type: R.Type, id: String, scope: CycleScope, on db: any SQLDatabase) async throws
        -> (record: R, data: String, position: Int)?
    {
        let table = R.table
        if table.inColumns {
            guard let (measurement, position) = try await MeasurementRows.all(scope: scope, ids: [id], on: db).first,
                  let record = measurement as? R else { return nil }
            return (record, MeasurementJSON.encode(measurement), position)
        }
        guard let row = try await db.select().columns("data", "position").from(table.name)
            .where("entity_code", .equal, SQLBind(scope.entityCode))
            .where("year", .equal, SQLBind(scope.year))
            .where("id", .equal, SQLBind(id))
            .first()
        else { return nil }
        let data = try row.decode(column: "data", as: String.self)
        return (try R.read(data, id: id), data,
                try row.decode(column: "position", as: Int.self))
    }

    static func nextPosition(in table: RecordTable, scope: CycleScope, on db: any SQLDatabase) async throws -> Int {
        let row = try await db.raw("""
            SELECT MAX(position) AS last FROM \(unsafeRaw: table.name)
            WHERE entity_code = \(bind: scope.entityCode) AND year = \(bind: scope.year)
            """).first()
        guard let row, try !row.decodeNil(column: "last") else { return 0 }
        return try row.decode(column: "last", as: Int.self) + 1
    }

    static func insert(_ rows: [RecordRow], into table: RecordTable, scope: CycleScope, on db: any SQLDatabase) async throws {
        if table.inColumns {
            try await MeasurementRows.insert(
                try rows.map { (try TraguardoCore.Measurement.read($0.data, id: $0.id), $0.position) }, scope: scope, on: db)
            return
        }
        let columns = ["entity_code", "year", "id"] + table.references.map(\.column) + ["position", "data"]
        let copied = try await BulkCopy.copy(into: table.name, columns: columns, count: rows.count, rows: rows.map { row in
            [scope.entityCode, String(scope.year), row.id] + row.references + [String(row.position), row.data]
        })
        if copied { return }
        // Large statements (a million-row import runs a few hundred of them), with few enough binds for
        // SQLite's (32.766) and PostgreSQL's (65.535) limits.
        let perStatement = max(1, 16_000 / columns.count)
        for chunk in rows.chunked(into: perStatement) {
            let insert = db.insert(into: table.name).columns(columns)
            for row in chunk {
                var values: [any SQLExpression] = [SQLBind(scope.entityCode), SQLBind(scope.year), SQLBind(row.id)]
                values += row.references.map { SQLValue.optional($0) }
                values += [SQLBind(row.position), SQLBind(row.data)]
                insert.values(values)
            }
            try await insert.run()
        }
    }

    static func update(_ row: RecordRow, in table: RecordTable, scope: CycleScope, on db: any SQLDatabase) async throws {
        if table.inColumns {
            try await MeasurementRows.update(try TraguardoCore.Measurement.read(row.data, id: row.id), position: row.position, scope: scope, on: db)
            return
        }
        let update = db.update(table.name)
        for (reference, value) in zip(table.references, row.references) {
            update.set(SQLIdentifier(reference.column), to: SQLValue.optional(value))
        }
        try await update
            .set("position", to: SQLBind(row.position))
            .set("data", to: SQLBind(row.data))
            .where("entity_code", .equal, SQLBind(scope.entityCode))
            .where("year", .equal, SQLBind(scope.year))
            .where("id", .equal, SQLBind(row.id))
            .run()
    }

    static func setPosition(_ position: Int, id: String, in table: RecordTable, scope: CycleScope, on db: any SQLDatabase)
        async throws
    {
        try await db.update(table.name)
            .set("position", to: SQLBind(position))
            .where("entity_code", .equal, SQLBind(scope.entityCode))
            .where("year", .equal, SQLBind(scope.year))
            .where("id", .equal, SQLBind(id))
            .run()
    }

    static func delete(ids: [String], from table: RecordTable, scope: CycleScope, on db: any SQLDatabase) async throws {
        for chunk in ids.chunked(into: 500) {
            try await db.delete(from: table.name)
                .where("entity_code", .equal, SQLBind(scope.entityCode))
                .where("year", .equal, SQLBind(scope.year))
                .where("id", .in, SQLBind.group(Array(chunk)))
                .run()
        }
    }

    /// The ids of records in other tables that still name `id` of `table`.
    static func referrers(to id: String, of table: RecordTable, scope: CycleScope, on db: any SQLDatabase) async throws
        -> [(table: RecordTable, id: String)]
    {
        var found: [(table: RecordTable, id: String)] = []
        for other in StoredRecords.tables {
            for reference in other.references where reference.table == table.name {
                let rows = try await db.select().column("id").from(other.name)
                    .where("entity_code", .equal, SQLBind(scope.entityCode))
                    .where("year", .equal, SQLBind(scope.year))
                    .where(SQLIdentifier(reference.column), .equal, SQLBind(id))
                    .limit(5)
                    .all()
                found += try rows.map { (other, try $0.decode(column: "id", as: String.self)) }
            }
        }
        return found
    }
}
