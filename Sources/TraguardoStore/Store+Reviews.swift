import Foundation
import SQLKit
import TraguardoCore

/// The OIV's comments and validations: they sit beside the plan and never change a measurement.
extension Store {
    /// Adds a comment on an element of the Ente-year; returns it with its id.
    @discardableResult
    public func addComment(_ comment: PlanComment, in scope: CycleScope, actor: String) async throws(StoreError) -> PlanComment {
        let data: String
        do { data = try RecordCodec.encode(comment) } catch { throw .database("commento non codificabile: \(error)") }
        return try await write(actor: actor) { db, trail in
            guard try await Self.storedCycle(scope, on: db) != nil else { throw StoreError.notFound(table: "cycles", id: "\(scope)") }
            try await db.insert(into: "comments").columns("entity_code", "year", "element_id", "author", "at", "text")
                .values(
                    SQLBind(scope.entityCode), SQLBind(scope.year), SQLBind(comment.elementID), SQLBind(comment.author),
                    SQLBind(Timestamp.format(comment.at)), SQLBind(comment.text))
                .run()
            let id = try await db.select().column(SQLFunction("MAX", args: SQLColumn("id")), as: "id").from("comments")
                .first()?.decode(column: "id", as: Int64.self)
            var stored = comment
            stored.id = id
            await trail.add(AuditRecord(
                action: .insert, table: "comments", scope: scope, recordID: id.map(String.init) ?? comment.elementID, before: nil,
                after: data))
            return stored
        }
    }

    /// The comments of the Ente-year (of one element when given), oldest first.
    public func comments(in scope: CycleScope, elementID: String? = nil) async throws(StoreError) -> [PlanComment] {
        try await read { db in
            let select = db.select().columns("id", "element_id", "author", "at", "text").from("comments")
                .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
            if let elementID { select.where("element_id", .equal, SQLBind(elementID)) }
            return try await select.orderBy("id").all().map { row in
                PlanComment(
                    id: try row.decode(column: "id", as: Int64.self),
                    elementID: try row.decode(column: "element_id", as: String.self),
                    author: try row.decode(column: "author", as: String.self),
                    at: Timestamp.parse(try row.decode(column: "at", as: String.self)) ?? .distantPast,
                    text: try row.decode(column: "text", as: String.self))
            }
        }
    }

    /// Records a validation of an element's result for a period. Earlier validations stay in the history (the
    /// current one is the latest whose fingerprint matches the element as scored now).
    public func validate(_ validation: ResultValidation, in scope: CycleScope, actor: String) async throws(StoreError) {
        let data: String
        do { data = try RecordCodec.encode(validation) } catch { throw .database("validazione non codificabile: \(error)") }
        try await write(actor: actor) { db, trail in
            guard try await Self.storedCycle(scope, on: db) != nil else { throw StoreError.notFound(table: "cycles", id: "\(scope)") }
            try await db.insert(into: "result_validations")
                .columns("entity_code", "year", "period_code", "element_id", "validated_by", "at", "note", "fingerprint", "score")
                .values(
                    SQLBind(scope.entityCode), SQLBind(scope.year), SQLBind(validation.periodCode), SQLBind(validation.elementID),
                    SQLBind(validation.validatedBy), SQLBind(Timestamp.format(validation.at)), SQLValue.optional(validation.note),
                    SQLValue.optional(validation.fingerprint), SQLValue.optional(validation.score))
                .run()
            await trail.add(AuditRecord(
                action: .insert, table: "validations", scope: scope,
                recordID: "\(validation.periodCode)/\(validation.elementID)", before: nil, after: data))
        }
    }

    /// Every validation of the Ente-year, oldest first (the history: several per period and element).
    public func validations(in scope: CycleScope) async throws(StoreError) -> [ResultValidation] {
        try await read { db in
            try await db.select().columns("period_code", "element_id", "validated_by", "at", "note", "fingerprint", "score")
                .from("result_validations")
                .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
                .orderBy("id").all().map { row in
                    ResultValidation(
                        periodCode: try row.decode(column: "period_code", as: String.self),
                        elementID: try row.decode(column: "element_id", as: String.self),
                        validatedBy: try row.decode(column: "validated_by", as: String.self),
                        at: Timestamp.parse(try row.decode(column: "at", as: String.self)) ?? .distantPast,
                        note: try row.decode(column: "note", as: String?.self),
                        fingerprint: try row.decode(column: "fingerprint", as: String?.self),
                        score: try row.decode(column: "score", as: String?.self))
                }
        }
    }
}
