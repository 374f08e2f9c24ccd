import Foundation
import SQLKit
import TraguardoCore

/// One transition of an office's submission, as the history keeps it.
public struct SubmissionEvent: Hashable, Sendable, Codable {
    public var unitID: String
    public var periodCode: String
    public var at: Date
    public var actor: String
    public var from: SubmissionState
    public var to: SubmissionState
    public var reason: String?
    public var fingerprint: String?

    public init(
        unitID: String, periodCode: String, at: Date, actor: String, from: SubmissionState, to: SubmissionState,
        reason: String? = nil, fingerprint: String? = nil
    ) {
        self.unitID = unitID
        self.periodCode = periodCode
        self.at = at
        self.actor = actor
        self.from = from
        self.to = to
        self.reason = reason
        self.fingerprint = fingerprint
    }
}

/// The submissions of the offices' values per period (`bozza → inviato → verificato → validato`, `rinviato`) and
/// the history of every transition: one row in `submission_events` and one audit row each.
extension Store {
    /// The stored submissions of the Ente-year (offices that never moved have none: they are `bozza`).
    public func submissions(in scope: CycleScope) async throws(StoreError) -> [OfficeSubmission] {
        try await read { db in
            try await Self.submissionRows(scope, unitID: nil, periodCode: nil, on: db)
        }
    }

    /// The history of the Ente-year's transitions (of one office when given), oldest first.
    public func submissionEvents(in scope: CycleScope, unitID: String? = nil) async throws(StoreError) -> [SubmissionEvent] {
        try await read { db in
            let select = db.select()
                .columns("unit_id", "period_code", "at", "actor", "from_state", "to_state", "reason", "fingerprint")
                .from("submission_events")
                .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
            if let unitID { select.where("unit_id", .equal, SQLBind(unitID)) }
            return try await select.orderBy("id").all().map { row in
                SubmissionEvent(
                    unitID: try row.decode(column: "unit_id", as: String.self),
                    periodCode: try row.decode(column: "period_code", as: String.self),
                    at: Timestamp.parse(try row.decode(column: "at", as: String.self)) ?? .distantPast,
                    actor: try row.decode(column: "actor", as: String.self),
                    from: SubmissionState(rawValue: try row.decode(column: "from_state", as: String.self)) ?? .draft,
                    to: SubmissionState(rawValue: try row.decode(column: "to_state", as: String.self)) ?? .draft,
                    reason: try row.decode(column: "reason", as: String?.self),
                    fingerprint: try row.decode(column: "fingerprint", as: String?.self))
            }
        }
    }

    /// Records a transition: `next` replaces the stored submission of its office and period, provided the stored
    /// one is still `expected` (what the transition was checked against; nil: none stored); else nothing changes
    /// and the error says someone else moved it meanwhile.
    public func recordSubmission(
        _ next: OfficeSubmission, expected: OfficeSubmission?, event: SubmissionEvent, in scope: CycleScope, actor: String
    ) async throws(StoreError) {
        let before: String?, after: String
        do {
            before = try expected.map { try RecordCodec.encode($0) }
            after = try RecordCodec.encode(next)
        } catch { throw .database("invio non codificabile: \(error)") }
        try await write(actor: actor) { db, trail in
            guard try await Self.storedCycle(scope, on: db) != nil else { throw StoreError.notFound(table: "cycles", id: "\(scope)") }
            let stored = try await Self.submissionRows(scope, unitID: next.unitID, periodCode: next.periodCode, on: db).first
            guard stored?.state == expected?.state, stored?.fingerprint == expected?.fingerprint,
                  stored?.updatedAt == expected?.updatedAt
            else {
                throw StoreError.integrity(
                    "l'invio dell'ufficio per il periodo \(next.periodCode) è stato cambiato da un'altra persona nel frattempo: ricaricare la pagina")
            }
            if stored != nil {
                try await db.delete(from: "office_submissions")
                    .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
                    .where("unit_id", .equal, SQLBind(next.unitID)).where("period_code", .equal, SQLBind(next.periodCode)).run()
            }
            try await db.insert(into: "office_submissions")
                .columns("entity_code", "year", "unit_id", "period_code", "state", "fingerprint", "submitted_by", "verified_by", "reason", "updated_at")
                .values(
                    SQLBind(scope.entityCode), SQLBind(scope.year), SQLBind(next.unitID), SQLBind(next.periodCode),
                    SQLBind(next.state.rawValue), SQLValue.optional(next.fingerprint), SQLValue.optional(next.submittedBy),
                    SQLValue.optional(next.verifiedBy), SQLValue.optional(next.reason),
                    SQLBind(Timestamp.format(next.updatedAt ?? event.at)))
                .run()
            try await db.insert(into: "submission_events")
                .columns("entity_code", "year", "unit_id", "period_code", "at", "actor", "from_state", "to_state", "reason", "fingerprint")
                .values(
                    SQLBind(scope.entityCode), SQLBind(scope.year), SQLBind(event.unitID), SQLBind(event.periodCode),
                    SQLBind(Timestamp.format(event.at)), SQLBind(event.actor), SQLBind(event.from.rawValue),
                    SQLBind(event.to.rawValue), SQLValue.optional(event.reason), SQLValue.optional(event.fingerprint))
                .run()
            await trail.add(AuditRecord(
                action: stored == nil ? .insert : .update, table: "office_submissions", scope: scope,
                recordID: "\(next.unitID)@\(next.periodCode)", before: before, after: after))
        }
    }

    static func submissionRows(
        _ scope: CycleScope, unitID: String?, periodCode: String?, on db: any SQLDatabase
    ) async throws -> [OfficeSubmission] {
        let select = db.select()
            .columns("unit_id", "period_code", "state", "fingerprint", "submitted_by", "verified_by", "reason", "updated_at")
            .from("office_submissions")
            .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
        if let unitID { select.where("unit_id", .equal, SQLBind(unitID)) }
        if let periodCode { select.where("period_code", .equal, SQLBind(periodCode)) }
        return try await select.orderBy("period_code").orderBy("unit_id").all().map { row in
            OfficeSubmission(
                unitID: try row.decode(column: "unit_id", as: String.self),
                periodCode: try row.decode(column: "period_code", as: String.self),
                state: SubmissionState(rawValue: try row.decode(column: "state", as: String.self)) ?? .draft,
                fingerprint: try row.decode(column: "fingerprint", as: String?.self),
                submittedBy: try row.decode(column: "submitted_by", as: String?.self),
                verifiedBy: try row.decode(column: "verified_by", as: String?.self),
                reason: try row.decode(column: "reason", as: String?.self),
                updatedAt: Timestamp.parse(try row.decode(column: "updated_at", as: String.self)))
        }
    }
}
