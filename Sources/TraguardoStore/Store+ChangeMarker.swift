import Foundation
import SQLKit
import TraguardoCore

/// Where an Ente-year's data stand: the number of its last change in the registro and how many changes it
/// has. Every write of the store adds its rows to the registro, so while the marker is the same the data
/// are the same. The count is there because on PostgreSQL two transactions may commit out of the order of
/// their numbers: a late commit with a lower number leaves the last number as it was, but not the count.
public struct ChangeMarker: Hashable, Sendable {
    public var lastChange: Int64?
    public var changes: Int

    public init(lastChange: Int64?, changes: Int) {
        self.lastChange = lastChange
        self.changes = changes
    }
}

extension Store {
    /// The marker of the Ente-year (one indexed query on the registro).
    public func changeMarker(of scope: CycleScope) async throws(StoreError) -> ChangeMarker {
        try await read { db in
            let row = try await db.select()
                .column(SQLFunction("MAX", args: SQLColumn("id")), as: "last")
                .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("audit_log")
                .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
                .first()
            return ChangeMarker(
                lastChange: try row?.decode(column: "last", as: Int64?.self), changes: try row?.decode(column: "n", as: Int.self) ?? 0)
        }
    }
}

extension Store {
    /// The marker of every year of the Ente that has data, in one query (the pages that show several years,
    /// such as the cruscotto's trend, ask once per request).
    public func changeMarkers(entityCode: String) async throws(StoreError) -> [Int: ChangeMarker] {
        try await read { db in
            let rows = try await db.select()
                .column("year")
                .column(SQLFunction("MAX", args: SQLColumn("id")), as: "last")
                .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("audit_log")
                .where("entity_code", .equal, SQLBind(entityCode)).where("year", .isNot, SQLLiteral.null)
                .groupBy("year")
                .all()
            var markers: [Int: ChangeMarker] = [:]
            for row in rows {
                markers[try row.decode(column: "year", as: Int.self)] = ChangeMarker(
                    lastChange: try row.decode(column: "last", as: Int64?.self), changes: try row.decode(column: "n", as: Int.self))
            }
            return markers
        }
    }
}
