import Foundation
import TraguardoCore

/// The «Piano della performance» as the albero della performance and the «schede obiettivo strategico» in the
/// PIRA layout (seed 004, Lucca 2017): first the matrix of missioni, programmi (D.M. 27/03/2013) and strategic
/// objectives coded `MMM-PPP-NNN`, then one scheda per objective: titolo, descrizione, arco temporale, centro di
/// responsabilità, resources (proventi, oneri, investimenti in each phase the plan has: preventivo, consuntivo),
/// and its indicators with tipologia, unità di misura, algoritmo, fonte, ultimo valore osservato, the targets
/// and the results of each year of the plan, and the engine's degree of achievement for the period scored.
///
/// Resources are `BudgetTotals.resources`; the degree of achievement is the engine's (`Score.shown` and its number).
public enum PianoBuilder {
    public static func build(plan: CyclePlan, scores: PlanScores, source: String? = nil) -> Document {
        let builder = PianoSheets(plan: plan, scores: scores)
        let horizon = builder.years.count > 1 ? "\(builder.years.first!)–\(builder.years.last!)" : "\(plan.cycle.year)"
        return .scored(
            title: "Piano della performance \(horizon)",
            subtitle: "Albero della performance e schede degli obiettivi strategici, risultati \(plan.cycle.year)",
            plan: plan, scores: scores, source: source,
            computed: "risorse ricalcolate dal motore, gradi di raggiungimento del motore di calcolo", blocks: builder.blocks())
    }
}

/// One build of the Piano: the plan indexed, its scores, the years of the plan.
struct PianoSheets {
    let plan: CyclePlan
    let scores: PlanScores
    let index: PlanIndex
    /// The plan's years (2016, 2017, 2018): its horizon, else the years its targets are for.
    let years: [Int]

    init(plan: CyclePlan, scores: PlanScores) {
        self.plan = plan
        self.scores = scores
        index = PlanIndex(plan)
        if let from = plan.cycle.horizonFrom, let to = plan.cycle.horizonTo, from <= to {
            years = Array(from...to)
        } else {
            years = index.targetYears.isEmpty ? [plan.cycle.year] : index.targetYears
        }
    }

    /// The strategic objectives: the nodes carrying a missione, else every node of the tree, in the Ente's order.
    var objectives: [PlanNode] {
        let all = index.roots.flatMap { index.subtree(of: $0) }
        let classified = all.filter { $0.missionCode != nil }
        return classified.isEmpty ? all : classified
    }

    static let kinds: [(ResourceKind, String)] = [(.proventi, "Proventi correnti"), (.oneri, "Oneri correnti"), (.investimenti, "Investimenti")]

    /// The phases the plan has resources in for its year, in order.
    var phases: [BudgetPhase] {
        BudgetPhase.allCases.filter { phase in plan.resources.contains { $0.phase == phase && $0.year == plan.cycle.year } }
    }

    func blocks() -> [DocumentBlock] {
        var blocks = tree()
        blocks.append(.pageBreak)
        blocks.append(.heading(level: 1, text: "Schede obiettivo strategico"))
        for objective in objectives { blocks += sheet(objective) }
        return blocks
    }

    // MARK: The albero della performance

