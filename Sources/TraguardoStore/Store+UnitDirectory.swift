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

    /// Each unit once per Ente and code, with its newest year's name (a unit renamed over the years shows its
    /// latest name), sorted by Ente, name and code: the offices and areas the user forms offer.
    public func unitNames(entityCode: String? = nil) async throws(StoreError) -> [UserProfileRule.UnitName] {
        var names: [UserProfileRule.UnitName] = []
        var seen: Set<String> = []
        for (scope, unit) in try await unitDirectory(entityCode: entityCode) {
            let name = UserProfileRule.UnitName(entityCode: scope.entityCode, code: unit.code ?? unit.id, name: unit.name)
            if seen.insert("\(name.entityCode)/\(name.code)").inserted { names.append(name) }
        }
        return names.sorted { ($0.entityCode, $0.name, $0.code) < ($1.entityCode, $1.name, $1.code) }
    }

    /// What `UserProfileRule.check` needs of the database for these texts: whether the Ente exists, the Enti an
    /// error may list (only `limit` when the acting amministratore is limited to it), the Ente's units, and the
    /// unit of another Ente when the unit is written `ENTE/CODICE` of one.
    public func userProfileDirectory(entity: String, unit: String, limit: String? = nil) async throws(StoreError) -> UserProfileRule.Directory {
        guard !entity.isEmpty else { return UserProfileRule.Directory(entityExists: true, entityCodes: [], units: []) }
        guard try await self.entity(entity) != nil else {
            let codes = try await entities().map(\.code).filter { limit == nil || $0 == limit }
            return UserProfileRule.Directory(entityExists: false, entityCodes: codes, units: [])
        }
        var other: UserProfileRule.UnitName?
        if let asked = UserProfileRule.otherEntityUnitCode(unit, besides: entity) {
            other = try await unitNames(entityCode: asked.entityCode).first { $0.code == asked.code }
        }
        return UserProfileRule.Directory(
            entityExists: true, entityCodes: [], units: try await unitNames(entityCode: entity), otherEntityUnit: other)
    }
}
