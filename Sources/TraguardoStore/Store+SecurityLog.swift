import Foundation
import SQLKit

/// The security log (`security_events`): logins, failed logins, throttling, logouts and sessions ended. It is
/// not the registro modifiche: an event changes no data, so it writes no audit row, and an anonymous visitor
/// who fails to sign in cannot fill the registro. The failed logins it holds are what the login throttle counts.
extension Store {
    /// What `recordSecurityEvents` removes in the same transaction: failed logins and throttling older than
    /// `failuresBefore` (they were written by anyone, so they are kept only for a short window), every other
    /// event older than `othersBefore`.
    public struct SecurityLogPurge: Sendable {
        public var failuresBefore: Date
        public var othersBefore: Date

        public init(failuresBefore: Date, othersBefore: Date) {
            self.failuresBefore = failuresBefore
            self.othersBefore = othersBefore
        }
    }

    /// Writes the events, and first removes what `purge` says has outlived its window.
    public func recordSecurityEvents(_ events: [SecurityEvent], purge: SecurityLogPurge? = nil) async throws(StoreError) {
        try await write(actor: "sistema") { db, _ in
            if let purge { try await Self.purgeSecurityEvents(purge, on: db) }
            try await Self.insert(events, on: db)
        }
    }

    /// The failed logins of the username (from any address) after `date`.
    public func loginFailures(username: String, since date: Date) async throws(StoreError) -> LoginFailureTally {
        try await failureTally(column: "username", value: username, since: date)
    }

    /// The failed logins from the address (for any username) after `date`.
    public func loginFailures(address: String, since date: Date) async throws(StoreError) -> LoginFailureTally {
        try await failureTally(column: "address", value: address, since: date)
    }

    /// The latest events, newest first; for an account limited to one Ente (`entityCode`), only the events of
    /// that Ente's users.
    public func securityEvents(entityCode: String? = nil, limit: Int) async throws(StoreError) -> [SecurityEvent] {
        try await read { db in
            let query = db.select().columns("id", "at", "kind", "username", "address", "detail").from("security_events")
            if let entityCode {
                let usernames = try await db.select().column("username").from("users").where("entity_code", .equal, SQLBind(entityCode))
                    .all().map { try $0.decode(column: "username", as: String.self) }
                guard !usernames.isEmpty else { return [] }
                query.where("username", .in, SQLBind.group(usernames))
            }
            return try await query.orderBy("id", .descending).limit(limit).all().map { row in
                SecurityEvent(
                    id: try row.decode(column: "id", as: Int64.self),
                    at: Timestamp.parse(try row.decode(column: "at", as: String.self)) ?? .distantPast,
                    kind: SecurityEvent.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .loginFailed,
                    username: try row.decode(column: "username", as: String.self),
                    address: try row.decode(column: "address", as: String.self),
                    detail: try row.decode(column: "detail", as: String?.self))
            }
        }
    }

    // MARK: Rows

    static func insert(_ events: [SecurityEvent], on db: any SQLDatabase) async throws {
        guard !events.isEmpty else { return }
        let insert = db.insert(into: "security_events").columns("at", "kind", "username", "address", "detail")
        for event in events {
            insert.values(
                SQLBind(Timestamp.format(event.at)), SQLBind(event.kind.rawValue), SQLBind(event.username), SQLBind(event.address),
                SQLValue.optional(event.detail))
        }
        try await insert.run()
    }

    static func purgeSecurityEvents(_ purge: SecurityLogPurge, on db: any SQLDatabase) async throws {
        let shortLived = [SecurityEvent.Kind.loginFailed, .throttled].map(\.rawValue)
        try await db.delete(from: "security_events")
            .where("kind", .in, SQLBind.group(shortLived)).where("at", .lessThan, SQLBind(Timestamp.format(purge.failuresBefore))).run()
        try await db.delete(from: "security_events")
            .where("kind", .notIn, SQLBind.group(shortLived)).where("at", .lessThan, SQLBind(Timestamp.format(purge.othersBefore))).run()
    }

    private func failureTally(column: String, value: String, since date: Date) async throws(StoreError) -> LoginFailureTally {
        try await read { db in
            let row = try await db.select()
                .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").column(SQLFunction("MAX", args: SQLColumn("at")), as: "latest")
                .from("security_events")
                .where("kind", .equal, SQLBind(SecurityEvent.Kind.loginFailed.rawValue)).where(SQLColumn(column), .equal, SQLBind(value))
                .where("at", .greaterThan, SQLBind(Timestamp.format(date))).first()
            return LoginFailureTally(
                count: try row?.decode(column: "n", as: Int.self) ?? 0,
                latest: try row?.decode(column: "latest", as: String?.self).flatMap(Timestamp.parse))
        }
    }
}
