import Foundation
import PostgresKit
import PostgresNIO
import SQLKit

/// What a page request asks the store first, in one round trip: the session of its cookie with its user, and where
/// the data of the page's Ente stand (`placeMarkers`). The session is checked on every request all the same (an
/// expired, ended or deactivated one is refused at once, whichever instance ended it); only the second trip to
/// the database is saved. On PostgreSQL the query is prepared once per connection (`SessionAndPlaceStatement`):
/// the server parses and plans it once, not on every page.
extension Store {
    public func session(
        tokenHash: String, now: Date, placeOf entityCode: String?
    ) async throws(StoreError) -> (found: (session: UserSession, user: UserAccount)?, place: PlaceMarkers) {
        // Every row of the markers (at least one: the directory's), each with the session's columns (NULL when none).
        let sql: SQLQueryString = """
            SELECT x.*, p.* FROM (\(placeMarkersQuery(entityCode: entityCode))) p
            LEFT JOIN (\(Self.sessionQuery(tokenHash: tokenHash))) x ON 1 = 1
            """
        return try await read { db in
            let rows: [any SQLRow]
            if let connection = BulkCopy.connection, let statement = SessionAndPlaceStatement(db.serialize(sql).sql, entityCode, tokenHash) {
                rows = try await connection.execute(statement, logger: db.logger).reduce(into: []) { $0.append($1.sql()) }
            } else {
                rows = try await db.raw(sql).all()
            }
            return (found: try rows.first.flatMap { try Self.session(from: $0, now: now) }, place: try Self.placeMarkers(from: rows))
        }
    }
}

/// The query of `Store.session(tokenHash:now:placeOf:)` as a PostgreSQL prepared statement: PostgresNIO prepares it
/// on a connection the first time that connection runs it, then only binds and executes. Its text is the one
/// SQLKit writes for PostgreSQL, taken the first time and checked each time (another text runs unprepared).
struct SessionAndPlaceStatement: PostgresPreparedStatement {
    typealias Row = PostgresRow

    private static let lock = NSLock()
    nonisolated(unsafe) private static var text = ""
    static var sql: String { lock.withLock { text } }

    /// Both text, whatever the first Ente asked (none: a NULL) would let the server infer.
    static var bindingDataTypes: [PostgresDataType] { [.text, .text] }

    let entityCode: String?
    let tokenHash: String

    /// nil when `text` is not the text this statement was prepared with.
    init?(_ text: String, _ entityCode: String?, _ tokenHash: String) {
        let same = Self.lock.withLock {
            if Self.text.isEmpty { Self.text = text }
            return Self.text == text
        }
        guard same else { return nil }
        self.entityCode = entityCode
        self.tokenHash = tokenHash
    }

    /// In the order of the text: the Ente of the markers, then the session's token hash.
    func makeBindings() -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 2)
        bindings.append(entityCode)
        bindings.append(tokenHash)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}
