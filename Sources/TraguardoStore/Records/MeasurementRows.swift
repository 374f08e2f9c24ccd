import SQLKit
import TraguardoCore

/// The SQL of the `measurements` table in columns (`MeasurementColumns`): read an Ente-year's rows, insert many at
/// once, update one.
enum MeasurementRows {
    /// The measurements of the Ente-year (only those with the given ids, when given), in their stored order.
    static func all(scope: CycleScope, ids: [String]? = nil, on db: any SQLDatabase) async throws
        -> [(measurement: TraguardoCore.Measurement, position: Int)]
    {
        var result: [(measurement: TraguardoCore.Measurement, position: Int)] = []
        let chunks: [ArraySlice<String>?] = ids.map { $0.chunked(into: 1000) } ?? [nil]
        for chunk in chunks {
            let select = db.select().columns(MeasurementColumns.names.map { SQLIdentifier($0) }).from("measurements")
                .where("entity_code", .equal, SQLBind(scope.entityCode))
                .where("year", .equal, SQLBind(scope.year))
            if let chunk { select.where("id", .in, SQLBind.group(Array(chunk))) }
            let rows = try await select.orderBy("position").orderBy("id").all()
            result.reserveCapacity(result.count + rows.count)
            for row in rows { result.append(try MeasurementColumns.read(row)) }
        }
        return result
    }

    /// Whether the Ente-year has any measurement.
    static func any(scope: CycleScope, on db: any SQLDatabase) async throws -> Bool {
        try await db.select().column(SQLLiteral.numeric("1"), as: "found").from("measurements")
            .where("entity_code", .equal, SQLBind(scope.entityCode))
            .where("year", .equal, SQLBind(scope.year))
            .limit(1).first() != nil
    }

    /// Inserts the measurements: COPY on PostgreSQL, otherwise multi-row statements with as many rows as the
    /// databases' bind limits allow (SQLite 32.766, PostgreSQL 65.535). `importIDs`: the registro row of the import
    /// that inserted each measurement (`import_id`, schema step 24), by id; the others get none.
    static func insert(
        _ rows: [(TraguardoCore.Measurement, Int)], importIDs: [String: Int64] = [:], scope: CycleScope, on db: any SQLDatabase
    ) async throws {
        if rows.isEmpty { return }
        let withImport = !importIDs.isEmpty
        let columns = MeasurementColumns.names + (withImport ? ["import_id"] : [])
        let copied = try await BulkCopy.copy(into: "measurements", columns: columns, count: rows.count, rows: rows.map {
            MeasurementColumns.texts($0.0, scope: scope, position: $0.1) + (withImport ? [importIDs[$0.0.id].map(String.init)] : [])
        })
        if copied { return }
        let perStatement = max(1, 32_000 / columns.count)
        for chunk in rows.chunked(into: perStatement) {
            if db.dialect.name == "sqlite" {
                try await db.execute(sql: SQLiteInsert(table: "measurements", columns: columns, rows: chunk.map {
                    MeasurementColumns.values($0.0, scope: scope, position: $0.1)
                        + (withImport ? [importIDs[$0.0.id] as (any Encodable & Sendable)?] : [])
                }), { _ in })
                continue
            }
            let insert = db.insert(into: "measurements").columns(columns)
            for (measurement, position) in chunk {
                insert.values(MeasurementColumns.values(measurement, scope: scope, position: position).map(MeasurementColumns.bind)
                    + (withImport ? [MeasurementColumns.bind(importIDs[measurement.id])] : []))
            }
            try await insert.run()
        }
    }

    /// The import each of these measurements came from (`import_id`), for those that came from one.
    static func importIDs(of ids: [String], scope: CycleScope, on db: any SQLDatabase) async throws -> [String: Int64] {
        var result: [String: Int64] = [:]
        for chunk in ids.chunked(into: 1000) {
            let rows = try await db.select().columns("id", "import_id").from("measurements")
                .where("entity_code", .equal, SQLBind(scope.entityCode))
                .where("year", .equal, SQLBind(scope.year))
                .where("id", .in, SQLBind.group(Array(chunk)))
                .where(SQLIdentifier("import_id"), .isNot, SQLLiteral.null)
                .all()
            for row in rows {
                result[try row.decode(column: "id", as: String.self)] = try row.decode(column: "import_id", as: Int64.self)
            }
        }
        return result
    }

    static func update(_ measurement: TraguardoCore.Measurement, position: Int, scope: CycleScope, on db: any SQLDatabase) async throws {
        let update = db.update("measurements")
            .set("item_id", to: SQLBind(measurement.itemID))
            .set("period_id", to: SQLBind(measurement.periodID))
        for (column, value) in zip(MeasurementColumns.fieldNames, MeasurementColumns.fieldValues(measurement, position: position)) {
            update.set(SQLIdentifier(column), to: MeasurementColumns.bind(value))
        }
        try await update
            .where("entity_code", .equal, SQLBind(scope.entityCode))
            .where("year", .equal, SQLBind(scope.year))
            .where("id", .equal, SQLBind(measurement.id))
            .run()
    }
}
