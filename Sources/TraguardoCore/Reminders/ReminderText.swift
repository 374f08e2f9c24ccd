/// The Italian subject and text of a digest: for each period its deadline, and under it each office's missing
/// items; the escalations say how many days late.
public enum ReminderText {
    public static func subject(_ digest: ReminderPlanner.Digest, entityName: String) -> String {
        let earliest = digest.entries.map(\.deadline).min()
        let escalation = digest.entries.contains { $0.rule.audience != .office }
        let count = digest.entries.reduce(0) { $0 + $1.items.count }
        let what = count == 0 ? "valori da inviare" : count == 1 ? "1 rilevazione" : "\(count) rilevazioni"
        if escalation {
            return "\(entityName): \(what) in ritardo dopo la scadenza"
        }
        return "Promemoria \(entityName): \(what) entro il \(earliest?.italian ?? "")"
    }

    public static func body(_ digest: ReminderPlanner.Digest, entityName: String, today: CivilDate, address: String?) -> String {
        var lines = ["Gentile \(digest.recipient.name),", ""]
        let escalation = digest.entries.contains { $0.rule.audience != .office }
        lines.append(escalation
            ? "queste rilevazioni di \(entityName) non sono ancora state inserite, e la scadenza è passata:"
            : "queste rilevazioni di \(entityName) sono ancora da inserire:")
        let byPeriod = Dictionary(grouping: digest.entries, by: \.periodID)
        for periodID in digest.entries.map(\.periodID).reduce(into: [String](), { if !$0.contains($1) { $0.append($1) } }) {
            let entries = byPeriod[periodID]!
            let first = entries[0]
            let days = today.dayNumber - first.deadline.dayNumber
            let when = switch days {
            case ..<0: "scadenza \(first.deadline.italian), fra \(-days) \(days == -1 ? "giorno" : "giorni")"
            case 0: "scadenza oggi, \(first.deadline.italian)"
            default: "scadenza \(first.deadline.italian), passata da \(days) \(days == 1 ? "giorno" : "giorni")"
            }
            lines.append("")
            lines.append("\(first.periodName) (\(first.periodCode)) — \(when)")
            for entry in entries {
                lines.append("  Ufficio: \(entry.unitName)")
                for item in entry.items { lines.append("  - \(item.code) \(item.title)") }
                if entry.onlySubmissionMissing { lines.append("  - tutti i valori sono inseriti: manca l'invio al controllo di gestione") }
            }
        }
        lines.append("")
        if let address { lines.append("Le rilevazioni si inseriscono in Traguardo: \(address)") }
        lines.append("Questo messaggio è inviato automaticamente da Traguardo; non rispondere.")
        return lines.joined(separator: "\n")
    }
}
