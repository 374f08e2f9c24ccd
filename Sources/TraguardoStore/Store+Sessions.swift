import Foundation
import SQLKit

/// Sessions: in the database, so that every server instance on it sees the same. The store keeps only hashes
/// of the secrets the server hands out. Logins, logouts and sessions ended go to the security log
/// (`Store+SecurityLog`), not to the registro modifiche. The API tokens: `Store+APITokens`.
extension Store {
    // MARK: Sessions

    /// Records a new session (a login) and its «accesso» in the security log, from `address`. When the user
    /// then has more than `maximumPerUser` sessions, the oldest others end («sessione terminata»): a stolen or
    /// forgotten session does not live beside an unbounded number of new ones.
    public func createSession(
        _ session: UserSession, address: String = "", maximumPerUser: Int = .max
    ) async throws(StoreError) {
        try await write(actor: session.username) { db, _ in
            try await db.insert(into: "sessions")
                .columns("token_hash", "username", "csrf_token", "created_at", "expires_at")
                .values(
                    SQLBind(session.tokenHash), SQLBind(session.username), SQLBind(session.csrfToken),
                    SQLBind(Timestamp.format(session.createdAt)), SQLBind(Timestamp.format(session.expiresAt)))
                .run()
            var events = [SecurityEvent(at: session.createdAt, kind: .login, username: session.username, address: address)]
            let others = try await db.select().column("token_hash").from("sessions")
                .where("username", .equal, SQLBind(session.username)).where("token_hash", .notEqual, SQLBind(session.tokenHash))
                .orderBy("created_at", .descending).orderBy("token_hash", .descending).all()
                .map { try $0.decode(column: "token_hash", as: String.self) }
            let beyond = Array(others.dropFirst(max(maximumPerUser - 1, 0)))
            if !beyond.isEmpty {
                try await db.delete(from: "sessions").where("token_hash", .in, SQLBind.group(beyond)).run()
                events += beyond.map { _ in
                    SecurityEvent(
                        at: session.createdAt, kind: .sessionEnded, username: session.username, address: address,
                        detail: "la più vecchia oltre le \(maximumPerUser) sessioni aperte")
                }
            }
            try await Self.insert(events, on: db)
        }
    }

    /// The session with this token hash and its user, when it has not expired at `now` and the user is active:
    /// one query (every page request asks it; `session(tokenHash:now:placeOf:)` asks it with the page's markers).
    public func session(tokenHash: String, now: Date) async throws(StoreError) -> (session: UserSession, user: UserAccount)? {
        let sql = Self.sessionQuery(tokenHash: tokenHash)
        return try await read { db in
            guard let row = try await db.raw(sql).first() else { return nil }
            return try Self.session(from: row, now: now)
        }
    }

    /// The SQL of `session(tokenHash:now:)`: the session row and its user's columns, at most one row.
    static func sessionQuery(tokenHash: String) -> SQLQueryString {
        let user = userColumns.map { "u.\($0) AS \($0)" }.joined(separator: ", ")
        return """
            SELECT s.token_hash AS token_hash, s.csrf_token AS csrf_token, s.created_at AS session_created_at,
              s.expires_at AS expires_at, \(unsafeRaw: user)
            FROM sessions s JOIN users u ON u.username = s.username WHERE s.token_hash = \(bind: tokenHash)
            """
    }

    /// The session of a row of `sessionQuery` (nil when the row has none: a NULL `token_hash`), when it has not
    /// expired at `now` and its user is active.
    static func session(from row: any SQLRow, now: Date) throws -> (session: UserSession, user: UserAccount)? {
        guard let tokenHash = try row.decode(column: "token_hash", as: String?.self) else { return nil }
        let session = UserSession(
            tokenHash: tokenHash,
            username: try row.decode(column: "username", as: String.self),
            csrfToken: try row.decode(column: "csrf_token", as: String.self),
            createdAt: Timestamp.parse(try row.decode(column: "session_created_at", as: String.self)) ?? .distantPast,
            expiresAt: Timestamp.parse(try row.decode(column: "expires_at", as: String.self)) ?? .distantPast)
        let user = try account(from: row)
        guard session.expiresAt > now, user.active else { return nil }
        return (session, user)
    }

    /// Ends a session: a logout (`.logout`), or a new login from the same browser (`.sessionEnded` with its
    /// reason); the security log records it with the session's username. Nothing happens when there is none.
    public func deleteSession(
        tokenHash: String, at date: Date = Date(), address: String = "", kind: SecurityEvent.Kind = .logout, detail: String? = nil
    ) async throws(StoreError) {
        try await write(actor: "sistema") { db, _ in
            guard let username = try await db.select().column("username").from("sessions").where("token_hash", .equal, SQLBind(tokenHash))
                .first()?.decode(column: "username", as: String.self)
            else { return }
            try await db.delete(from: "sessions").where("token_hash", .equal, SQLBind(tokenHash)).run()
            try await Self.insert([SecurityEvent(at: date, kind: kind, username: username, address: address, detail: detail)], on: db)
        }
    }

    /// Removes the sessions expired at `now` («sessione terminata», «scaduta» in the security log); returns how many.
    @discardableResult
    public func deleteExpiredSessions(now: Date) async throws(StoreError) -> Int {
        let cutoff = Timestamp.format(now)
        return try await write(actor: "sistema") { db, _ in
            let expired = try await db.select().column("username").from("sessions").where("expires_at", .lessThanOrEqual, SQLBind(cutoff))
                .all().map { try $0.decode(column: "username", as: String.self) }
            guard !expired.isEmpty else { return 0 }
            try await db.delete(from: "sessions").where("expires_at", .lessThanOrEqual, SQLBind(cutoff)).run()
            try await Self.insert(
                expired.map { SecurityEvent(at: now, kind: .sessionEnded, username: $0, address: "", detail: "scaduta") }, on: db)
            return expired.count
        }
    }

    /// How many sessions the user has (expired ones included until a login removes them).
    public func sessionCount(username: String) async throws(StoreError) -> Int {
        try await read { db in
            try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("sessions")
                .where("username", .equal, SQLBind(username)).first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    // MARK: Password hashes

    /// Replaces the user's password hash with `new`, only if it is still `old`: the same password hashed at the
    /// configured bcrypt cost, after a login with it. No session ends and no audit row is written: the password
    /// is the same, and a password changed meanwhile (no longer `old`) is left alone. Returns whether it replaced it.
    @discardableResult
    public func upgradePasswordHash(of username: String, from old: String, to new: String) async throws(StoreError) -> Bool {
        try await write(actor: username) { db, _ in
            guard try await Self.userRow(username, on: db)?.hash == old else { return false }
            try await db.update("users").set("password_hash", to: SQLBind(new))
                .where("username", .equal, SQLBind(username)).where("password_hash", .equal, SQLBind(old)).run()
            return true
        }
    }
}
