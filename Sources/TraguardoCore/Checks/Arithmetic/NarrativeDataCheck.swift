import Foundation

/// The figures written inside a result's narrative, kept as data: a narrative table's columns add up to its printed
/// TOTALE (the MuSA table of Lucca 2018 prints 46 activities and 1.702 participants for rows that give 77 and 2.165);
/// a sub-indicator's printed change against its baseline is the one its values give, and a sub-indicator printed as
/// met (100) does meet its comparison.
public struct NarrativeDataCheck: PlanCheck {
    public let code = "DATI-NARRATIVI"
    public let title = "Tabelle e sotto-indicatori delle narrative"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        var result: [Finding] = []
        for table in plan.narrativeTables where table.year == plan.cycle.year {
            let sums = table.totals
            for (column, name) in table.columns.enumerated() {
                guard table.declaredTotals.indices.contains(column), let printed = table.declaredTotals[column],
                      let sum = sums[column], sum != printed else { continue }
                result.append(Finding(
                    code: code, severity: .error, elementKind: "tabella", elementCode: table.code, provenance: table.provenance,
                    message: "La tabella «\(table.title)» stampa il totale \(CheckText.number(printed)) nella colonna «\(name)», "
                        + "ma le sue \(table.rows.count) righe sommano \(CheckText.number(sum)). Correggere il totale o le righe."))
            }
        }
        for sub in plan.subIndicators where sub.year == plan.cycle.year {
            if let printed = sub.declaredChange, let change = sub.change, !CountPercentageCheck.agrees(printed: printed, exact: change) {
                result.append(Finding(
                    code: code, severity: .error, elementKind: "sotto-indicatore", elementCode: sub.code, provenance: sub.provenance,
                    message: "«\(sub.name)»: stampata una variazione del \(CheckText.number(printed))%, ma \(CheckText.number(sub.value)) "
                        + "su \(CheckText.number(sub.baseline ?? 0))\(sub.baselineYear.map { " del \($0)" } ?? "") è "
                        + "\(CheckText.amount(change))%. Correggere la variazione o uno dei due valori."))
            }
            if sub.declared?.score == 100, sub.met == false, let comparator = sub.comparator, let term = sub.target ?? sub.baseline {
                result.append(Finding(
                    code: code, severity: .error, elementKind: "sotto-indicatore", elementCode: sub.code, provenance: sub.provenance,
                    message: "«\(sub.name)»: stampato come raggiunto (100), ma \(CheckText.number(sub.value)) non è "
                        + "\(comparator.symbol) \(CheckText.number(term)). Correggere il risultato o il valore."))
            }
        }
        return result
    }
}
