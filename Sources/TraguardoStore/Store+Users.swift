import Foundation
import SQLKit

/// The users of `traguardo serve`. Every change writes its audit row; the audit row never holds the hash.
extension Store {
    /// Adds a user with the bcrypt hash of their password. Throws `duplicate` when the username is taken.
    public func addUser(_ user: UserAccount, passwordHash: String, actor: String) async throws(StoreError) {
        var stored = user
        stored.createdAt = stored.createdAt ?? clock()
        let account = stored
        let audit = try Self.auditText(account)
        try await write(actor: actor) { db, trail in
            if try await Self.userRow(account.username, on: db) != nil {
                throw StoreError.duplicate(table: "users", id: account.username)
            }
            try await db.insert(into: "users")
                .columns("username", "display_name", "role", "entity_code", "unit_code", "password_hash", "active", "created_at")
                .values(
                    SQLBind(account.username), SQLBind(account.displayName), SQLBind(account.role),
                    SQLValue.optional(account.entityCode), SQLValue.optional(account.unitCode), SQLBind(passwordHash),
                    SQLBind(account.active ? 1 : 0), SQLBind(Timestamp.format(account.createdAt ?? self.clock())))
                .run()
            await trail.add(AuditRecord(action: .insert, table: "users", scope: nil, recordID: account.username, before: nil, after: audit))
        }
    }

    /// Changes name, role, Ente, unit and active flag of an existing user (not the password). A deactivated
    /// user's sessions and API tokens end.
    public func updateUser(_ user: UserAccount, actor: String) async throws(StoreError) {
        try await write(actor: actor) { db, trail in
            guard let old = try await Self.userRow(user.username, on: db) else {
                throw StoreError.notFound(table: "users", id: user.username)
            }
            var updated = user
            updated.createdAt = old.account.createdAt
            try await db.update("users")
                .set("display_name", to: SQLBind(updated.displayName)).set("role", to: SQLBind(updated.role))
                .set("entity_code", to: SQLValue.optional(updated.entityCode))
                .set("unit_code", to: SQLValue.optional(updated.unitCode))
                .set("active", to: SQLBind(updated.active ? 1 : 0))
                .where("username", .equal, SQLBind(updated.username)).run()
            if !updated.active {
                // Sessions and API tokens end: a reactivation does not bring them back.
                try await Self.endSessions(of: updated.username, because: "utente disattivato da \(actor)", at: trail.at, on: db)
                _ = try await Self.deleteAPITokens(of: updated.username, on: db, trail: trail)
            }
            await trail.add(AuditRecord(
                action: .update, table: "users", scope: nil, recordID: updated.username,
                before: try Self.auditText(old.account), after: try Self.auditText(updated)))
        }
    }

    /// Replaces the password hash; the user's open sessions and API tokens end.
    public func setPasswordHash(_ hash: String, for username: String, actor: String) async throws(StoreError) {
        try await write(actor: actor) { db, trail in
            guard try await Self.userRow(username, on: db) != nil else { throw StoreError.notFound(table: "users", id: username) }
            try await db.update("users").set("password_hash", to: SQLBind(hash)).where("username", .equal, SQLBind(username)).run()
            try await Self.endSessions(of: username, because: "password cambiata da \(actor)", at: trail.at, on: db)
            _ = try await Self.deleteAPITokens(of: username, on: db, trail: trail)
            await trail.add(AuditRecord(
                action: .update, table: "users", scope: nil, recordID: username, before: nil, after: #"{"password":"cambiata"}"#))
        }
    }

    /// Ends every open session of the user, each with its «sessione terminata» row in the security log.
    static func endSessions(of username: String, because detail: String, at date: Date, on db: any SQLDatabase) async throws {
        let open = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("sessions")
            .where("username", .equal, SQLBind(username)).first()?.decode(column: "n", as: Int.self) ?? 0
        guard open > 0 else { return }
        try await db.delete(from: "sessions").where("username", .equal, SQLBind(username)).run()
        try await insert(
            Array(repeating: SecurityEvent(at: date, kind: .sessionEnded, username: username, address: "", detail: detail), count: open),
            on: db)
    }

    public func user(_ username: String) async throws(StoreError) -> UserAccount? {
        try await read { db in try await Self.userRow(username, on: db)?.account }
    }

    /// The stored bcrypt hash of the user's password (nil when there is no such user).
    public func passwordHash(of username: String) async throws(StoreError) -> String? {
        try await read { db in try await Self.userRow(username, on: db)?.hash }
    }

    /// Every user, by username.
    public func users() async throws(StoreError) -> [UserAccount] {
        try await read { db in
            try await db.select().columns(Self.userColumns).from("users").orderBy("username").all().map { try Self.account(from: $0) }
        }
    }

    static let userColumns = ["username", "display_name", "role", "entity_code", "unit_code", "password_hash", "active", "created_at"]

    static func userRow(_ username: String, on db: any SQLDatabase) async throws -> (account: UserAccount, hash: String)? {
        guard let row = try await db.select().columns(userColumns).from("users").where("username", .equal, SQLBind(username)).first()
        else { return nil }
        return (try account(from: row), try row.decode(column: "password_hash", as: String.self))
    }

    static func account(from row: any SQLRow) throws -> UserAccount {
        UserAccount(
            username: try row.decode(column: "username", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            role: try row.decode(column: "role", as: String.self),
            entityCode: try row.decode(column: "entity_code", as: String?.self),
            unitCode: try row.decode(column: "unit_code", as: String?.self),
            active: try row.decode(column: "active", as: Int.self) != 0,
            createdAt: Timestamp.parse(try row.decode(column: "created_at", as: String.self)))
    }

    static func auditText(_ account: UserAccount) throws(StoreError) -> String {
        do { return try RecordCodec.encode(account) } catch { throw .database("utente non codificabile: \(error)") }
    }
}
