import Foundation

/// What a rule reads: the measured facts and the target they are compared with.
struct RuleInput {
    var rule: ScoringRuleKind
    var comparator: Comparator?
    var polarity: Polarity?
    var targetValue: Decimal?
    var targetDeadline: CivilDate?
    var targetText: String?
    var unit: String?
    var baselineValue: Decimal?
    var baselineYear: Int?
    var value: Decimal?
    var date: CivilDate?
    var done: Bool?
    var numerator: Decimal?
    var denominator: Decimal?
    var text: String?
    var series: [YearValue]

    init(rule: ScoringRuleKind, value: Decimal? = nil) {
        self.rule = rule
        self.value = value
        self.series = []
    }

    /// "a vista" (on the spot) counts as 0 days.
    static func isOnTheSpot(_ text: String?) -> Bool {
        text?.lowercased().contains("a vista") ?? false
    }
}

/// The item rules (seed 000 §4, seed 001 §4.1): each turns measured facts and a target into a % of
/// achievement. Capping at 100 and the item level's rounding are applied by the caller.
enum ItemRules {
    static func apply(_ input: RuleInput, methodology: Methodology) -> RuleOutcome {
        switch input.rule {
        case .threshold, .compositeAll, .compositeShare: threshold(input, methodology)
        case .proportional: proportional(input)
        case .declaredProgress: direct(input, name: "avanzamento dichiarato")
        case .asScore: direct(input, name: "punteggio diretto")
        case .deadline: deadline(input, methodology)
        case .done: done(input)
        case .lowerIsBetter: lowerIsBetter(input)
        case .ratio: ratio(input, methodology)
        case .multiYearAverage: multiYearAverage(input, methodology)
        case .changeFromBase: changeFromBase(input, methodology)
        case .shareWithinStandard: shareWithinStandard(input)
        case .timeWithinStandard: timeWithinStandard(input, methodology)
        }
    }

    // MARK: rules

    /// Threshold met → 100; missed → 0, or the proportion reached if the methodology says so (R1).
    static func threshold(_ input: RuleInput, _ methodology: Methodology) -> RuleOutcome {
        if input.comparator == .byDate { return deadline(input, methodology) }
        if input.comparator == .done { return done(input) }
        guard let value = measuredNumber(input) else {
            if input.done != nil { return done(input) }
            return .notComputable("valore rilevato mancante", kind: .warning)
        }
        guard let target = input.targetValue else {
            if input.done != nil { return done(input) }
            return .notComputable("target numerico mancante", kind: .warning)
        }
        let comparator = input.comparator ?? .implied(by: input.polarity)
        return compare(value, .quantity(value, unit: input.unit), comparator, target, methodology, unit: input.unit)
    }

    /// Partial quantity → value / target × 100 (R2: 1 of 2 = 50; 43 of 47 = 91,49).
    static func proportional(_ input: RuleInput) -> RuleOutcome {
        guard let value = measuredNumber(input) else { return .notComputable("valore rilevato mancante", kind: .warning) }
        guard let target = input.targetValue else { return .notComputable("target numerico mancante", kind: .warning) }
        let lower = (input.comparator ?? .implied(by: input.polarity)).lowerIsBetter
        let (score, formula) = Percent.proportion(value, of: target, lowerIsBetter: lower)
        let met = (input.comparator ?? .implied(by: input.polarity)).isMet(value, target)
        return RuleOutcome(value: score, formula: .call("proporzionale", [formula]), met: met, measured: value)
    }

    /// The value taken as the score (R3 self-declared progress; a procedure's printed "97%").
    static func direct(_ input: RuleInput, name: String) -> RuleOutcome {
        guard let value = input.value else { return .notComputable("valore rilevato mancante", kind: .warning) }
        return RuleOutcome(value: value, formula: .call(name, [.number(value)]), met: value >= 100, measured: value)
    }

    /// On time → 100; late → the methodology's lateness scale (R4: "entro febbraio" → "7 marzo = 95%");
    /// beyond the last band → 0; not done → 0.
    static func deadline(_ input: RuleInput, _ methodology: Methodology) -> RuleOutcome {
        guard let date = input.date else {
            if input.done == false { return RuleOutcome(value: 0, formula: .text("non realizzato"), met: false) }
            if input.done == true {
                return RuleOutcome(value: 100, formula: .text("realizzato"), met: true,
                                   details: ["data di realizzazione non indicata"])
            }
            return .notComputable("data di realizzazione mancante", kind: .warning)
        }
        guard let deadline = input.targetDeadline else {
            return RuleOutcome(value: 100, formula: .call("realizzato", [.text(date.italian)]), met: true,
                               details: ["scadenza non indicata"])
        }
        let late = date.dayNumber - deadline.dayNumber
        if late <= 0 {
            return RuleOutcome(value: 100,
                               formula: .call("scadenza rispettata", [.infix(.text(date.italian), "≤", .text(deadline.italian))]),
                               met: true)
        }
        let bands = methodology.lateness.sorted { $0.maxDaysLate < $1.maxDaysLate }
        let band = bands.first { late <= $0.maxDaysLate }
        let score = band?.score ?? 0
        let days = late == 1 ? "1 giorno" : "\(late) giorni"
        let scale = band.map { "fino a \($0.maxDaysLate) giorni di ritardo → \(ItalianFormatting.number($0.score))" }
            ?? (bands.isEmpty ? "nessuna scala dei ritardi nella metodologia" : "oltre la scala dei ritardi")
        return RuleOutcome(
            value: score,
            formula: .call("ritardo di \(days)", [.infix(.text(date.italian), "oltre", .text(deadline.italian))]),
            met: false, details: [scale])
    }

