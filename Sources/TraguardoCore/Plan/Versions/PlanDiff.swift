import Foundation

/// One element added, removed or changed between two versions of an Ente-year's plan (or between two years of
/// the same Ente, where the elements keep their codes from year to year: a multi-year objective).
public struct PlanChange: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case added = "aggiunto"
        case removed = "eliminato"
        case changed = "modificato"
    }

    /// A field of the element: its Italian name, the value before and after («—» when there was none).
    public struct Field: Hashable, Sendable, Codable {
        public var name: String
        public var before: String
        public var after: String
    }

    public var kind: Kind
    /// «indicatore», «nodo dell'albero», «target» …
    public var elementKind: String
    public var elementID: String
    /// «2C Sostenere la competitività…», for a person to recognise the element.
    public var label: String
    /// The node of the tree the element belongs to, when it has one.
    public var nodeID: String?
    public var fields: [Field]
    /// A change to the plan proper (tree, objectives, indicators, targets, items, budget, Carta, procedures): after
    /// approval it needs an act. Changes to the organisation (units, persons, roles) do not.
    public var isPlanVariation: Bool

    /// «Indicatore 2C1 Tempo medio: valore da 10 a 12; peso da 1 a 2».
    public var summary: String {
        let head = "\(elementKind.prefix(1).uppercased())\(elementKind.dropFirst()) \(label)"
        switch kind {
        case .added: return "\(head): aggiunto"
        case .removed: return "\(head): eliminato"
        case .changed:
            return "\(head): " + fields.map { "\($0.name) da «\($0.before)» a «\($0.after)»" }.joined(separator: "; ")
        }
    }
}

/// What changed between two plans, element by element, in the plans' order. Pure: the CLI (`traguardo diff`), the
/// web page «Confronto tra versioni», the element's history and the variations recorded on approved plans all
/// come from here.
public enum PlanDiff {
    public static func changes(from old: CyclePlan, to new: CyclePlan) -> [PlanChange] {
        var result: [PlanChange] = []
        func add<R: Encodable & Identifiable>(_ kind: String, _ a: [R], _ b: [R], plan: Bool = true, keepYear: Bool = false)
        where R.ID == String {
            result += compare(kind, a, b, isPlanVariation: plan, keepYear: keepYear, old: old, new: new)
        }
        add("unità organizzativa", old.units, new.units, plan: false)
        add("persona", old.people, new.people, plan: false)
        add("incarico", old.roles, new.roles, plan: false)
        add("livello dell'albero", old.levels, new.levels)
        add("nodo dell'albero", old.nodes, new.nodes)
        add("obiettivo", old.objectives, new.objectives)
        add("collegamento di obiettivo", old.objectiveLinks, new.objectiveLinks)
        add("indicatore", old.indicators, new.indicators)
        add("target", old.targets, new.targets, keepYear: true)
        add("item", old.items, new.items)
        add("risorsa", old.resources, new.resources, keepYear: true)
        add("riga di conto", old.accountLines, new.accountLines)
        add("standard della Carta dei servizi", old.serviceStandards, new.serviceStandards)
        add("procedimento monitorato", old.procedures, new.procedures)
        return result
    }

    /// The changes that, on an approved plan, are a variation and need an act.
    public static func variations(from old: CyclePlan, to new: CyclePlan) -> [PlanChange] {
        changes(from: old, to: new).filter(\.isPlanVariation)
    }

    /// Keys that say where a record is stored, not what it is.
    static let bookkeeping: Set<String> = ["entityCode", "year", "provenance"]

