import Foundation

/// A result is written in the indicator's unit: an indicator measured in «valore assoluto» whose
/// result is «100%», or one in «percentuale» whose result is an amount in €, mixes two measures
/// (Lucca 2017, blocks 011-005-005/1 and 032-003-002/4).
public struct ResultUnitCheck: PlanCheck {
    public let code = "UNITA-RISULTATO"
    public let title = "Unità del risultato diversa da quella dell'indicatore"

    public init() {}

    enum Measure: String {
        case count = "un numero"
        case percentage = "una percentuale"
        case money = "un importo in euro"
    }

    /// The measure a unit of measurement names, when it is clear.
    static func measure(ofUnit unit: String) -> Measure? {
        let text = unit.lowercased().trimmingCharacters(in: .whitespaces)
        if ["valore assoluto", "numero", "n.", "n", "nr", "nr."].contains(text) { return .count }
        if text == "%" || text == "percentuale" { return .percentage }
        if text == "€" || text == "euro" { return .money }
        return nil
    }

    /// The measure a printed result is written in: "100%", "-6,06% rispetto al 2016" → percentage,
    /// "€ 255.000" → money; nil when the text does not start with its figure.
    static func measure(ofResult text: String) -> Measure? {
        if text.contains("€") || text.lowercased().contains("euro") { return .money }
        if text.prefixMatch(of: /\s*[-+]?\s*[0-9][0-9.,]*\s*%/) != nil { return .percentage }
        return nil
    }

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        let lookup = PlanLookup(plan)
        let itemsByID = Dictionary(plan.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var reported: Set<String> = []
        var result: [Finding] = []
        for measurement in plan.measurements {
            guard let text = measurement.text, let item = itemsByID[measurement.itemID],
                  let indicator = lookup.indicatorsByID[item.indicatorID],
                  let unit = indicator.unit, let expected = Self.measure(ofUnit: unit),
                  let found = Self.measure(ofResult: text), found != expected,
                  // A count shown as an amount of money is still a number of euro.
                  !(expected == .count && found == .money) else { continue }
            let code = lookup.indicatorCode(indicator)
            guard reported.insert(code).inserted else { continue }
            result.append(Finding(
                code: self.code, severity: .warning, elementKind: "indicatore", elementCode: code,
                provenance: measurement.provenance ?? indicator.provenance,
                message: "L'indicatore \(code) si misura in «\(unit)» (\(expected.rawValue)) ma il risultato è «\(text.prefix(80))» "
                    + "(\(found.rawValue)). Scrivere il risultato nell'unità dell'indicatore, o correggere l'unità di misura."))
        }
        return result
    }
}