    /// Done → 100, not done → 0 (R5).
    static func done(_ input: RuleInput) -> RuleOutcome {
        switch input.done {
        case true?: return RuleOutcome(value: 100, formula: .text("realizzato"), met: true)
        case false?: return RuleOutcome(value: 0, formula: .text("non realizzato"), met: false)
        case nil:
            if let date = input.date {
                return RuleOutcome(value: 100, formula: .call("realizzato", [.text(date.italian)]), met: true)
            }
            if let value = input.value {
                let done = value > 0
                return RuleOutcome(value: done ? 100 : 0,
                                   formula: .call(done ? "realizzato" : "non realizzato", [.number(value)]), met: done)
            }
            return .notComputable("esito (realizzato / non realizzato) non indicato", kind: .warning)
        }
    }

    /// Lower is better: within the target → 100, otherwise target / value × 100 (R7).
    static func lowerIsBetter(_ input: RuleInput) -> RuleOutcome {
        guard let value = measuredNumber(input) else { return .notComputable("valore rilevato mancante", kind: .warning) }
        guard let target = input.targetValue ?? (RuleInput.isOnTheSpot(input.targetText) ? 0 : nil) else {
            return .notComputable("target numerico mancante", kind: .warning)
        }
        let comparator = (input.comparator?.lowerIsBetter ?? false) ? input.comparator! : .atMost
        if comparator.isMet(value, target) {
            return RuleOutcome(value: 100, formula: .call("entro il target", [.infix(.number(value), comparator.symbol, .number(target))]),
                               met: true, measured: value)
        }
        let (score, formula) = Percent.proportion(value, of: target, lowerIsBetter: true)
        return RuleOutcome(value: score, formula: .call("oltre il target, in proporzione", [formula]), met: false,
                           measured: value)
    }

    /// Numerator / denominator (× 100 when the unit is %) against a threshold (R9).
    static func ratio(_ input: RuleInput, _ methodology: Methodology) -> RuleOutcome {
        guard let numerator = input.numerator, let denominator = input.denominator else {
            if input.value != nil { return threshold(input, methodology) }
            return .notComputable("numeratore o denominatore mancante", kind: .warning)
        }
        guard denominator != 0 else { return .notComputable("denominatore pari a zero") }
        var value = numerator / denominator
        var formula = Formula.infix(.number(numerator), "/", .number(denominator))
        if input.unit?.contains("%") ?? false {
            value *= 100
            formula = .infix(formula, "×", .number(100))
        }
        guard let target = input.targetValue else {
            return .notComputable("target numerico mancante", kind: .warning)
        }
        let comparator = input.comparator ?? .implied(by: input.polarity)
        var outcome = compare(value, formula, comparator, target, methodology)
        outcome.details.append("rapporto = \(ItalianFormatting.formulaNumber(value))")
        return outcome
    }

    /// Multi-year average against the baseline average (R10: media 2010-2013 258,5 vs media 2007-2009 197,33).
    static func multiYearAverage(_ input: RuleInput, _ methodology: Methodology) -> RuleOutcome {
        let average: Decimal
        let averageFormula: Formula
        if !input.series.isEmpty {
            let sum = input.series.reduce(Decimal(0)) { $0 + $1.value }
            average = sum / Decimal(input.series.count)
            averageFormula = .call("media", input.series.map { .infix(.text(String($0.year)), ":", .quantity($0.value, unit: input.unit)) })
        } else if let value = input.value {
            average = value
            averageFormula = .quantity(value, unit: input.unit)
        } else {
            return .notComputable("media pluriennale mancante", kind: .warning)
        }
        guard let base = input.baselineValue ?? input.targetValue else {
            return .notComputable("media di riferimento (baseline) mancante", kind: .warning)
        }
        let comparator = input.comparator ?? .implied(by: input.polarity)
        var outcome = compare(average, averageFormula, comparator, base, methodology, unit: input.unit)
        outcome.details.append("media = \(ItalianFormatting.formulaNumber(average))")
        return outcome
    }

