// TEMPORARY: the role enum belongs to TraguardoWeb (`WebRole`, branch `webpages`). This copy lets the server
// build until that branch is merged; it is deleted at the merge.

/// The roles of the web application.
public enum WebRole: String, Sendable, CaseIterable, Codable {
    case administrator = "amministratore"
    case controller = "controllo-di-gestione"
    case manager = "dirigente"
    case officeHead = "responsabile-ufficio"
    case evaluator = "oiv"
    case reader = "lettore"

    public var label: String {
        switch self {
        case .administrator: "Amministratore"
        case .controller: "Controllo di gestione"
        case .manager: "Dirigente"
        case .officeHead: "Responsabile d'ufficio"
        case .evaluator: "OIV"
        case .reader: "Lettore"
        }
    }
}