    private static func compare<R: Encodable & Identifiable>(
        _ kind: String, _ a: [R], _ b: [R], isPlanVariation: Bool, keepYear: Bool, old: CyclePlan, new: CyclePlan
    ) -> [PlanChange] where R.ID == String {
        let ignored = keepYear ? bookkeeping.subtracting(["year"]) : bookkeeping
        let before = Dictionary(a.map { ($0.id, fields(of: $0, ignoring: ignored)) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(b.map { ($0.id, fields(of: $0, ignoring: ignored)) }, uniquingKeysWith: { first, _ in first })
        var changes: [PlanChange] = []
        func change(_ k: PlanChange.Kind, _ id: String, _ values: [String: PlanFieldValue], _ plan: CyclePlan, _ fields: [PlanChange.Field]) {
            changes.append(PlanChange(
                kind: k, elementKind: kind, elementID: id, label: label(id, values), nodeID: node(of: values, id: id, kind: kind, in: plan),
                fields: fields, isPlanVariation: isPlanVariation))
        }
        for record in a where after[record.id] == nil {
            change(.removed, record.id, before[record.id] ?? [:], old, [])
        }
        for record in b {
            let now = after[record.id] ?? [:]
            guard let was = before[record.id] else {
                change(.added, record.id, now, new, [])
                continue
            }
            var fields: [PlanChange.Field] = []
            for key in Set(was.keys).union(now.keys).sorted(by: { order($0) < order($1) }) {
                let x = text(was[key]), y = text(now[key])
                if x != y { fields.append(.init(name: fieldName(key), before: x, after: y)) }
            }
            if !fields.isEmpty { change(.changed, record.id, now, new, fields) }
        }
        return changes
    }

    private static func fields<R: Encodable>(of record: R, ignoring: Set<String>) -> [String: PlanFieldValue] {
        guard let data = try? JSONEncoder().encode(record),
            case .object(let object)? = try? JSONDecoder().decode(PlanFieldValue.self, from: data)
        else { return [:] }
        return object.filter { !ignoring.contains($0.key) }
    }

    private static func label(_ id: String, _ values: [String: PlanFieldValue]) -> String {
        let code = values["code"]?.string ?? id
        let title = (values["title"] ?? values["name"] ?? values["description"] ?? values["label"])?.string
        guard let title, !title.isEmpty else { return code }
        let line = title.split(whereSeparator: \.isNewline).first.map(String.init) ?? title
        return "\(code) «\(line.count > 80 ? String(line.prefix(79)) + "…" : line)»"
    }

    private static func node(of values: [String: PlanFieldValue], id: String, kind: String, in plan: CyclePlan) -> String? {
        if kind == "nodo dell'albero" { return id }
        if let node = values["nodeID"]?.string { return node }
        if let indicatorID = values["indicatorID"]?.string {
            return plan.indicators.first { $0.id == indicatorID }?.nodeID
        }
        return nil
    }

    static func text(_ value: PlanFieldValue?) -> String { value?.text ?? "—" }

    /// The Italian name of a field of a plan element.
    public static func fieldName(_ key: String) -> String { fieldNames[key] ?? key }

    private static func order(_ key: String) -> Int { fieldOrder.firstIndex(of: key) ?? fieldOrder.count }

    private static let fieldOrder = ["code", "title", "name", "description", "kind", "parentID", "nodeID", "indicatorID", "value"]

    private static let fieldNames: [String: String] = [
        "code": "codice", "title": "titolo", "name": "nome", "description": "descrizione", "kind": "tipo", "parentID": "padre",
        "nodeID": "nodo", "indicatorID": "indicatore", "objectiveID": "obiettivo", "linkedObjectiveID": "obiettivo collegato",
        "ownerUnitID": "unità responsabile", "ownerPersonID": "persona responsabile", "responsibleUnitID": "ufficio responsabile",
        "managerPersonID": "responsabile", "unitID": "unità", "personID": "persona", "role": "ruolo", "status": "stato",
        "weight": "peso", "sortOrder": "ordine", "value": "valore", "secondValue": "secondo valore", "comparator": "comparatore",
        "polarity": "polarità", "unit": "unità di misura", "type": "tipo di indicatore", "rule": "regola di punteggio",
        "formula": "formula", "numerator": "numeratore", "denominator": "denominatore", "source": "fonte dei dati",
        "frequency": "frequenza", "baselineValue": "valore di partenza", "baselineYear": "anno di partenza",
        "baselineText": "partenza (testo)", "deadline": "scadenza", "text": "testo", "targetValue": "target",
        "targetDeadline": "scadenza del target", "targetText": "target (testo)", "missionCode": "missione",
        "programmeCode": "programma", "perspective": "prospettiva", "timeSpan": "arco temporale", "amount": "importo",
        "applicable": "applicabile", "periodCode": "periodo", "assignedByActID": "atto di assegnazione", "year": "anno",
        "phase": "fase", "note": "nota", "declared": "risultato dichiarato", "derivedFrom": "derivato da", "depth": "livello",
        "label": "etichetta", "acting": "facente funzione", "fromYear": "dall'anno", "toYear": "all'anno", "email": "posta elettronica",
    ]
}

/// A field of a plan element as its JSON holds it, compared and shown as text.
enum PlanFieldValue: Decodable, Sendable {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case array([PlanFieldValue])
    case object([String: PlanFieldValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Decimal.self) {
            self = .number(value)
        } else if let value = try? container.decode([PlanFieldValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: PlanFieldValue].self))
        }
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// «—» for none, «sì»/«no», decimals with a comma, lists and objects compact with sorted keys.
    var text: String {
        switch self {
        case .null: "—"
        case .bool(let value): value ? "sì" : "no"
        case .number(let value): "\(value)".replacingOccurrences(of: ".", with: ",")
        case .string(let value): value
        case .array(let values): "[" + values.map(\.text).joined(separator: ", ") + "]"
        case .object(let values): "{" + values.keys.sorted().map { "\($0): \(values[$0]!.text)" }.joined(separator: ", ") + "}"
        }
    }
}
