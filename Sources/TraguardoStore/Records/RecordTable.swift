/// A table that holds one kind of record of an Ente-year.
///
/// Every such table has the same shape: the cycle (`entity_code`, `year`), the record's `id`, one
/// column per reference to another record (so the database enforces the links), and `data`, the
/// whole record as JSON. The JSON is the record; the other columns are derived from it on write. The exception is
/// `measurements` (schema step 19): one typed column per field (`MeasurementColumns`), since an import writes
/// a million of them and `score` reads them all.
public struct RecordTable: Hashable, Sendable {
    /// A column that names another record of the same Ente-year.
    public struct Reference: Hashable, Sendable {
        public var column: String
        public var table: String
    }

    public var name: String
    /// What a person calls these records, in Italian ("indicatori").
    public var label: String
    public var references: [Reference]

    init(_ name: String, _ label: String, references: [(String, String)] = []) {
        self.name = name
        self.label = label
        self.references = references.map { Reference(column: $0.0, table: $0.1) }
    }

    /// Whether the records are kept in typed columns rather than as JSON (`measurements` from schema step 19, see
    /// `MeasurementColumns`).
    var inColumns: Bool { name == "measurements" && !MeasurementStorage.asJSON }

    /// The Italian name of a table, for messages.
    static func label(of table: String) -> String {
        if let known = StoredRecords.tables.first(where: { $0.name == table }) { return known.label }
        switch table {
        case "entities": return "enti"
        case "cycles": return "cicli"
        case "methodology_versions": return "versioni della metodologia"
        case "score_results": return "punteggi registrati"
        case "check_acknowledgements": return "rilievi riconosciuti"
        case "plan_versions": return "versioni del piano"
        case "plan_proposals": return "proposte di modifica del piano"
        case "users": return "utenti"
        case "sessions": return "sessioni"
        case "login_failures": return "accessi non riusciti"
        case "api_tokens": return "token delle API"
        case "comments": return "commenti"
        case "validations": return "validazioni"
        case "period_snapshots": return "istantanee dei periodi chiusi"
        case "oiv_samples": return "campioni dell'OIV"
        case "office_submissions": return "invii degli uffici"
        default: return table
        }
    }
}

/// The Ente-year a record belongs to.
public struct CycleScope: Hashable, Sendable, CustomStringConvertible {
    public var entityCode: String
    public var year: Int

    public init(entityCode: String, year: Int) {
        self.entityCode = entityCode
        self.year = year
    }

    public var description: String { "\(entityCode) \(year)" }
}
