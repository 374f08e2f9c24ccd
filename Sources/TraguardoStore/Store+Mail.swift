import Foundation
import SQLKit
import TraguardoCore

/// E-mail: the SMTP settings, the reminder schedule of each Ente-year, the sent-mail log with its claims (no
/// reminder sent twice, however many senders), the leases of background jobs.
extension Store {
    // MARK: Settings

    public func mailSettings() async throws(StoreError) -> MailSettings? {
        try await read { db in
            guard let data = try await Self.mailSettingsData(on: db) else { return nil }
            return try RecordCodec.decode(MailSettings.self, from: data, table: "mail_settings", id: "smtp")
        }
    }

    /// Saves the settings, with an audit row (they hold no password).
    public func saveMailSettings(_ settings: MailSettings, actor: String) async throws(StoreError) {
        let data: String
        do { data = try RecordCodec.encode(settings) } catch { throw .database("impostazioni di posta non codificabili: \(error)") }
        try await write(actor: actor) { db, trail in
            let old = try await Self.mailSettingsData(on: db)
            guard old != data else { return }
            if old == nil {
                try await db.insert(into: "mail_settings").columns("name", "data").values(SQLBind("smtp"), SQLBind(data)).run()
            } else {
                try await db.update("mail_settings").set("data", to: SQLBind(data)).where("name", .equal, SQLBind("smtp")).run()
            }
            await trail.add(AuditRecord(action: old == nil ? .insert : .update, table: "mail_settings", scope: nil, recordID: "smtp",
                                        before: old, after: data))
        }
    }

    static func mailSettingsData(on db: any SQLDatabase) async throws -> String? {
        try await db.select().column("data").from("mail_settings").where("name", .equal, SQLBind("smtp")).first()?
            .decode(column: "data", as: String.self)
    }

    // MARK: Schedules

    public func reminderSchedule(in scope: CycleScope) async throws(StoreError) -> ReminderSchedule? {
        try await read { db in
            guard let data = try await Self.scheduleData(scope, on: db) else { return nil }
            return try RecordCodec.decode(ReminderSchedule.self, from: data, table: "reminder_schedules", id: "\(scope)")
        }
    }

    /// Every Ente-year with a schedule that is on.
    public func enabledReminderSchedules() async throws(StoreError) -> [(scope: CycleScope, schedule: ReminderSchedule)] {
        try await read { db in
            try await db.select().columns("entity_code", "year", "data").from("reminder_schedules").orderBy("entity_code").orderBy("year").all()
                .compactMap { row -> (scope: CycleScope, schedule: ReminderSchedule)? in
                    let scope = CycleScope(
                        entityCode: try row.decode(column: "entity_code", as: String.self), year: try row.decode(column: "year", as: Int.self))
                    let schedule = try RecordCodec.decode(
                        ReminderSchedule.self, from: try row.decode(column: "data", as: String.self), table: "reminder_schedules", id: "\(scope)")
                    return schedule.enabled ? (scope, schedule) : nil
                }
        }
    }