    private func tree() -> [DocumentBlock] {
        let ordered = objectives.enumerated().sorted { a, b in
            (a.element.missionCode ?? "~", a.element.programmeCode ?? "~", a.offset) < (b.element.missionCode ?? "~", b.element.programmeCode ?? "~", b.offset)
        }.map(\.element)
        var rows: [[TableCell]] = []
        for objective in ordered {
            rows.append([
                TableCell(objective.missionCode.map(NationalClassification.missionLabel) ?? ""),
                TableCell(objective.programmeCode.map { NationalClassification.programmeLabel(mission: objective.missionCode, $0) } ?? ""),
                TableCell(objective.code, emphasis: .strong),
                TableCell(PlanIndex.oneLine(objective.title)),
            ])
        }
        var blocks: [DocumentBlock] = [
            .paragraph(PlanApproval.stateLabel(of: plan) + "."),
            .heading(level: 1, text: "Albero della performance"),
            .paragraph("Missioni e programmi (D.M. 27/03/2013) e obiettivi strategici dell'Ente: \(ordered.count) obiettivi."),
            .table(DocumentTable(
                caption: "Albero della performance: missioni, programmi e obiettivi strategici",
                columns: ["Missione", "Programma", "Codice", "Obiettivo strategico"], rows: rows)),
        ]
        if !phases.isEmpty {
            var totals: [[TableCell]] = []
            for phase in phases {
                totals.append([TableCell("Risorse \(phase.rawValue) \(plan.cycle.year)")] + Self.kinds.map { kind, _ in
                    TableCell.amount(BudgetTotals.resources(kind, phase, in: plan), emphasis: .strong)
                })
            }
            blocks.append(.table(DocumentTable(
                caption: "Risorse \(plan.cycle.year) degli obiettivi strategici: totale Ente",
                columns: [""] + Self.kinds.map(\.1), rows: totals)))
        }
        return blocks
    }

    // MARK: A scheda

    private func sheet(_ objective: PlanNode) -> [DocumentBlock] {
        let year = plan.cycle.year
        let indicators = index.indicators(ofNode: objective)
        var heading = PlanIndex.label(objective.code, objective.title)
        if let varied = PlanApproval.variedNote(nodeID: objective.id, in: plan) { heading += " (\(varied))" }
        var blocks: [DocumentBlock] = [.heading(level: 2, text: heading)]
        var facts: [[TableCell]] = []
        if let mission = objective.missionCode { facts.append(["Missione", TableCell(NationalClassification.missionLabel(mission))]) }
        if let programme = objective.programmeCode {
            facts.append(["Programma", TableCell(NationalClassification.programmeLabel(mission: objective.missionCode, programme))])
        }
        facts.append(["Titolo", TableCell(PlanIndex.oneLine(objective.title))])
        if let description = objective.description { facts.append(["Descrizione", TableCell(PlanIndex.oneLine(description))]) }
        if let span = objective.timeSpan { facts.append(["Arco temporale", TableCell(span)]) }
        if let centre = index.unit(objective.ownerUnitID) { facts.append(["Centro di responsabilità", TableCell(centre.name)]) }
        facts.append(["Nr indicatori associati", .number(Decimal(indicators.count))])
        blocks.append(.table(DocumentTable(caption: "Obiettivo \(objective.code)", columns: ["Voce", "Contenuto"], rows: facts)))

        let phases = self.phases.filter { phase in Self.kinds.contains { index.hasResource($0.0, phase, on: objective) } }
        if !phases.isEmpty {
            blocks.append(.table(DocumentTable(
                caption: "Risorse \(year) dell'obiettivo \(objective.code)", columns: [""] + Self.kinds.map(\.1),
                rows: phases.map { phase in
                    [TableCell("Risorse \(phase.rawValue) \(year)")] + Self.kinds.map { kind, _ in
                        TableCell.amount(BudgetTotals.resources(kind, phase, of: objective.code, in: plan))
                    }
                })))
        }
        guard !indicators.isEmpty else { return blocks }
        blocks.append(.table(DocumentTable(
            caption: "Indicatori dell'obiettivo \(objective.code)",
            columns: ["N.", "Indicatore", "Tipologia", "Unità di misura", "Algoritmo di calcolo", "Fonte dei dati"],
            rows: indicators.map { indicator in
                [
                    TableCell(indicator.code, emphasis: .strong), TableCell(PlanIndex.oneLine(indicator.name)),
                    TableCell(indicator.type?.label.lowercased() ?? ""), TableCell(indicator.unit ?? ""),
                    TableCell(PlanIndex.oneLine(indicator.formula ?? "")), TableCell(indicator.source ?? ""),
                ]
            })))
        blocks.append(.table(DocumentTable(
            caption: "Risultati attesi e conseguiti dell'obiettivo \(objective.code)",
            columns: ["N.", "Ultimo valore osservato"] + years.map { "Risultato atteso \($0)" } + years.map { "Risultato anno \($0)" }
                + ["Grado di raggiungimento \(year)"],
            rows: indicators.map { indicator in
                [TableCell(indicator.code, emphasis: .strong), TableCell(PianoBaseline(indicator).lastObserved ?? "")]
                    + years.map { TableCell(index.targetText(of: indicator, year: $0)) }
                    + years.map { TableCell(result(of: indicator, year: $0)) }
                    + [achievement(of: indicator)]
            })))
        return blocks
    }