    /// Change against a base year: value − base compared with the target (default: a reduction, < 0, when
    /// lower is better; an increase, > 0, otherwise). The % change is shown beside it.
    static func changeFromBase(_ input: RuleInput, _ methodology: Methodology) -> RuleOutcome {
        guard let value = input.value else { return .notComputable("valore rilevato mancante", kind: .warning) }
        guard let base = input.baselineValue else {
            return .notComputable("valore dell'anno base mancante", kind: .warning)
        }
        let change = value - base
        let comparator = input.comparator ?? (input.polarity == .decreasing ? .lessThan : .greaterThan)
        let target = input.targetValue ?? 0
        let changeFormula = Formula.infix(.quantity(value, unit: input.unit), "−", .quantity(base, unit: input.unit))
        var outcome = compare(change, changeFormula, comparator, target, methodology, proportionalAllowed: false, unit: input.unit)
        let year = input.baselineYear.map { " rispetto al \($0)" } ?? " rispetto all'anno base"
        var detail = "variazione \(ItalianFormatting.quantity(change, unit: input.unit))"
        if base != 0 {
            let pct = change / base * 100
            detail += " (\(ItalianFormatting.percent(pct, fractionDigits: 2)))"
        }
        outcome.details.append(detail + year)
        outcome.measured = change
        return outcome
    }

    /// Share of cases within the time standard: within / total × 100, against a target share (default 100):
    /// min(100, share / target × 100). Verifica periodica 56 of 78 = 71,79.
    static func shareWithinStandard(_ input: RuleInput) -> RuleOutcome {
        guard let within = input.numerator, let total = input.denominator else {
            if let value = input.value { return direct(input, name: "quota entro lo standard") .with(measured: value) }
            return .notComputable("casi entro lo standard o casi totali mancanti", kind: .warning)
        }
        guard total != 0 else { return .notComputable("nessun caso nel periodo") }
        let share = within / total * 100
        let shareFormula = Formula.infix(.infix(.number(within), "/", .number(total)), "×", .number(100))
        let target = input.targetValue ?? 100
        if target == 100 || target <= 0 {
            return RuleOutcome(value: share, formula: .call("quota entro lo standard", [shareFormula]),
                               met: share >= target, measured: share)
        }
        return RuleOutcome(value: share / target * 100,
                           formula: .call("quota entro lo standard rispetto al target",
                                          [.infix(.infix(shareFormula, "/", .number(target)), "×", .number(100))]),
                           met: share >= target, measured: share)
    }

    /// Time within the standard, "a vista" = 0 days: measured ≤ standard → 100 (seed 000 §4.1).
    static func timeWithinStandard(_ input: RuleInput, _ methodology: Methodology) -> RuleOutcome {
        let onTheSpot = input.value == nil && RuleInput.isOnTheSpot(input.text)
        guard let days = input.value ?? (onTheSpot ? 0 : nil) else {
            return .notComputable("tempo rilevato mancante", kind: .warning)
        }
        guard let standard = input.targetValue ?? (RuleInput.isOnTheSpot(input.targetText) ? 0 : nil) else {
            return .notComputable("standard (giorni) mancante", kind: .warning)
        }
        let comparator = (input.comparator?.lowerIsBetter ?? false) ? input.comparator! : .atMost
        let daysFormula: Formula = onTheSpot ? .text("a vista (0 gg)") : .number(days)
        return compare(days, daysFormula, comparator, standard, methodology)
    }

    // MARK: helpers

    /// The number a rule compares: the value, else numerator / denominator, else "a vista" = 0.
    static func measuredNumber(_ input: RuleInput) -> Decimal? {
        if let value = input.value { return value }
        if let n = input.numerator, let d = input.denominator, d != 0 { return n / d }
        if RuleInput.isOnTheSpot(input.text) { return 0 }
        return nil
    }

    /// Met → 100; missed → 0 or, if the methodology says so, the proportion reached.
    static func compare(
        _ value: Decimal, _ valueFormula: Formula, _ comparator: Comparator, _ target: Decimal,
        _ methodology: Methodology, proportionalAllowed: Bool = true, unit: String? = nil
    ) -> RuleOutcome {
        let comparison = Formula.infix(valueFormula, comparator.symbol, .quantity(target, unit: unit))
        if comparator.isMet(value, target) {
            return RuleOutcome(value: 100, formula: .call("soglia raggiunta", [comparison]), met: true, measured: value)
        }
        if proportionalAllowed && methodology.thresholdMiss == .proportional && comparator != .equal {
            let (score, formula) = Percent.proportion(value, of: target, lowerIsBetter: comparator.lowerIsBetter)
            return RuleOutcome(value: score, formula: .call("soglia mancata, in proporzione", [formula]), met: false,
                               details: ["\(comparison.text): no"], measured: value)
        }
        return RuleOutcome(value: 0, formula: .call("soglia mancata", [comparison]), met: false, measured: value)
    }
}

extension RuleOutcome {
    func with(measured: Decimal) -> RuleOutcome {
        var copy = self
        copy.measured = measured
        return copy
    }
}
