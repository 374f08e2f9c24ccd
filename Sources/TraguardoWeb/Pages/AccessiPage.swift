import Foundation

/// The security log (*registro degli accessi*): logins, failed logins, throttled attempts, logouts and
/// sessions ended, newest first, with who, from which address, when. Apart from the registro modifiche,
/// which holds only changes to the data.
public struct AccessiPage: WebPage {
    public static let templateName = "accessi"
    public var title: String
    public var rows: [Row]
    public var hasRows: Bool
    public var summary: String
    /// How long the log keeps what (`Gli accessi non riusciti restano 24 ore, …`).
    public var retention: String
    public var registroHref: String

    /// One event, as the server reads it from the store.
    public struct Entry: Sendable {
        public var at: Date
        /// `Accesso non riuscito`.
        public var kindLabel: String
        public var username: String
        public var address: String
        public var detail: String?

        public init(at: Date, kindLabel: String, username: String, address: String, detail: String? = nil) {
            self.at = at
            self.kindLabel = kindLabel
            self.username = username
            self.address = address
            self.detail = detail
        }
    }

    public struct Row: Sendable {
        public var at: String
        public var kindLabel: String
        public var username: String
        public var address: String
        public var detail: String
    }

    /// - Parameters:
    ///   - entries: the events, newest first (the store's order).
    ///   - limit: how many the server asked for: when it got as many, the summary says only the latest are shown.
    ///   - failureHours, otherDays: how long failed logins and the other events are kept.
    public static func make(entries: [Entry], limit: Int, failureHours: Int, otherDays: Int) -> AccessiPage {
        let rows = entries.map { e in
            Row(at: RegistroPage.timestamp(e.at), kindLabel: e.kindLabel, username: e.username.isEmpty ? "–" : e.username,
                address: e.address.isEmpty ? "–" : e.address, detail: e.detail ?? "")
        }
        let summary = rows.isEmpty
            ? "Nessun evento registrato."
            : rows.count >= limit ? "Gli ultimi \(rows.count) eventi, dal più recente." : "\(rows.count) eventi, dal più recente."
        return AccessiPage(
            title: "Registro degli accessi", rows: rows, hasRows: !rows.isEmpty, summary: summary,
            retention: "Gli accessi non riusciti restano \(failureHours) ore; gli altri eventi \(otherDays) giorni.",
            registroHref: WebRoutes.registro)
    }
}
