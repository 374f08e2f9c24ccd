import Foundation

/// The same Ente's documents agree across years: an act cited with another number or date in another year's
/// documents; a value of a multi-year series (a baseline, a year of a series) printed differently in two years;
/// a multi-year objective of the plan whose code or title changes from one year to the next with no variation
/// recording it. Needs the other years (`CheckContext.otherYears`); without them it finds nothing. Findings are
/// about the year checked.
public struct CrossYearCheck: PlanCheck {
    public let code = "ANNI-DISCORDANTI"
    public let title = "Coerenza fra gli anni dello stesso Ente"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        let others = context.otherYears.filter { $0.entity.code == plan.entity.code && $0.cycle.year != plan.cycle.year }
            .sorted { $0.cycle.year < $1.cycle.year }
        guard !others.isEmpty else { return [] }
        return acts(plan, others) + series(plan, others) + nodes(plan, others)
    }

    // MARK: acts

    /// Same organ, kind and number in the same calendar year with another date; same organ, kind, date and
    /// subject with another number.
    private func acts(_ plan: CyclePlan, _ others: [CyclePlan]) -> [Finding] {
        var result: [Finding] = []
        for act in plan.acts {
            guard let date = act.date else { continue }
            for other in others {
                for cited in other.acts where cited.organ.folded == act.organ.folded && cited.kind == act.kind {
                    guard let otherDate = cited.date else { continue }
                    if let number = act.number, number == cited.number, otherDate.year == date.year, otherDate != date {
                        result.append(finding("atto", act.label, act.provenance,
                            "\(act.label) è citato nel \(other.cycle.year) con la data \(otherDate.italian). "
                                + "Verificare la data dell'atto in uno dei due anni."))
                    } else if otherDate == date, act.subject.folded == cited.subject.folded, act.number != cited.number {
                        result.append(finding("atto", act.label, act.provenance,
                            "\(act.label) è citato nel \(other.cycle.year) con il numero \(cited.number ?? "(nessuno)"). "
                                + "Verificare il numero dell'atto in uno dei due anni."))
                    }
                }
            }
        }
        return result
    }

    // MARK: series

    /// The values an indicator prints for past years: its baseline and the years of its measurements' series,
    /// by (indicator name and owner title, year); the value of the plan's own year too.
    private func printedValues(_ plan: CyclePlan) -> [String: [Int: (value: Decimal, code: String, provenance: Provenance?)]] {
        let lookup = PlanLookup(plan)
        var values: [String: [Int: (value: Decimal, code: String, provenance: Provenance?)]] = [:]
        let itemsByIndicator = Dictionary(grouping: plan.items, by: \.indicatorID)
        let measurementsByItem = Dictionary(grouping: plan.measurements, by: \.itemID)
        for indicator in plan.indicators {
            let owner = indicator.nodeID.flatMap { lookup.nodesByID[$0]?.title }
                ?? indicator.objectiveID.flatMap { lookup.objectivesByID[$0]?.title } ?? ""
            let key = "\(owner.folded)|\(indicator.name.folded)"
            let code = lookup.indicatorCode(indicator)
            if let year = indicator.baselineYear, let value = indicator.baselineValue { values[key, default: [:]][year] = (value, code, indicator.provenance) }
            let items = itemsByIndicator[indicator.id] ?? []
            guard items.count == 1, let item = items.first else { continue }
            for measurement in measurementsByItem[item.id] ?? [] {
                for point in measurement.series ?? [] { values[key, default: [:]][point.year] = (point.value, code, indicator.provenance) }
            }
        }
        return values
    }

    private func series(_ plan: CyclePlan, _ others: [CyclePlan]) -> [Finding] {
        let mine = printedValues(plan)
        var result: [Finding] = []
        for other in others {
            let theirs = printedValues(other)
            for (key, years) in mine.sorted(by: { $0.key < $1.key }) {
                guard let their = theirs[key] else { continue }
                for (year, printed) in years.sorted(by: { $0.key < $1.key }) {
                    guard let elsewhere = their[year], elsewhere.value != printed.value else { continue }
                    result.append(finding("indicatore", printed.code, printed.provenance,
                        "Il valore del \(year) è \(CheckText.number(printed.value)) qui e \(CheckText.number(elsewhere.value)) "
                            + "nei documenti del \(other.cycle.year) (\(elsewhere.code)). Una serie pluriennale ha un solo "
                            + "valore per anno: correggere quello sbagliato."))
                }
            }
        }
        return result
    }

    // MARK: multi-year objectives

    /// A node of the plan whose code or title differs from another year's, with no variation naming it, when the
    /// two years belong to the same plan (one year within the other's horizon).
    private func nodes(_ plan: CyclePlan, _ others: [CyclePlan]) -> [Finding] {
        let varied = Set(plan.variations.compactMap(\.nodeID))
        var result: [Finding] = []
        for other in others where Self.samePlan(plan, other) {
            let otherVaried = Set(other.variations.compactMap(\.nodeID))
            let byCode = Dictionary(grouping: other.nodes, by: \.code)
            let byTitle = Dictionary(grouping: other.nodes, by: { $0.title.folded })
            for node in plan.nodes where !varied.contains(node.id) {
                if let same = byCode[node.code]?.first, !otherVaried.contains(same.id), same.title.folded != node.title.folded,
                   byTitle[node.title.folded] == nil
                {
                    result.append(finding("nodo", node.code, node.provenance,
                        "Il titolo di \(node.code) cambia fra il \(other.cycle.year) («\(same.title)») e il \(plan.cycle.year) "
                            + "(«\(node.title)») senza una variazione del piano che lo registri. Registrare la variazione "
                            + "o riportare il titolo approvato."))
                } else if byCode[node.code] == nil, let same = byTitle[node.title.folded], !same.contains(where: { otherVaried.contains($0.id) }) {
                    let codes = same.map(\.code).joined(separator: ", ")
                    result.append(finding("nodo", node.code, node.provenance,
                        "«\(node.title)» è \(codes) nel \(other.cycle.year) e \(node.code) nel \(plan.cycle.year): il codice "
                            + "cambia senza una variazione del piano che lo registri. Registrare la variazione o tenere "
                            + "lo stesso codice (o indicare la corrispondenza fra i codici)."))
                }
            }
        }
        return result
    }

    /// One year within the other's horizon (a plan without horizon counts only its own year).
    static func samePlan(_ a: CyclePlan, _ b: CyclePlan) -> Bool {
        func covers(_ plan: CyclePlan, _ year: Int) -> Bool {
            (plan.cycle.horizonFrom ?? plan.cycle.year) <= year && year <= (plan.cycle.horizonTo ?? plan.cycle.year)
        }
        return covers(a, b.cycle.year) || covers(b, a.cycle.year)
    }

    private func finding(_ kind: String, _ code: String, _ provenance: Provenance?, _ message: String) -> Finding {
        Finding(code: self.code, severity: .warning, elementKind: kind, elementCode: code, provenance: provenance, message: message)
    }
}

extension String {
    /// For comparing printed texts: lower case, no accents, one kind of apostrophe and dash, single spaces,
    /// no final full stop.
    var folded: String {
        var text = folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "–", with: "-")
        text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
