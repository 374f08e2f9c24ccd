import Foundation
import SQLKit
import TraguardoCore

/// A recorded set of scores: what the Relazione, the cruscotto and the evaluation sheets print, and the
/// methodology version it was computed with, so that a later change of rules never rewrites history silently.
public struct StoredScores: Hashable, Sendable {
    public var scope: CycleScope
    public var periodCode: String
    public var methodologyName: String
    public var methodologyVersion: Int?
    public var computedAt: Date
    public var computedBy: String
    /// In the listing's order.
    public var rows: [ScoreListing.Row]
}

extension Store {
    /// Records `listing` as the scores of its Ente-year and period, replacing the ones recorded before, in
    /// one transaction with one audit row (the run: how many scores, which methodology). Returns the count.
    @discardableResult
    public func saveScores(_ listing: ScoreListing, actor: String) async throws(StoreError) -> Int {
        let scope = CycleScope(entityCode: listing.ente, year: listing.anno)
        guard let period = listing.periodo else {
            throw .integrity("\(scope): punteggi senza periodo; il ciclo non ha periodi di monitoraggio")
        }
        let at = Timestamp.format(clock())
        var rows: [(ScoreListing.Row, String)] = []
        for row in listing.punteggi { rows.append((row, try Self.encodeScoreRow(row))) }
        let encoded = rows
        return try await write(actor: actor) { db, trail in
            guard try await Self.storedCycle(scope, on: db) != nil else {
                throw StoreError.notFound(table: "cycles", id: "\(scope)")
            }
            try await db.delete(from: "score_results")
                .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
                .where("period_code", .equal, SQLBind(period)).run()
            for (offset, chunk) in encoded.chunked(into: 200).enumerated() {
                let insert = db.insert(into: "score_results").columns(
                    "entity_code", "year", "period_code", "kind", "element_id", "position", "value", "shown",
                    "methodology_name", "methodology_version", "computed_at", "computed_by", "data")
                for (index, (row, data)) in chunk.enumerated() {
                    insert.values(
                        SQLBind(scope.entityCode), SQLBind(scope.year), SQLBind(period), SQLBind(row.tipo), SQLBind(row.id),
                        SQLBind(offset * 200 + index), SQLValue.optional(row.valore), SQLBind(row.mostrato),
                        SQLBind(listing.metodologia.nome), SQLValue.optional(listing.metodologia.versione), SQLBind(at),
                        SQLBind(actor), SQLBind(data))
                }
                try await insert.run()
            }
            let summary = "{\"metodologia\":\(try RecordCodec.encode(listing.metodologia)),\"periodo\":\(try RecordCodec.encode(period)),\"punteggi\":\(encoded.count)}"
            await trail.add(AuditRecord(
                action: .insert, table: "score_results", scope: scope, recordID: "\(scope.entityCode)/\(scope.year)/\(period)",
                before: nil, after: summary))
            return encoded.count
        }
    }

    /// The scores recorded for an Ente-year and period; nil when none were recorded.
    public func storedScores(_ scope: CycleScope, period: String) async throws(StoreError) -> StoredScores? {
        try await read { db in
            let rows = try await db.select()
                .columns("element_id", "methodology_name", "methodology_version", "computed_at", "computed_by", "data")
                .from("score_results")
                .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
                .where("period_code", .equal, SQLBind(period))
                .orderBy("position").all()
            guard let first = rows.first else { return nil }
            let decoded = try rows.map { row in
                try RecordCodec.decode(ScoreListing.Row.self, from: try row.decode(column: "data", as: String.self),
                                       table: "score_results", id: try row.decode(column: "element_id", as: String.self))
            }
            return StoredScores(
                scope: scope, periodCode: period,
                methodologyName: try first.decode(column: "methodology_name", as: String.self),
                methodologyVersion: try first.decode(column: "methodology_version", as: Int?.self),
                computedAt: Timestamp.parse(try first.decode(column: "computed_at", as: String.self)) ?? Date(timeIntervalSince1970: 0),
                computedBy: try first.decode(column: "computed_by", as: String.self),
                rows: decoded)
        }
    }

    private static func encodeScoreRow(_ row: ScoreListing.Row) throws(StoreError) -> String {
        do { return try RecordCodec.encode(row) } catch {
            throw .database("punteggio di \(row.percorso) non codificabile: \(error)")
        }
    }
}