    /// The engine's degree of achievement: its shown text, with the reason when N.C.
    private func achievement(of indicator: Indicator) -> TableCell {
        guard let score = scores.indicators[indicator.id]?.score else { return "" }
        let emphasis: CellEmphasis = score.isNotComputable ? .muted
            : (score.isJustifiedDeviation || score.isOverridden ? .flagged : .none)
        guard let reason = score.notComputableReason else { return .score(score, emphasis: emphasis) }
        return TableCell("\(score.shown): \(reason)", emphasis: emphasis)
    }

    /// What the indicator achieved in a year: for the plan's year the measurements of its items in the period
    /// scored, as entered; for the year of its baseline the result recorded there; otherwise nothing.
    private func result(of indicator: Indicator, year: Int) -> String {
        if year == plan.cycle.year {
            let period = scores.periodCode.flatMap { plan.period(code: $0) }
            let items = Set(plan.items.filter { $0.indicatorID == indicator.id }.map(\.id))
            let texts = plan.measurements(in: period).filter { items.contains($0.itemID) }
                .compactMap { Self.text(of: $0, unit: indicator.unit) }
            if !texts.isEmpty { return texts.joined(separator: "; ") }
            return indicator.declared?.text.map(PlanIndex.oneLine) ?? ""
        }
        let baseline = PianoBaseline(indicator)
        if year == indicator.baselineYear { return baseline.result ?? indicator.baselineValue.map { ItalianFormatting.quantity($0, unit: indicator.unit) } ?? "" }
        return ""
    }

    /// A measurement as entered: its text, else its value (an amount with its cents when the unit is money).
    static func text(of measurement: TraguardoCore.Measurement, unit: String? = nil) -> String? {
        if let text = measurement.text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty { return PlanIndex.oneLine(text) }
        if let value = measurement.value { return ItalianFormatting.quantity(value, unit: unit) }
        if let numerator = measurement.numerator, let denominator = measurement.denominator {
            return "\(ItalianFormatting.number(numerator))/\(ItalianFormatting.number(denominator))"
        }
        if let date = measurement.date { return date.italian }
        if let done = measurement.done { return done ? "realizzato" : "non realizzato" }
        if measurement.isNotComputable { return "N.C." }
        return nil
    }
}

/// An indicator's baseline text split into what the PIRA scheda prints in two columns: «Ultimo valore
/// osservato: «…». Risultato anno 2016: «…».» (Lucca 2017); a text in another shape is the last value observed.
struct PianoBaseline {
    var lastObserved: String?
    var result: String?

    init(_ indicator: Indicator) {
        guard let raw = indicator.baselineText.map(PlanIndex.oneLine), !raw.isEmpty else { return }
        // «Ultimo valore osservato: «…». Risultato anno 2016: «…».», the first value also bare («(vuoto)»).
        guard let match = raw.wholeMatch(of: /Ultimo valore osservato: (.*)\. Risultato anno ([0-9]{4}): «(.*)»\.?/) else {
            lastObserved = raw
            return
        }
        var observed = String(match.1)
        if observed.hasPrefix("«"), observed.hasSuffix("»") { observed = String(observed.dropFirst().dropLast()) }
        lastObserved = observed == "(vuoto)" ? "" : observed
        result = String(match.3)
    }
}
