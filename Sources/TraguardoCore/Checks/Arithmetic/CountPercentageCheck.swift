import Foundation

/// A percentage agrees with the counts it is made of: a measurement with numerator and denominator,
/// a Carta dei servizi row with cases within the standard (56 of 78 cannot be 96%).
public struct CountPercentageCheck: PlanCheck {
    public let code = "PERCENTUALE-CONTEGGI"
    public let title = "Percentuali e conteggi"

    public init() {}

    /// True when `printed` is `exact` shown with the printed number of decimals, rounded or truncated.
    static func agrees(printed: Decimal, exact: Decimal) -> Bool {
        let digits = max(0, -printed.exponent)
        for mode in [NSDecimalNumber.RoundingMode.plain, .down] {
            var value = exact
            var rounded = Decimal()
            NSDecimalRound(&rounded, &value, digits, mode)
            if rounded == printed { return true }
        }
        return false
    }

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        var result: [Finding] = []
        let itemsByID = Dictionary(plan.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for measurement in plan.measurements {
            guard let value = measurement.value, let numerator = measurement.numerator,
                  let denominator = measurement.denominator, denominator != 0 else { continue }
            let exact = numerator / denominator * 100
            guard !Self.agrees(printed: value, exact: exact) else { continue }
            let itemCode = itemsByID[measurement.itemID]?.code ?? measurement.itemID
            result.append(Finding(
                code: code, severity: .error, elementKind: "rilevazione", elementCode: itemCode,
                provenance: measurement.provenance,
                message: "Il valore \(CheckText.number(value))% non corrisponde ai conteggi: "
                    + "\(CheckText.number(numerator)) su \(CheckText.number(denominator)) è "
                    + "\(CheckText.amount(exact))%. Correggere il valore o uno dei due conteggi."))
        }
        let standards = Dictionary(plan.serviceStandards.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for row in plan.serviceResults {
            guard let total = row.casesTotal, total > 0, let within = row.casesWithinStandard,
                  let printed = row.declared?.score, !row.justifiedDeviation else { continue }
            let exact = Decimal(within) / Decimal(total) * 100
            var rounded = Decimal()
            var input = exact
            NSDecimalRound(&rounded, &input, 0, .plain)
            guard printed != rounded, !Self.agrees(printed: printed, exact: exact) else { continue }
            let code = standards[row.standardID]?.code ?? row.standardID
            result.append(Finding(
                code: self.code, severity: .error, elementKind: "carta-dei-servizi", elementCode: code,
                provenance: row.provenance,
                message: "Il risultato stampato \(CheckText.number(printed)) non corrisponde ai casi: \(within) "
                    + "entro lo standard su \(total) è \(CheckText.amount(exact))%. "
                    + "Correggere il risultato o i conteggi."))
        }
        return result
    }
}
