import Foundation

/// The Carta dei servizi allegato as the seeds print it: one line per row (standard, what was measured, result),
/// then «TOTALE» (the sum of the scored rows' results) and «% RISULTATO CONSEGUITO SU N PROCESSI» with the
/// decimals the methodology gives (99,22; 100,00 — not 100).
public struct ServiceCharterTable: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var code: String
        public var process: String
        public var standard: String
        /// What was measured: from cases «media 8,67 gg, massimo 12 gg su 3 casi», else as printed.
        public var measured: String
        public var cases: Int?
        public var meanDays: Decimal?
        public var maximumDays: Int?
        public var withinStandard: Int?
        public var justified: Int?
        /// «100», «72», «N.C.».
        public var result: String
        public var score: Decimal?
    }

    public var rows: [Row]
    /// Σ of the scored rows' results (3.572).
    public var total: Decimal
    /// Rows with a result (36): the N.C. ones are out of both.
    public var scoredRows: Int
    /// TOTALE / scored rows, as the methodology rounds it; nil when no row is scored.
    public var percent: Decimal?
    /// `percent` written with the methodology's decimals («99,22», «100,00»), or «N.C.».
    public var percentShown: String

    /// The table of a scored plan; `summaries` (from `ServiceCharterFromCases`) add the case counts.
    public init(plan: CyclePlan, scores: PlanScores, summaries: [ServiceCaseSummary] = []) {
        let rule = (plan.methodology?.rules ?? MethodologyPresets.standard).serviceCharter
        let byID = Dictionary(summaries.map { ($0.standard.id, $0) }, uniquingKeysWith: { first, _ in first })
        let year = plan.cycle.year
        rows = plan.serviceStandards.stableSorted { $0.sortOrder < $1.sortOrder }.map { standard in
            let summary = byID[standard.id]
            let scored = scores.serviceRows[standard.id]?.score
            let typed = plan.serviceResults.first { $0.standardID == standard.id && $0.year == year }
            let measured = summary.map(\.measuredText) ?? typed?.measuredText
                ?? typed?.measuredDays.map { "\(ItalianFormatting.number($0)) gg" } ?? ""
            return Row(
                code: standard.code, process: standard.process,
                standard: standard.standardText ?? ServiceStandardKind(standard)?.italian ?? "",
                measured: measured, cases: summary?.cases, meanDays: summary?.meanDays, maximumDays: summary?.maximumDays,
                withinStandard: summary?.withinStandard, justified: summary?.justified,
                result: scored?.shown ?? "N.C.", score: scored?.value)
        }
        let scoredValues = rows.compactMap(\.score)
        total = scoredValues.reduce(0, +)
        scoredRows = scoredValues.count
        percent = scores.serviceCharter?.score.value
        percentShown = percent.map { ItalianFormatting.number($0, fractionDigits: rule.digits, rounding: rule.rounding) } ?? "N.C."
    }

    /// The footer as printed: «TOTALE 3.572», «% RISULTATO CONSEGUITO SU 36 PROCESSI 99,22».
    public var footer: [String] {
        ["TOTALE \(ItalianFormatting.number(total))",
         "% RISULTATO CONSEGUITO SU \(scoredRows) PROCESSI \(percentShown)"]
    }
}
