import Foundation

/// A percentage agrees with the counts it is made of: a measurement with numerator and denominator,
/// a Carta dei servizi row with cases within the standard (56 of 78 cannot be 96%), a procedure
/// result that prints its counts («96% 774 fatture pagate – n. 74 pagate in ritardo»: 90,44%).
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
        let procedures = Dictionary(plan.procedures.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        for row in plan.procedureResults {
            guard let text = row.text, let printed = row.declared?.score ?? row.score,
                  let counts = Self.lateCounts(in: text), counts.total > 0, counts.late <= counts.total else { continue }
            let exact = (counts.total - counts.late) / counts.total * 100
            guard !Self.agrees(printed: printed, exact: exact) else { continue }
            result.append(Finding(
                code: self.code, severity: .error, elementKind: "procedimento",
                elementCode: procedures[row.procedureID] ?? row.procedureID, provenance: row.provenance,
                message: "Il risultato \(CheckText.number(printed))% non corrisponde ai conteggi del testo «\(text)»: "
                    + "\(CheckText.number(counts.total - counts.late)) nei termini su \(CheckText.number(counts.total)) è "
                    + "\(CheckText.amount(exact))%. Correggere il risultato o uno dei due conteggi."))
        }
        return result
    }

    /// The counts a result text prints: "774 fatture pagate – n. 74 pagate in ritardo" → (774, 74).
    static func lateCounts(in text: String) -> (total: Decimal, late: Decimal)? {
        let pattern = /([0-9][0-9.]*)\s+[^0-9%]*?[–-]\s*(?:n\.\s*)?([0-9][0-9.]*)\s+[^0-9]*?(?:in ritardo|oltre i termini|fuori termine)/
        guard let match = text.firstMatch(of: pattern),
              let total = Decimal(string: match.1.replacingOccurrences(of: ".", with: "")),
              let late = Decimal(string: match.2.replacingOccurrences(of: ".", with: "")) else { return nil }
        return (total, late)
    }
}
