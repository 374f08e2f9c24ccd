import Foundation
import TraguardoCore

/// What one row of the registro modifiche changed, field by field, for a person: the record before and after
/// are stored as JSON; this reads both and keeps the fields whose value differs (every field, for an insert
/// or a delete), with Italian names where the field is a common one and values written as a person writes them.
/// Text that is not a JSON object is shown as it is.
public struct AuditChange: Sendable, Hashable {
    /// What a person calls the field (`valore`, `nota`), or the stored name.
    public var field: String
    public var before: String
    public var after: String
    /// Whether there was a value before (not for a field an insert set) and is one after (not for a delete).
    public var hasBefore: Bool
    public var hasAfter: Bool

    public init(field: String, before: String, after: String) {
        self.field = field
        self.before = before
        self.after = after
        self.hasBefore = before != "–"
        self.hasAfter = after != "–"
    }

    /// The longest value shown; a longer one ends in «…».
    static let longest = 300
    /// How deep nested objects are opened (`evidence.name`).
    static let depth = 3

    public static func changes(before: String?, after: String?) -> [AuditChange] {
        let old = before.map(fields(of:)), new = after.map(fields(of:))
        switch (old, new) {
        case (nil, nil):
            return []
        case (.some(.none), _), (_, .some(.none)):
            return [AuditChange(field: "", before: shorten(before ?? "–"), after: shorten(after ?? "–"))]
        default:
            let a = (old ?? [:]) ?? [:], b = (new ?? [:]) ?? [:]
            return Set(a.keys).union(b.keys).sorted().compactMap { key in
                let x = a[key] ?? "–", y = b[key] ?? "–"
                guard x != y else { return nil }
                return AuditChange(field: label(key), before: x, after: y)
            }
        }
    }

    /// The object's fields, flattened (`evidence.name`), each as text; `nil` when the text is not a JSON object.
    static func fields(of text: String) -> [String: String]? {
        guard case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else { return nil }
        var out: [String: String] = [:]
        func walk(_ object: [String: JSONValue], prefix: String, level: Int) {
            for (key, value) in object {
                let name = prefix.isEmpty ? key : "\(prefix).\(key)"
                switch value {
                case .object(let nested) where level < depth: walk(nested, prefix: name, level: level + 1)
                case .null: continue
                // A `Date` stored by `JSONEncoder`'s default: seconds since 1 January 2001.
                case .number(let seconds) where key.hasSuffix("At"):
                    out[name] = ItalianFormatting.dateTime(Date(timeIntervalSinceReferenceDate: NSDecimalNumber(decimal: seconds).doubleValue))
                default: out[name] = shorten(value.written)
                }
            }
        }
        walk(object, prefix: "", level: 1)
        return out
    }

    /// A JSON value, read without `JSONSerialization` (whose numbers and booleans differ by platform).
    enum JSONValue: Decodable {
        case null, bool(Bool), number(Decimal), text(String), list([JSONValue]), object([String: JSONValue])

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let n = try? c.decode(Decimal.self) { self = .number(n) }
            else if let t = try? c.decode(String.self) { self = .text(t) }
            else if let l = try? c.decode([JSONValue].self) { self = .list(l) }
            else { self = .object(try c.decode([String: JSONValue].self)) }
        }

        /// As a person reads it: `sì`/`no`, numbers with the decimal comma, lists joined by «; ».
        var written: String {
            switch self {
            case .null: "–"
            case .bool(let b): b ? "sì" : "no"
            case .number(let n): ItalianFormatting.number(n, grouping: false)
            case .text(let t): t.isEmpty ? "(vuoto)" : t
            case .list(let l): l.isEmpty ? "(nessuno)" : l.map(\.written).joined(separator: "; ")
            case .object(let o): o.keys.sorted().map { "\(AuditChange.label($0)): \(o[$0]!.written)" }.joined(separator: ", ")
            }
        }
    }

    static func shorten(_ text: String) -> String {
        text.count <= longest ? text : String(text.prefix(longest)) + "…"
    }

    /// The Italian name of a common field; the last part of a nested one is translated (`evidence.name` →
    /// `evidence.nome`) so that a person still sees where it sits.
    static func label(_ key: String) -> String {
        var parts = key.split(separator: ".").map(String.init)
        if let last = parts.last, let known = names[last] { parts[parts.count - 1] = known }
        return parts.joined(separator: " › ")
    }

    static let names: [String: String] = [
        "value": "valore", "text": "testo", "note": "nota", "narrative": "descrizione dei risultati",
        "isNotComputable": "non computabile", "notComputableReason": "motivo della non computabilità",
        "justifiedDeviation": "scostamento giustificato", "justificationNote": "motivazione dello scostamento",
        "author": "autore", "date": "data", "recordedAt": "registrato il", "periodID": "periodo", "itemID": "item",
        "evidence": "evidenze", "numerator": "numeratore", "denominator": "denominatore", "score": "punteggio",
        "override": "valore imposto", "reason": "motivo", "approvedBy": "approvato da", "done": "realizzato",
        "code": "codice", "title": "titolo", "name": "nome", "description": "descrizione", "weight": "peso",
        "status": "stato", "kind": "tipo", "parentID": "padre", "ownerUnitID": "unità responsabile",
        "ownerPersonID": "responsabile", "sortOrder": "ordine", "formula": "formula", "unit": "unità di misura",
        "targetText": "target (testo)", "targetValue": "target", "targetDeadline": "scadenza del target",
        "comparator": "confronto", "polarity": "polarità", "source": "fonte", "frequency": "frequenza",
        "baselineValue": "valore di partenza", "baselineText": "valore di partenza (testo)",
        "baselineYear": "anno di partenza", "amount": "importo", "phase": "fase", "label": "voce",
        "nodeID": "nodo", "indicatorID": "indicatore", "objectiveID": "obiettivo", "responsibleUnitID": "unità",
        "year": "anno", "entityCode": "ente", "id": "identificativo", "type": "tipo", "rule": "regola",
        "provenance": "provenienza", "role": "ruolo", "displayName": "nome", "active": "attivo",
        "username": "utente", "comment": "commento", "rows": "righe", "file": "file", "changed": "modificati", "lines": "righe",
    ]
}
