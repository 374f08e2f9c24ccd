import Foundation

/// A new Ente-year made in the editor, from an empty database too: the Ente's code and name (the name only for a
/// new Ente), the year and its monitoring periods (`periodi`, the plan file's short forms). Read with the plan
/// file's rules; refused when the Ente already has that year.
public enum NewCycle {
    public static let fieldKeys = ["codice", "nome", "anno", "periodi"]

    /// The empty plan, or every mistake beside its field.
    public static func make(
        _ values: [String: String], entities: [Entity], years: Set<String>
    ) -> Result<CyclePlan, PlanEditErrors> {
        let refused = PlanEdit.problems(in: values)
        if !refused.isEmpty { return .failure(PlanEditErrors(refused)) }
        var fields = PlanEditFields(values)
        var code = ""
        fields.required("codice", what: "il codice dell'Ente", into: &code)
        if !code.isEmpty, code.count > 40 || !code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
            fields.error("codice", "codice «\(code.prefix(50))» non valido: atteso un codice breve di lettere, cifre e trattini (per esempio lucca)")
        }
        let known = entities.first { $0.code == code }
        var name = known?.name ?? ""
        fields.required("nome", what: "il nome dell'Ente", into: &name)
        var year: Int?
        fields.integer("anno", into: &year)
        if let chosen = year, !(1990...2200).contains(chosen) {
            fields.error("anno", "anno \(chosen) fuori dall'intervallo atteso, da 1990 a 2200")
        } else if year == nil, !fields.errors.contains(where: { $0.field == "anno" }) {
            fields.error("anno", PlanValueRule.missing("l'anno del ciclo", key: "anno"))
        } else if let chosen = year, years.contains("\(code)/\(chosen)") {
            fields.error("anno", "l'Ente «\(code)» ha già il ciclo \(chosen): sceglierlo dall'elenco o indicare un altro anno")
        }
        var scheme: PeriodScheme? = .yearEndOnly
        fields.choice("periodi", into: &scheme)
        fields.finish()
        guard fields.errors.isEmpty, let year else { return .failure(PlanEditErrors(fields.errors)) }
        var entity = known ?? Entity(code: code, name: name)
        entity.name = name
        var plan = CyclePlan(entity: entity, cycle: Cycle(entityCode: code, year: year))
        plan.periods = MonitoringPeriod.standard(scheme ?? .yearEndOnly, entityCode: code, year: year)
        return .success(plan)
    }
}
