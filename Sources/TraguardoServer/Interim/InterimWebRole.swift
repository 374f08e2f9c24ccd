// TEMPORARY: the role enum belongs to TraguardoWeb (`WebRole`, branch `webpages`). This copy lets the server
// build until that branch is merged; it is deleted at the merge.

/// The roles of the web application.
public enum WebRole: String, Sendable, CaseIterable, Codable {
    case amministratore
    case controlloDiGestione = "controllo-di-gestione"
    case dirigente
    case responsabileUfficio = "responsabile-ufficio"
    case oiv
    case lettore

    public var label: String {
        switch self {
        case .amministratore: "Amministratore"
        case .controlloDiGestione: "Controllo di gestione"
        case .dirigente: "Dirigente"
        case .responsabileUfficio: "Responsabile d'ufficio"
        case .oiv: "OIV"
        case .lettore: "Lettore"
        }
    }
}
