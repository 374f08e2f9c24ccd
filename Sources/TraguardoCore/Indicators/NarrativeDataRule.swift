import Foundation

/// The rules of the tables and sub-indicators of a narrative (`NarrativeTable`, `SubIndicator`) that the plan file
/// reader and the plan editor share: a table has columns and each row (and the printed total, when there is one)
/// one value per column; each record belongs to one indicator or one procedure; a sub-indicator has a value.
public enum NarrativeDataRule {
    public static let missingColumns = "mancano le colonne della tabella («colonne: [Attività, Partecipanti]»)"
    public static let missingValue = "manca il valore del sotto-indicatore"
    public static let oneOwner =
        "indicare l'indicatore («indicatore: 2E/T3») o il procedimento («procedimento: \"6\"») a cui appartiene, uno solo"

    /// Nil when the row has one value per column.
    public static func rowWidth(label: String, values: Int, columns: Int) -> String? {
        values == columns ? nil : "la riga «\(label)» ha \(values) valori per \(columns) colonne"
    }

    /// Nil when there is no printed total or it has one value per column.
    public static func totalWidth(values: Int, columns: Int) -> String? {
        values == 0 || values == columns ? nil : "il totale stampato ha \(values) valori per \(columns) colonne"
    }

    /// Nil when exactly one of the two owners is given.
    public static func ownerProblem(indicator: String?, procedure: String?) -> String? {
        (indicator == nil) == (procedure == nil) ? oneOwner : nil
    }
}
