import Foundation

/// A hypothetical measurement: "what if item C30101/1/1a ended the year at 95?". Never stored.
public struct Hypothesis: Hashable, Sendable {
    /// `NODO/INDICATORE/ITEM` (see `CyclePlan.items(atPath:)`), the code of a Carta dei servizi row (`3.1.2`), or
    /// of a monitored procedure (`3`, or `procedimento 3`).
    public var itemPath: String
    public var value: EnteredValue
    /// As written, for the report.
    public var text: String

    public init(itemPath: String, value: EnteredValue, text: String) {
        self.itemPath = itemPath
        self.value = value
        self.text = text
    }

    /// `C30101/1/1a=95`, `SG-4/2b/1=N.C.`, `2C/T1/1=43/47`, `1B/2/1=31/12/2019`, `3A/1/1=sì`, `3.1.2=4 gg`, `3=95`.
    public static func parse(_ text: String, year: Int?) throws(WhatIfError) -> Hypothesis {
        guard let equals = text.firstIndex(of: "=") else {
            throw WhatIfError(problems: ["ipotesi «\(text)» non leggibile: attesa la forma ITEM=VALORE, per esempio C30101/1/1a=95"])
        }
        let path = text[..<equals].trimmingCharacters(in: .whitespaces)
        let written = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty else {
            throw WhatIfError(problems: ["ipotesi «\(text)»: manca l'item prima di «=» (per esempio C30101/1/1a=95)"])
        }
        // The values the entry rule refuses (`MeasurementEntry`) are refused here too.
        let value: EnteredValue
        do { value = try EnteredValue.parse(written, year: year) } catch {
            throw WhatIfError(problems: ["ipotesi per \(path): \(error.description)"])
        }
        if let problem = MeasurementEntry.scaleProblem(value, text: written) {
            throw WhatIfError(problems: ["ipotesi per \(path): \(problem.message)"])
        }
        return Hypothesis(itemPath: path, value: value, text: written)
    }
}

/// What changed between the stored scores and the hypothetical ones.
public struct ScoreChange: Hashable, Sendable {
    public var subject: ScoreSubject
    public var before: Score
    public var after: Score
}

public struct WhatIfResult: Sendable {
    public var scores: PlanScores
    /// Every element whose shown score changed, Ente first, items last.
    public var changes: [ScoreChange]
}

/// The hypotheses that could not be applied, all of them, in Italian.
public struct WhatIfError: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [String]
    public var description: String { problems.joined(separator: "\n") }
}

/// Scoring with hypothetical values, for the web's simulations and year-end forecasts: the plan is
/// copied, the hypotheses replace (or add) the period's measurements, the copy is scored. Nothing is
/// stored; the plan passed in is unchanged.
public enum WhatIf {
    public static func score(
        _ plan: CyclePlan, period: String? = nil, hypotheses: [Hypothesis], methodology: MethodologyVersion? = nil
    ) throws(WhatIfError) -> WhatIfResult {
        let before = PlanScorer.score(plan, period: period, methodology: methodology)
        let changed = try applying(hypotheses, to: plan, period: before.periodCode)
        let after = PlanScorer.score(changed, period: period, methodology: methodology)
        return WhatIfResult(scores: after, changes: changes(from: before, to: after))
    }

    /// The plan with the hypotheses in place of the period's measurements.
    public static func applying(
        _ hypotheses: [Hypothesis], to plan: CyclePlan, period: String?
    ) throws(WhatIfError) -> CyclePlan {
        var problems: [String] = []
        var result = plan
        guard let periodCode = period, let target = plan.period(code: periodCode) else {
            throw WhatIfError(problems: [period.map { "il periodo «\($0)» non è fra quelli del ciclo \(plan.cycle.year)" }
                ?? "il ciclo \(plan.cycle.year) non ha periodi di monitoraggio: le ipotesi non hanno un periodo"])
        }
        for hypothesis in hypotheses {
            let standard = plan.serviceStandards.first { $0.code == hypothesis.itemPath }
            let procedure = procedure(named: hypothesis.itemPath, in: plan)
            if let standard, let procedure {
                problems.append("ipotesi per «\(hypothesis.itemPath)»: è sia una riga della Carta dei servizi sia un "
                    + "procedimento; per il procedimento scrivere «procedimento \(procedure.code)=…»")
                continue
            }
            if let standard {
                if let problem = apply(hypothesis, toServiceRow: standard, in: &result) { problems.append(problem) }
                continue
            }
            if let procedure {
                if let problem = apply(hypothesis, toProcedure: procedure, in: &result) { problems.append(problem) }
                continue
            }
            let found = plan.items(atPath: hypothesis.itemPath)
            guard found.count == 1, let item = found.first else {
                problems.append(found.isEmpty
                    ? "ipotesi per «\(hypothesis.itemPath)»: nessun item con questo percorso (atteso NODO/INDICATORE/ITEM, per esempio C30101/1/1a, il codice di una riga della Carta dei servizi o di un procedimento)"
                    : "ipotesi per «\(hypothesis.itemPath)»: il percorso indica \(found.count) item; usare il codice completo dell'item")
                continue
            }
            let id = Measurement.id(item: item.id, period: target)
            let index = result.measurements.firstIndex { $0.itemID == item.id && $0.isOf(target) }
            var measurement = index.map { result.measurements[$0] } ?? Measurement(id: id, itemID: item.id, periodID: target.id)
            apply(hypothesis, to: &measurement)
            if let index { result.measurements[index] = measurement } else { result.measurements.append(measurement) }
        }
        if !problems.isEmpty { throw WhatIfError(problems: problems) }
        return result
    }

    static func apply(_ hypothesis: Hypothesis, to m: inout Measurement) {
        // A hypothesis replaces what was measured, its N.C., deviation and override: it is a new value.
        m = Measurement(id: m.id, itemID: m.itemID, periodID: m.periodID, text: hypothesis.text,
                        narrative: "ipotesi (non registrata)", series: m.series)
        hypothesis.value.apply(to: &m)
        if hypothesis.value.isNotComputable { m.notComputableReason = "ipotesi: non computabile" }
    }

    static func changes(from before: PlanScores, to after: PlanScores) -> [ScoreChange] {
        let order: [ScoredKind] = [.entity, .manager, .objective, .node, .indicator, .item, .serviceCharter, .serviceRow,
                                   .procedureTotal, .procedure]
        var old: [String: ScoredElement] = [:]
        for element in before.all { old["\(element.subject.kind.rawValue)|\(element.subject.id)"] = element }
        return after.all.compactMap { element -> ScoreChange? in
            guard let previous = old["\(element.subject.kind.rawValue)|\(element.subject.id)"],
                  previous.score.shown != element.score.shown || previous.score.points != element.score.points
            else { return nil }
            return ScoreChange(subject: element.subject, before: previous.score, after: element.score)
        }
        .sorted {
            let a = order.firstIndex(of: $0.subject.kind) ?? 99, b = order.firstIndex(of: $1.subject.kind) ?? 99
            return (a, $0.subject.path, $0.subject.id) < (b, $1.subject.path, $1.subject.id)
        }
    }
}
