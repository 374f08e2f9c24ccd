import Foundation
import SQLKit
import TraguardoCore

extension Store {
    /// Records (or replaces) the acknowledgement of a finding of the Ente-year, with its audit row.
    public func acknowledge(_ acknowledgement: Acknowledgement, in scope: CycleScope, actor: String) async throws(StoreError) {
        var stored = acknowledgement
        if stored.acknowledgedAt == nil { stored.acknowledgedAt = clock() }
        let data: String
        do { data = try RecordCodec.encode(stored) } catch { throw .database("riconoscimento non codificabile: \(error)") }
        let record = stored
        try await write(actor: actor) { db, trail in
            guard try await Self.storedCycle(scope, on: db) != nil else { throw StoreError.notFound(table: "cycles", id: "\(scope)") }
            let old = try await Self.acknowledgementData(record.findingKey, scope, on: db)
            if old != nil {
                try await db.update("check_acknowledgements").set("data", to: SQLBind(data))
                    .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
                    .where("finding_key", .equal, SQLBind(record.findingKey)).run()
            } else {
                try await db.insert(into: "check_acknowledgements").columns("entity_code", "year", "finding_key", "data")
                    .values(SQLBind(scope.entityCode), SQLBind(scope.year), SQLBind(record.findingKey), SQLBind(data)).run()
            }
            await trail.add(AuditRecord(action: old == nil ? .insert : .update, table: "check_acknowledgements", scope: scope,
                                        recordID: record.findingKey, before: old, after: data))
        }
    }

    /// Removes an acknowledgement: the finding shows again. Throws `notFound` when there is none.
    public func removeAcknowledgement(_ findingKey: String, in scope: CycleScope, actor: String) async throws(StoreError) {
        try await write(actor: actor) { db, trail in
            guard let old = try await Self.acknowledgementData(findingKey, scope, on: db) else {
                throw StoreError.notFound(table: "check_acknowledgements", id: findingKey)
            }
            try await db.delete(from: "check_acknowledgements")
                .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
                .where("finding_key", .equal, SQLBind(findingKey)).run()
            await trail.add(AuditRecord(action: .delete, table: "check_acknowledgements", scope: scope, recordID: findingKey,
                                        before: old, after: nil))
        }
    }

    /// The acknowledgements of the Ente-year, by key.
    public func acknowledgements(in scope: CycleScope) async throws(StoreError) -> [Acknowledgement] {
        try await read { db in
            try await db.select().columns("finding_key", "data").from("check_acknowledgements")
                .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
                .orderBy("finding_key").all()
                .map { row in
                    try RecordCodec.decode(Acknowledgement.self, from: try row.decode(column: "data", as: String.self),
                                           table: "check_acknowledgements", id: try row.decode(column: "finding_key", as: String.self))
                }
        }
    }

    static func acknowledgementData(_ key: String, _ scope: CycleScope, on db: any SQLDatabase) async throws -> String? {
        try await db.select().columns("data").from("check_acknowledgements")
            .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
            .where("finding_key", .equal, SQLBind(key)).first()?.decode(column: "data", as: String.self)
    }
}