    public func saveReminderSchedule(_ schedule: ReminderSchedule, in scope: CycleScope, actor: String) async throws(StoreError) {
        let data: String
        do { data = try RecordCodec.encode(schedule) } catch { throw .database("calendario dei promemoria non codificabile: \(error)") }
        try await write(actor: actor) { db, trail in
            guard try await Self.storedCycle(scope, on: db) != nil else { throw StoreError.notFound(table: "cycles", id: "\(scope)") }
            let old = try await Self.scheduleData(scope, on: db)
            guard old != data else { return }
            if old == nil {
                try await db.insert(into: "reminder_schedules").columns("entity_code", "year", "data")
                    .values(SQLBind(scope.entityCode), SQLBind(scope.year), SQLBind(data)).run()
            } else {
                try await db.update("reminder_schedules").set("data", to: SQLBind(data))
                    .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year)).run()
            }
            await trail.add(AuditRecord(action: old == nil ? .insert : .update, table: "reminder_schedules", scope: scope,
                                        recordID: "promemoria", before: old, after: data))
        }
    }

    static func scheduleData(_ scope: CycleScope, on db: any SQLDatabase) async throws -> String? {
        try await db.select().column("data").from("reminder_schedules")
            .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year)).first()?
            .decode(column: "data", as: String.self)
    }

    // MARK: Claims and the log

    /// Which of the (period, rule) pairs were already sent (or are being sent) to the address.
    public func sentReminders(
        _ scope: CycleScope, recipient: String, periodRules: [(periodID: String, rule: String)]
    ) async throws(StoreError) -> Set<String> {
        let keys = periodRules.map { ReminderClaim.sentKey(scope, periodID: $0.periodID, rule: $0.rule, recipient: recipient) }
        guard !keys.isEmpty else { return [] }
        let found = try await read { db in
            try await db.select().column("sent_key").from("mail_log").where("sent_key", .in, SQLBind.group(keys)).all()
                .map { try $0.decode(column: "sent_key", as: String.self) }
        }
        return Set(zip(keys, periodRules).filter { found.contains($0.0) }.map { $0.1.periodID + "|" + $0.1.rule })
    }

    /// Claims the reminder for this sender (`claim`, a fresh token): writes its log rows «in invio», holding their
    /// unique keys, all or none. False when another sender holds any of them (nothing is written).
    public func claimReminder(_ reminder: ReminderClaim, claim: String) async throws(StoreError) -> Bool {
        let keys = reminder.sentKeys
        guard !keys.isEmpty else { return false }
        let now = Timestamp.format(clock())
        return try await write(actor: "sistema") { db, _ in
            for (key, pair) in zip(keys, reminder.periodRules) {
                try await db.insert(into: "mail_log")
                    .columns("at", "entity_code", "year", "period_id", "rule", "recipient", "subject", "body", "status", "claim", "sent_key")
                    .values(
                        SQLBind(now), SQLBind(reminder.scope.entityCode), SQLBind(reminder.scope.year), SQLBind(pair.periodID),
                        SQLBind(pair.rule), SQLBind(reminder.recipient), SQLBind(reminder.subject), SQLBind(reminder.body),
                        SQLBind(MailLogEntry.Status.sending.rawValue), SQLBind(claim), SQLBind(key))
                    .ignoringConflicts(with: ["sent_key"]).run()
            }
            let mine = try await db.select().column("sent_key").from("mail_log")
                .where("claim", .equal, SQLBind(claim)).where("sent_key", .in, SQLBind.group(keys)).all().count
            guard mine == keys.count else {
                // Another sender holds some of them: give back what this one took, as if nothing happened.
                try await db.delete(from: "mail_log").where("claim", .equal, SQLBind(claim)).run()
                return false
            }
            return true
        }
    }

    /// Records how the claimed reminder went: sent, or failed (its keys are freed, so a later run tries again).
    public func finishReminder(claim: String, error: String?) async throws(StoreError) {
        try await write(actor: "sistema") { db, _ in
            let update = db.update("mail_log").where("claim", .equal, SQLBind(claim))
            if let error {
                update.set("status", to: SQLBind(MailLogEntry.Status.failed.rawValue)).set("error", to: SQLBind(error))
                    .set("sent_key", to: SQLLiteral.null)
            } else {
                update.set("status", to: SQLBind(MailLogEntry.Status.sent.rawValue))
            }
            try await update.run()
        }
    }

    /// Logs a test message of the Posta page.
    public func logTestMail(recipient: String, subject: String, body: String, error: String?) async throws(StoreError) {
        let now = Timestamp.format(clock())
        try await write(actor: "sistema") { db, _ in
            try await db.insert(into: "mail_log").columns("at", "rule", "recipient", "subject", "body", "status", "error")
                .values(
                    SQLBind(now), SQLBind("prova"), SQLBind(recipient), SQLBind(subject), SQLBind(body),
                    SQLBind((error == nil ? MailLogEntry.Status.test : .testFailed).rawValue), SQLValue.optional(error))
                .run()
        }
    }

    /// The log, newest first: of an Ente-year, or every row (`scope` nil), at most `limit`.
    public func mailLog(_ scope: CycleScope?, limit: Int) async throws(StoreError) -> [MailLogEntry] {
        try await read { db in
            let query = db.select().columns("id", "at", "entity_code", "year", "period_id", "rule", "recipient", "subject", "body", "status", "error")
                .from("mail_log")
            if let scope {
                query.where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
            }
            return try await query.orderBy("id", .descending).limit(limit).all().map { row in
                MailLogEntry(
                    id: try row.decode(column: "id", as: Int64.self),
                    at: Timestamp.parse(try row.decode(column: "at", as: String.self)) ?? .distantPast,
                    entityCode: try row.decode(column: "entity_code", as: String?.self),
                    year: try row.decode(column: "year", as: Int?.self),
                    periodID: try row.decode(column: "period_id", as: String?.self),
                    rule: try row.decode(column: "rule", as: String.self),
                    recipient: try row.decode(column: "recipient", as: String.self),
                    subject: try row.decode(column: "subject", as: String.self),
                    body: try row.decode(column: "body", as: String.self),
                    status: MailLogEntry.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .failed,
                    error: try row.decode(column: "error", as: String?.self))
            }
        }
    }

    // MARK: Leases

    /// Takes (or renews) the lease `name` for `holder` until `until`, when it is free, expired or already
    /// `holder`'s; true when `holder` holds it afterwards. One statement (an upsert whose update applies only to
    /// a free lease), so two instances can never both get it.
    public func acquireLease(_ name: String, holder: String, until: Date) async throws(StoreError) -> Bool {
        let now = Timestamp.format(clock()), expiry = Timestamp.format(until)
        return try await write(actor: "sistema") { db, _ in
            try await db.raw("""
                INSERT INTO service_leases (name, holder, expires_at) VALUES (\(bind: name), \(bind: holder), \(bind: expiry))
                ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
                WHERE service_leases.holder = excluded.holder OR service_leases.expires_at < \(bind: now)
                """).run()
            let current = try await db.select().column("holder").from("service_leases").where("name", .equal, SQLBind(name)).first()?
                .decode(column: "holder", as: String.self)
            return current == holder
        }
    }

    /// Gives the lease back (only `holder`'s).
    public func releaseLease(_ name: String, holder: String) async throws(StoreError) {
        try await write(actor: "sistema") { db, _ in
            try await db.delete(from: "service_leases").where("name", .equal, SQLBind(name)).where("holder", .equal, SQLBind(holder)).run()
        }
    }
}
