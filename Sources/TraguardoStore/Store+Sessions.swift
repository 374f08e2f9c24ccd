import Foundation
import SQLKit

/// Sessions and failed logins: in the database, so that every server instance on it sees the
/// same. The store keeps only hashes of the secrets the server hands out. The API tokens: `Store+APITokens`.
extension Store {
    // MARK: Sessions

    /// Records a new session (a login), with its audit row (the username, never the token).
    public func createSession(_ session: UserSession) async throws(StoreError) {
        try await write(actor: session.username) { db, trail in
            try await db.insert(into: "sessions")
                .columns("token_hash", "username", "csrf_token", "created_at", "expires_at")
                .values(
                    SQLBind(session.tokenHash), SQLBind(session.username), SQLBind(session.csrfToken),
                    SQLBind(Timestamp.format(session.createdAt)), SQLBind(Timestamp.format(session.expiresAt)))
                .run()
            await trail.add(AuditRecord(
                action: .insert, table: "sessions", scope: nil, recordID: session.username, before: nil,
                after: #"{"accesso":"\#(Timestamp.format(session.createdAt))","scadenza":"\#(Timestamp.format(session.expiresAt))"}"#))
        }
    }

    /// The session with this token hash and its user, when it has not expired at `now` and the user is active.
    public func session(tokenHash: String, now: Date) async throws(StoreError) -> (session: UserSession, user: UserAccount)? {
        try await read { db in
            guard let row = try await db.select().columns("token_hash", "username", "csrf_token", "created_at", "expires_at")
                .from("sessions").where("token_hash", .equal, SQLBind(tokenHash)).first()
            else { return nil }
            let session = UserSession(
                tokenHash: try row.decode(column: "token_hash", as: String.self),
                username: try row.decode(column: "username", as: String.self),
                csrfToken: try row.decode(column: "csrf_token", as: String.self),
                createdAt: Timestamp.parse(try row.decode(column: "created_at", as: String.self)) ?? .distantPast,
                expiresAt: Timestamp.parse(try row.decode(column: "expires_at", as: String.self)) ?? .distantPast)
            guard session.expiresAt > now, let user = try await Self.userRow(session.username, on: db)?.account, user.active
            else { return nil }
            return (session, user)
        }
    }

    /// Ends a session (logout). Nothing happens when there is none.
    public func deleteSession(tokenHash: String) async throws(StoreError) {
        let found = try await read { db in
            try await db.select().column("username").from("sessions").where("token_hash", .equal, SQLBind(tokenHash)).first()?
                .decode(column: "username", as: String.self)
        }
        guard let username = found else { return }
        try await write(actor: username) { db, trail in
            try await db.delete(from: "sessions").where("token_hash", .equal, SQLBind(tokenHash)).run()
            await trail.add(AuditRecord(
                action: .delete, table: "sessions", scope: nil, recordID: username, before: #"{"uscita":true}"#, after: nil))
        }
    }

    /// Removes the sessions expired at `now`; returns how many.
    @discardableResult
    public func deleteExpiredSessions(now: Date) async throws(StoreError) -> Int {
        let cutoff = Timestamp.format(now)
        return try await write(actor: "sistema") { db, trail in
            let expired = try await db.select().column("username").from("sessions").where("expires_at", .lessThanOrEqual, SQLBind(cutoff))
                .all().map { try $0.decode(column: "username", as: String.self) }
            guard !expired.isEmpty else { return 0 }
            try await db.delete(from: "sessions").where("expires_at", .lessThanOrEqual, SQLBind(cutoff)).run()
            for username in expired {
                await trail.add(AuditRecord(
                    action: .delete, table: "sessions", scope: nil, recordID: username, before: #"{"scaduta":true}"#, after: nil))
            }
            return expired.count
        }
    }

    // MARK: Failed logins

    /// Records a failed login for the username from the address.
    public func recordLoginFailure(username: String, address: String, at date: Date) async throws(StoreError) {
        try await write(actor: "accesso non riuscito") { db, trail in
            try await db.insert(into: "login_failures").columns("username", "address", "at")
                .values(SQLBind(username), SQLBind(address), SQLBind(Timestamp.format(date))).run()
            await trail.add(AuditRecord(
                action: .insert, table: "login_failures", scope: nil, recordID: username, before: nil,
                after: #"{"indirizzo":\#(try RecordCodec.encode(address))}"#))
        }
    }

    /// How many logins failed for the username from the address since `date`.
    public func loginFailureCount(username: String, address: String, since date: Date) async throws(StoreError) -> Int {
        try await read { db in
            let row = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("login_failures")
                .where("username", .equal, SQLBind(username)).where("address", .equal, SQLBind(address))
                .where("at", .greaterThan, SQLBind(Timestamp.format(date))).first()
            return try row?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// Forgets the failed logins of the username from the address (after a successful login).
    public func clearLoginFailures(username: String, address: String) async throws(StoreError) {
        try await write(actor: username) { db, trail in
            let count = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("login_failures")
                .where("username", .equal, SQLBind(username)).where("address", .equal, SQLBind(address)).first()?
                .decode(column: "n", as: Int.self) ?? 0
            guard count > 0 else { return }
            try await db.delete(from: "login_failures")
                .where("username", .equal, SQLBind(username)).where("address", .equal, SQLBind(address)).run()
            await trail.add(AuditRecord(
                action: .delete, table: "login_failures", scope: nil, recordID: username,
                before: #"{"indirizzo":\#(try RecordCodec.encode(address)),"tentativi":\#(count)}"#, after: nil))
        }
    }
}
