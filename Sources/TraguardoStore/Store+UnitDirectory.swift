import SQLKit
import TraguardoCore

/// The units of every stored Ente-year in one query: what the users page offers as offices and areas,
/// without loading whole plans (at national scale, 60 Enti × 10 years of plans would be read just for
/// a few hundred names; the `units` table is small and holds each unit as its own row).
extension Store {
    /// Every stored unit, with its Ente-year, newest year first; only the Ente `entityCode` when given.
    public func unitDirectory(entityCode: String? = nil) async throws(StoreError) -> [(scope: CycleScope, unit: OrganisationalUnit)] {
        try await read { db in
            var query = db.select().columns("entity_code", "year", "id", "data").from(OrganisationalUnit.table.name)
            if let entityCode { query = query.where("entity_code", .equal, SQLBind(entityCode)) }
            let rows = try await query.orderBy("year", .descending).orderBy("entity_code").orderBy("position").orderBy("id").all()
            return try rows.map { row in
                let scope = CycleScope(
                    entityCode: try row.decode(column: "entity_code", as: String.self), year: try row.decode(column: "year", as: Int.self))
                let unit = try RecordCodec.decode(
                    OrganisationalUnit.self, from: try row.decode(column: "data", as: String.self), table: OrganisationalUnit.table.name,
                    id: try row.decode(column: "id", as: String.self))
                return (scope, unit)
            }
        }
    }
}
