/// One change to the plan of an Ente-year, as the editor's web form and the API send it: which kind of element,
/// what to do with it, which one (for a change, a move or a removal) and its fields, by the same keys the plan
/// file uses (`codice`, `titolo`, `responsabile_unita`, `peso`, `baseline.valore` …) with the values as a person
/// writes them (`1.418.965,00`, `31/12/2018`). `PlanEditor.apply` reads it with the plan file's rules.
public struct PlanEdit: Hashable, Sendable, Codable {
    public enum Element: String, Sendable, Codable, CaseIterable {
        case node = "nodo"
        case indicator = "indicatore"
        case target = "target"
        case item = "item"
        case resource = "risorsa"
        case unit = "unita"
        case person = "persona"
        case act = "atto"
        case objective = "obiettivo"
        case link = "collegamento"
        case account = "conto"
        case serviceStandard = "carta"
        case procedure = "procedimento"
        case role = "ruolo"
        /// A table printed inside a result's narrative (`NarrativeTable`).
        case narrativeTable = "tabella_narrativa"
        /// A count with its baseline inside a result's narrative (`SubIndicator`).
        case subIndicator = "sotto_indicatore"

        /// `il nodo`, `l'indicatore` …: how a sentence names one.
        public var label: String {
            switch self {
            case .node: "nodo dell'albero"
            case .indicator: "indicatore"
            case .target: "target"
            case .item: "item"
            case .resource: "risorsa"
            case .unit: "unità"
            case .person: "persona"
            case .act: "atto"
            case .objective: "obiettivo"
            case .link: "collegamento"
            case .account: "riga di conto"
            case .serviceStandard: "riga della Carta dei servizi"
            case .procedure: "procedimento monitorato"
            case .role: "ruolo"
            case .narrativeTable: "tabella della narrativa"
            case .subIndicator: "sotto-indicatore"
            }
        }
    }

    public enum Operation: String, Sendable, Codable, CaseIterable {
        case create = "crea"
        case update = "modifica"
        /// To another parent: only the field naming the parent (`padre`, `nodo`, `obiettivo`).
        case move = "sposta"
        case remove = "elimina"
    }

    public var element: Element
    public var operation: Operation
    /// The element changed, moved or removed (its id); nil for a new one.
    public var id: String?
    /// By plan-file key. For a change, a key not sent leaves the field as it is; an empty value clears it.
    public var fields: [String: String]

    public init(_ element: Element, _ operation: Operation, id: String? = nil, fields: [String: String] = [:]) {
        self.element = element
        self.operation = operation
        self.id = id
        self.fields = fields
    }

    /// Limits decided before any work: how many fields, how long a value or an id.
    public static let maximumFields = 40
    public static let maximumValueLength = 4_000
    public static let maximumIDLength = 300

    /// Fields refused before any is read: too many, too long, or with control characters (a text of the plan is
    /// printed in documents and stored as text: a NUL byte or an escape has no place in it).
    public static func problems(in fields: [String: String]) -> [PlanEditError] {
        if fields.count > maximumFields {
            return [PlanEditError(field: "", message: "\(fields.count) campi: al massimo \(maximumFields) per modifica")]
        }
        return fields.keys.sorted().compactMap { key in
            let value = fields[key]!
            if key.count > 100 || value.count > maximumValueLength {
                return PlanEditError(field: key, message: "testo troppo lungo: al massimo \(maximumValueLength) caratteri")
            }
            if (key + value).unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !["\n", "\r", "\t"].contains($0) }) {
                return PlanEditError(field: key, message: "il testo contiene caratteri di controllo (invisibili): riscriverlo senza")
            }
            return nil
        }
    }
}

/// One thing wrong with an edit: the field (plan-file key, `""` for the edit as a whole) and the Italian sentence
/// naming the value found and what is expected.
public struct PlanEditError: Error, Hashable, Sendable, Codable {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// Every mistake of an edit: nothing is changed when there is any.
public struct PlanEditErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [PlanEditError]

    public init(_ errors: [PlanEditError]) { self.errors = errors }

    /// By field, the first message of each (what a form shows beside the field).
    public var byField: [String: String] {
        var result: [String: String] = [:]
        for error in errors where result[error.field] == nil { result[error.field] = error.message }
        return result
    }

    public var description: String {
        errors.map { $0.field.isEmpty ? $0.message : "\($0.field): \($0.message)" }.joined(separator: "; ")
    }
}

/// What an applied edit gives: the whole new plan (to save with `Store.savePlan`), the element's id (nil after a
/// removal) and a sentence saying what was done.
public struct PlanEditOutcome: Sendable {
    public var plan: CyclePlan
    public var elementID: String?
    public var summary: String
}
