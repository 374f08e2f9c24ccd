import Foundation

/// A row of a yearly table the scoring totals: a Carta dei servizi standard, a monitored procedure.
protocol YearlyRow {
    var id: String { get }
    var code: String { get }
    var sortOrder: Int { get }
}

/// A row's result for one year.
protocol YearlyResult {
    var year: Int { get }
}

extension ServiceStandard: YearlyRow {}
extension MonitoredProcedure: YearlyRow {}
extension ServiceResult: YearlyResult {}
extension ProcedureResult: YearlyResult {}

/// The total of a yearly table: its kind, the first part of its id (the year follows) and its title (likewise).
struct YearlyTotal {
    var kind: ScoredKind
    var id: String
    var title: String
}

extension ScoringEngine {
    /// What the Carta dei servizi and the monitored procedures share: the year's rows in their order, each with its
    /// result of the year (`owner` names the row a result belongs to) scored with the rows' rounding of `rule` and
    /// handed to `keep`, then the total, the aggregate of the rows by `rule` (N.C. rows out of numerator and
    /// denominator). `details` explains the total from its entries.
    func scoreYearlyRows<Row: YearlyRow, Result: YearlyResult>(
        _ rows: [Row], _ kind: ScoredKind, title: KeyPath<Row, String>, results: [Result], owner: KeyPath<Result, String>,
        rule: CollectionRule, total: YearlyTotal, emptyReason: String, details: ([AggregationEntry]) -> [String] = { _ in [] },
        score: (Row, Result?, ScoreSubject, CombineRule) -> ScoredElement, keep: (String, ScoredElement) -> Void
    ) -> ScoredElement {
        let year = plan.cycle.year
        let rowRounding = CombineRule(aggregation: .mean, rounding: rule.rowRounding, digits: rule.rowDigits)
        let entries = rows.stableSorted(by: { $0.sortOrder < $1.sortOrder }).map { row in
            let result = results.first { $0[keyPath: owner] == row.id && $0.year == year }
            let subject = ScoreSubject(kind: kind, id: row.id, code: row.code, title: row[keyPath: title])
            let element = score(row, result, subject, rowRounding)
            keep(row.id, element)
            return AggregationEntry(element: element, weight: nil)
        }
        let subject = ScoreSubject(kind: total.kind, id: "\(total.id)/\(year)", code: "", title: "\(total.title), \(year)")
        return aggregate(subject: subject, entries: entries, rule: CombineRule(total: rule), emptyReason: emptyReason,
                         details: details(entries))
    }

    /// A row of the year that is not scored: no result for the year (`reason` nil), or a result declared N.C.
    /// with its reason.
    func notComputableRow(subject: ScoreSubject, reason: String?, rounding: CombineRule) -> ScoredElement {
        let note = reason.map { ScoreNote(kind: .notComputable, text: "N.C.: \($0)") }
            ?? ScoreNote(kind: .missingMeasurement, text: "N.C.: nessun risultato per il \(plan.cycle.year)")
        return finish(subject: subject, exact: nil, formula: .notComputable, rounding: rounding, ownNotes: [note])
    }
}
