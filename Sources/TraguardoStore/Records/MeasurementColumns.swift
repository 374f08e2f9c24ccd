import Foundation
import SQLKit
import TraguardoCore

/// A measurement as the typed columns of its row in `measurements` (schema step 19): one column per field, so
/// that an import writes and `score` reads plain values, with no JSON to encode or decode. Numbers are kept as
/// the decimal's text (`12.345`), exact on both databases; the few list fields (evidence, series) as JSON text,
/// NULL when empty.
enum MeasurementColumns {
    /// Every column, in the order of `values` (the table's order).
    static let names = [
        "entity_code", "year", "id", "item_id", "period_id", "position",
        "value", "date", "done", "numerator", "denominator", "text", "not_computable_reason",
        "justified_deviation", "justification_note", "override_score", "override_reason", "override_approved_by",
        "narrative", "evidence", "author", "recorded_at", "provenance_source", "provenance_lines", "series",
    ]

    /// The columns after the identifying ones (what an update sets).
    static var fieldNames: ArraySlice<String> { names[5...] }

    /// The row's values as text (nil for NULL), as COPY's text format takes them.
    static func texts(_ m: TraguardoCore.Measurement, scope: CycleScope, position: Int) -> [String?] {
        [
            scope.entityCode, String(scope.year), m.id, m.itemID, m.periodID, String(position),
            m.value?.description, m.date?.iso, m.done.map { $0 ? "1" : "0" }, m.numerator?.description,
            m.denominator?.description, m.text, m.notComputableReason, m.justifiedDeviation ? "1" : "0",
            m.justificationNote, m.override?.score.description, m.override?.reason, m.override?.approvedBy,
            m.narrative, evidence(m.evidence), m.author, m.recordedAt.map { $0.timeIntervalSinceReferenceDate.description },
            m.provenance?.source, m.provenance?.lines, m.series.map(series),
        ]
    }

    /// The row's values, each with its column's type (nil for NULL).
    static func values(_ m: TraguardoCore.Measurement, scope: CycleScope, position: Int) -> [(any Encodable & Sendable)?] {
        [scope.entityCode, scope.year, m.id, m.itemID, m.periodID] + fieldValues(m, position: position)
    }

    /// The values of `fieldNames`.
    static func fieldValues(_ m: TraguardoCore.Measurement, position: Int) -> [(any Encodable & Sendable)?] {
        [
            position, m.value?.description, m.date?.iso, m.done.map { $0 ? 1 : 0 }, m.numerator?.description,
            m.denominator?.description, m.text, m.notComputableReason, m.justifiedDeviation ? 1 : 0, m.justificationNote,
            m.override?.score.description, m.override?.reason, m.override?.approvedBy, m.narrative, evidence(m.evidence),
            m.author, m.recordedAt?.timeIntervalSinceReferenceDate, m.provenance?.source, m.provenance?.lines,
            m.series.map(series),
        ]
    }

    /// A value as a bind, or NULL.
    static func bind(_ value: (any Encodable & Sendable)?) -> any SQLExpression {
        value.map { SQLBind($0) } ?? SQLLiteral.null
    }

    /// The measurement of a row read with `names`.
    static func read(_ row: any SQLRow) throws -> (measurement: TraguardoCore.Measurement, position: Int) {
        let id = try row.decode(column: "id", as: String.self)
        // Most columns are NULL: asking that first is a lookup, while decoding an optional goes through the drivers'
        // generic `Decodable` path (a third of the time of reading 40.000 rows).
        func optional<T: Decodable>(_ column: String, _ type: T.Type) throws -> T? {
            try row.decodeNil(column: column) ? nil : try row.decode(column: column, as: T.self)
        }
        func text(_ column: String) throws -> String? { try optional(column, String.self) }
        func decimal(_ column: String) throws -> Decimal? {
            guard let text = try text(column) else { return nil }
            guard let value = Decimal(string: text, locale: posix) else { throw unreadable(id, column, text) }
            return value
        }
        var m = TraguardoCore.Measurement(
            id: id, itemID: try row.decode(column: "item_id", as: String.self),
            periodID: try row.decode(column: "period_id", as: String.self))
        m.value = try decimal("value")
        if let date = try text("date") {
            guard let civil = CivilDate(iso: date) else { throw unreadable(id, "date", date) }
            m.date = civil
        }
        m.done = try optional("done", Int.self).map { $0 != 0 }
        m.numerator = try decimal("numerator")
        m.denominator = try decimal("denominator")
        m.text = try text("text")
        m.notComputableReason = try text("not_computable_reason")
        m.justifiedDeviation = try row.decode(column: "justified_deviation", as: Int.self) != 0
        m.justificationNote = try text("justification_note")
        if let score = try decimal("override_score") {
            m.override = ScoreOverride(
                score: score, reason: try text("override_reason") ?? "", approvedBy: try text("override_approved_by") ?? "")
        }
        m.narrative = try text("narrative")
        if let evidence = try text("evidence") {
            m.evidence = try RecordCodec.decode([String].self, from: evidence, table: "measurements", id: id)
        }
        m.author = try text("author")
        m.recordedAt = try optional("recorded_at", Double.self).map { Date(timeIntervalSinceReferenceDate: $0) }
        if let source = try text("provenance_source") {
            m.provenance = Provenance(source: source, lines: try text("provenance_lines"))
        }
        if let series = try text("series") {
            m.series = try RecordCodec.decode([YearValue].self, from: series, table: "measurements", id: id)
        }
        return (m, try row.decode(column: "position", as: Int.self))
    }

    /// Evidence as a JSON array of strings; nil when there is none.
    static func evidence(_ list: [String]) -> String? {
        list.isEmpty ? nil : "[" + list.map(MeasurementJSON.string).joined(separator: ",") + "]"
    }

    /// A series as JSON, the keys sorted as the stored records had them.
    static func series(_ list: [YearValue]) -> String {
        "[" + list.map { "{\"value\":\($0.value.description),\"year\":\($0.year)}" }.joined(separator: ",") + "]"
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    private static func unreadable(_ id: String, _ column: String, _ text: String) -> StoreError {
        .database("la rilevazione «\(id)» ha nel campo \(column) il valore «\(text)», che questa versione di Traguardo non legge")
    }
}

/// Whether the measurements of the database at hand are still JSON records (a database opened without migrating,
/// before step 19: the migration tests write at older steps), set by `Store` around each read and write.
enum MeasurementStorage {
    @TaskLocal static var asJSON = false
}
