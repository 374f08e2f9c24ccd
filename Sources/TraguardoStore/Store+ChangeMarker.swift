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

/// Where the list of Enti and Ente-years stands, and the marker of every year of one Ente (`Store.placeMarkers`).
public typealias PlaceMarkers = (directory: ChangeMarker, years: [Int: ChangeMarker])

extension Store {
    /// The marker of the Ente-year. On SQLite the number of the last change is enough (one writer at a time:
    /// numbers are given in the order of the commits, and never again after a rollback), read from the index
    /// without counting; on PostgreSQL the count is read too (see `ChangeMarker`), from the counter the
    /// registro's trigger keeps (`Migrations.changeCounters`): one row, however long the registro.
    public func changeMarker(of scope: CycleScope) async throws(StoreError) -> ChangeMarker {
        let sql: SQLQueryString = """
            SELECT (SELECT MAX(a.id) FROM audit_log a WHERE a.entity_code = c.entity_code AND a.year = c.year) AS last,
              \(unsafeRaw: changesColumn) AS n
            FROM (SELECT \(bind: scope.entityCode) AS entity_code, \(bind: scope.year) AS year) c
            """
        return try await read { db in
            let row = try await db.raw(sql).first()
            return ChangeMarker(
                lastChange: try row?.decode(column: "last", as: Int64?.self), changes: try row?.decode(column: "n", as: Int.self) ?? 0)
        }
    }

    /// The marker of every year of the Ente that has a cycle, in one query (the pages that show several years,
    /// such as the cruscotto's trend, ask once per request); the same values as `changeMarker(of:)`.
    public func changeMarkers(entityCode: String) async throws(StoreError) -> [Int: ChangeMarker] {
        let markers = try await changeMarkers(ofCyclesWhere: "entity_code", is: entityCode)
        return Dictionary(markers.map { ($0.key.year, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The marker of every Ente with a cycle in `year`, in one query (the comparison across Enti depends on all of
    /// them); the same values as `changeMarker(of:)`.
    public func changeMarkers(year: Int) async throws(StoreError) -> [String: ChangeMarker] {
        let markers = try await changeMarkers(ofCyclesWhere: "year", is: year)
        return Dictionary(markers.map { ($0.key.entityCode, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// Where the list of Enti and Ente-years stands (the changes of `entities` and `cycles` in the registro: how
    /// many and the last one, both from the registro's index by table), and the markers of every year of the Ente
    /// `entityCode` that has a cycle (the same values as `changeMarkers(entityCode:)`), in one query: what a page
    /// asks the store before anything else, so that the header's chooser and the page itself are read again only
    /// when their data changed.
    public func placeMarkers(entityCode: String?) async throws(StoreError) -> PlaceMarkers {
        let sql = placeMarkersQuery(entityCode: entityCode)
        return try await read { db in try Self.placeMarkers(from: try await db.raw(sql).all()) }
    }

    /// The SQL of `placeMarkers(entityCode:)`: one row per year of the Ente with a cycle (one row with a NULL year when
    /// it has none), each with the directory's marker. `Store.session(tokenHash:now:placeOf:)` asks it together with
    /// the session.
    func placeMarkersQuery(entityCode: String?) -> SQLQueryString {
        // Always a bound value (NULL: no Ente, no row of `cycles` matches), so that the text is the same for every
        // Ente and PostgreSQL prepares it once (`SessionAndPlaceStatement`).
        let join: SQLQueryString = "c.entity_code = \(bind: entityCode)"
        return """
            SELECT d.n AS directory_changes, d.last AS directory_last, c.year AS year,
              (SELECT MAX(a.id) FROM audit_log a WHERE a.entity_code = c.entity_code AND a.year = c.year) AS last,
              \(unsafeRaw: changesColumn) AS n
            FROM (SELECT COUNT(*) AS n, MAX(id) AS last FROM audit_log WHERE table_name IN ('entities', 'cycles')) d
            LEFT JOIN cycles c ON \(join)
            """
    }

    /// The markers in the rows of `placeMarkersQuery`.
    static func placeMarkers(from rows: [any SQLRow]) throws -> PlaceMarkers {
        var directory = ChangeMarker(lastChange: nil, changes: 0)
        var years: [Int: ChangeMarker] = [:]
        for row in rows {
            directory = ChangeMarker(
                lastChange: try row.decode(column: "directory_last", as: Int64?.self),
                changes: try row.decode(column: "directory_changes", as: Int.self))
            guard let year = try row.decode(column: "year", as: Int?.self) else { continue }
            years[year] = ChangeMarker(
                lastChange: try row.decode(column: "last", as: Int64?.self), changes: try row.decode(column: "n", as: Int.self))
        }
        return (directory: directory, years: years)
    }

    /// The markers of the cycles whose `column` (a column of `cycles`, never a user's text) is `value`, in one query.
    private func changeMarkers(
        ofCyclesWhere column: String, is value: some Encodable & Sendable
    ) async throws(StoreError) -> [CycleScope: ChangeMarker] {
        let sql: SQLQueryString = """
            SELECT c.entity_code AS entity_code, c.year AS year,
              (SELECT MAX(a.id) FROM audit_log a WHERE a.entity_code = c.entity_code AND a.year = c.year) AS last,
              \(unsafeRaw: changesColumn) AS n
            FROM cycles c WHERE c.\(unsafeRaw: column) = \(bind: value)
            """
        return try await read { db in
            var markers: [CycleScope: ChangeMarker] = [:]
            for row in try await db.raw(sql).all() {
                let scope = CycleScope(
                    entityCode: try row.decode(column: "entity_code", as: String.self), year: try row.decode(column: "year", as: Int.self))
                markers[scope] = ChangeMarker(
                    lastChange: try row.decode(column: "last", as: Int64?.self), changes: try row.decode(column: "n", as: Int.self))
            }
            return markers
        }
    }

    /// The SQL of the count of changes of the Ente-year `c` (0 on SQLite, which does not need it).
    private var changesColumn: String {
        flavor == .postgres
            ? "COALESCE((SELECT k.changes FROM change_counters k WHERE k.entity_code = c.entity_code AND k.year = c.year), 0)" : "0"
    }
}
