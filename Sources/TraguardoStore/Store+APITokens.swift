import Foundation
import SQLKit

/// The tokens of the JSON API: only their SHA-256 is stored. A token expires (`expires_at`), reads only unless
/// created to write, records when it was last used (at most once a minute, not a write per request), and
/// ends when it is revoked, when its user's password changes and when its user is deactivated (so that a
/// reactivation does not bring it back).
extension Store {
    /// Records the hash of a new API token of the user: read only and lasting `APIToken.defaultLifetimeDays`
    /// unless told otherwise.
    public func addAPIToken(
        tokenHash: String, username: String, label: String, scope: APITokenScope = .read, at date: Date, expiresAt: Date? = nil,
        actor: String
    ) async throws(StoreError) {
        let expiry = expiresAt ?? date.addingTimeInterval(TimeInterval(APIToken.defaultLifetimeDays) * 86_400)
        let token = APIToken(tokenHash: tokenHash, username: username, label: label, scope: scope, createdAt: date, expiresAt: expiry)
        try await write(actor: actor) { db, trail in
            guard try await Self.userRow(username, on: db) != nil else { throw StoreError.notFound(table: "users", id: username) }
            try await db.insert(into: "api_tokens").columns("token_hash", "username", "label", "created_at", "expires_at", "scope")
                .values(
                    SQLBind(token.tokenHash), SQLBind(token.username), SQLBind(token.label), SQLBind(Timestamp.format(token.createdAt)),
                    SQLBind(Timestamp.format(token.expiresAt)), SQLBind(token.scope.rawValue))
                .run()
            await trail.add(AuditRecord(
                action: .insert, table: "api_tokens", scope: nil, recordID: username, before: nil, after: try Self.auditText(token)))
        }
    }

    /// The token with this hash and its user, when the token has not expired at `now` and the user is active.
    /// Records the use when the last one recorded is older than `APIToken.lastUseResolution` (no audit row:
    /// a use changes nothing).
    public func apiTokenUser(tokenHash: String, now: Date) async throws(StoreError) -> (user: UserAccount, token: APIToken)? {
        let valid = try await read { db -> (UserAccount, APIToken)? in
            guard let row = try await db.select().columns(Self.tokenColumns).from("api_tokens")
                .where("token_hash", .equal, SQLBind(tokenHash)).first()
            else { return nil }
            let token = try Self.token(from: row)
            guard !token.hasExpired(at: now), let user = try await Self.userRow(token.username, on: db)?.account, user.active
            else { return nil }
            return (user, token)
        }
        guard let (user, stored) = valid else { return nil }
        var token = stored
        if token.lastUsedAt.map({ now.timeIntervalSince($0) >= APIToken.lastUseResolution }) ?? true {
            let stamp = Timestamp.format(now)
            try await write(actor: user.username) { db, _ in
                try await db.update("api_tokens").set("last_used_at", to: SQLBind(stamp))
                    .where("token_hash", .equal, SQLBind(tokenHash)).run()
            }
            token.lastUsedAt = now
        }
        return (user, token)
    }

    /// The user's tokens, or everyone's when `username` is nil (expired ones too, until revoked), newest first.
    public func apiTokens(of username: String? = nil) async throws(StoreError) -> [APIToken] {
        try await read { db in
            let query = db.select().columns(Self.tokenColumns).from("api_tokens")
            if let username { query.where("username", .equal, SQLBind(username)) }
            return try await query.orderBy("created_at", .descending).orderBy("token_hash").all().map { try Self.token(from: $0) }
        }
    }

    /// Revokes the user's token whose code (`APIToken.code`) is `code`; false when the user has none such.
    @discardableResult
    public func revokeAPIToken(code: String, of username: String, actor: String) async throws(StoreError) -> Bool {
        try await write(actor: actor) { db, trail in
            let tokens = try await Self.tokens(of: username, on: db).filter { $0.code == code }
            guard tokens.count == 1, let token = tokens.first else { return false }
            try await db.delete(from: "api_tokens").where("token_hash", .equal, SQLBind(token.tokenHash)).run()
            await trail.add(AuditRecord(
                action: .delete, table: "api_tokens", scope: nil, recordID: username, before: try Self.auditText(token), after: nil))
            return true
        }
    }

    /// Revokes every token of the user; returns how many there were.
    @discardableResult
    public func revokeAPITokens(of username: String, actor: String) async throws(StoreError) -> Int {
        try await write(actor: actor) { db, trail in try await Self.deleteAPITokens(of: username, on: db, trail: trail) }
    }

    /// Deletes the user's tokens, one audit row each, in the caller's transaction.
    static func deleteAPITokens(of username: String, on db: any SQLDatabase, trail: AuditTrail) async throws -> Int {
        let tokens = try await tokens(of: username, on: db)
        guard !tokens.isEmpty else { return 0 }
        try await db.delete(from: "api_tokens").where("username", .equal, SQLBind(username)).run()
        for token in tokens {
            await trail.add(AuditRecord(
                action: .delete, table: "api_tokens", scope: nil, recordID: username, before: try auditText(token), after: nil))
        }
        return tokens.count
    }

    static let tokenColumns = ["token_hash", "username", "label", "scope", "created_at", "expires_at", "last_used_at"]

    static func tokens(of username: String, on db: any SQLDatabase) async throws -> [APIToken] {
        try await db.select().columns(tokenColumns).from("api_tokens").where("username", .equal, SQLBind(username)).all()
            .map { try token(from: $0) }
    }

    static func token(from row: any SQLRow) throws -> APIToken {
        let scopeText = try row.decode(column: "scope", as: String.self)
        return APIToken(
            tokenHash: try row.decode(column: "token_hash", as: String.self),
            username: try row.decode(column: "username", as: String.self),
            label: try row.decode(column: "label", as: String.self),
            // A scope this build does not know reads only.
            scope: APITokenScope(rawValue: scopeText) ?? .read,
            createdAt: Timestamp.parse(try row.decode(column: "created_at", as: String.self)) ?? .distantPast,
            // A token without a readable expiry has expired.
            expiresAt: try row.decode(column: "expires_at", as: String?.self).flatMap(Timestamp.parse) ?? .distantPast,
            lastUsedAt: try row.decode(column: "last_used_at", as: String?.self).flatMap(Timestamp.parse))
    }

    /// The audit text of a token: its code, label, scope and expiry; never the hash.
    static func auditText(_ token: APIToken) throws -> String {
        #"{"codice":\#(try RecordCodec.encode(token.code)),"etichetta":\#(try RecordCodec.encode(token.label)),"#
            + #""permessi":"\#(token.scope.rawValue)","scadenza":"\#(Timestamp.format(token.expiresAt))"}"#
    }
}
