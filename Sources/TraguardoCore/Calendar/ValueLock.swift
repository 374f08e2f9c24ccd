/// Validated values are locked: a measurement of an item whose office's values for the period are `validato`
/// cannot be changed (the web form, the API, the sheets, the command line) until the controllo di gestione
/// reopens them with a reason. The one rule every writer asks, through the store.
public struct ValueLock: Sendable {
    /// The office of each item (`CyclePlan.responsibleUnits()`).
    let offices: [String: String]
    /// `unitID|periodCode` of the validated submissions.
    let locked: Set<String>
    let unitNames: [String: String]
    /// Period code by id or code.
    let periodCodes: [String: String]

    public init(plan: CyclePlan, validated: [OfficeSubmission]) {
        offices = plan.responsibleUnits()
        locked = Set(validated.filter { $0.state.locksValues }.map { "\($0.unitID)|\($0.periodCode)" })
        unitNames = Dictionary(plan.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var codes: [String: String] = [:]
        for period in plan.periods {
            codes[period.id] = period.code
            codes[period.code] = period.code
        }
        periodCodes = codes
    }

    /// Why the measurement of `itemID` in the period `periodID` (id or code) may not change; nil when it may.
    public func problem(itemID: String, periodID: String) -> String? {
        guard !locked.isEmpty, let unit = offices[itemID] else { return nil }
        let code = periodCodes[periodID] ?? periodID
        guard locked.contains("\(unit)|\(code)") else { return nil }
        return "i valori di «\(unitNames[unit] ?? unit)» per il periodo \(code) sono validati dall'OIV e non si possono "
            + "cambiare (item «\(itemID)»); per correggerli il controllo di gestione deve prima riaprirli indicando il motivo"
    }
}
