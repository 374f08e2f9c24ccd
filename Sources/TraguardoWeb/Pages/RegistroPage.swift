import Foundation
import TraguardoCore

/// The audit log (*registro modifiche*): who changed what and when, with the record before and after,
/// newest first, and a filter form (author, kind of record, date range) whose errors appear beside the
/// fields.
public struct RegistroPage: WebPage {
    public static let templateName = "registro"
    public var title: String
    public var action: String
    public var actor: FilterField
    public var from: FilterField
    public var to: FilterField
    public var kindName: String
    public var kinds: [KindOption]
    public var rows: [Row]
    public var hasRows: Bool
    public var summary: String
    /// The security log's page, for who may read it.
    public var accessiHref: String?

    /// One change, as the server reads it from the store.
    public struct Entry: Sendable {
        public var at: Date
        public var actor: String
        /// `inserimento`, `modifica`, `eliminazione`.
        public var action: String
        /// What a person calls the kind of record (`Indicatori`).
        public var kindLabel: String
        /// `lucca 2013`, when the record belongs to an Ente-year.
        public var scope: String?
        public var recordID: String
        public var before: String?
        public var after: String?

        public init(
            at: Date, actor: String, action: String, kindLabel: String, scope: String? = nil, recordID: String,
            before: String? = nil, after: String? = nil
        ) {
            self.at = at
            self.actor = actor
            self.action = action
            self.kindLabel = kindLabel
            self.scope = scope
            self.recordID = recordID
            self.before = before
            self.after = after
        }
    }

    public struct Row: Sendable {
        public var at: String
        public var actor: String
        public var action: String
        public var kindLabel: String
        public var scope: String
        public var recordID: String
        public var before: String
        public var after: String
        public var hasChange: Bool
    }

    public struct FilterField: Sendable {
        public var id: String
        public var name: String
        public var label: String
        public var value: String
        public var error: String?
        public var errorID: String
        public var describedBy: String?
        public var invalid: Bool
        public var help: String?
        public var helpID: String
    }

    public struct KindOption: Sendable {
        public var value: String
        public var label: String
        public var selected: Bool
    }

    /// - Parameters:
    ///   - kinds: the kinds of record to choose from: value (the store's table name) and label.
    ///   - filter: what the filter form holds (as typed), and its errors (`RegistroFilter.read`).
    ///   - accessiHref: the link to the security log (`WebRoutes.accessi`), when the user may read it.
    public static func make(
        entries: [Entry], kinds: [(value: String, label: String)], filter: RegistroFilter, accessiHref: String? = nil
    ) -> RegistroPage {
        func field(_ name: String, _ label: String, _ value: String, error: String?, help: String? = nil) -> FilterField {
            let id = "filtro-\(name)"
            let described = [help.map { _ in "\(id)-aiuto" }, error.map { _ in "\(id)-errore" }].compactMap { $0 }
            return FilterField(id: id, name: name, label: label, value: value, error: error, errorID: "\(id)-errore",
                               describedBy: described.isEmpty ? nil : described.joined(separator: " "), invalid: error != nil,
                               help: help, helpID: "\(id)-aiuto")
        }
        typealias F = FormFields.Registro
        let rows = entries.sorted { $0.at > $1.at }.map { e in
            Row(at: Self.timestamp(e.at), actor: e.actor, action: e.action, kindLabel: e.kindLabel, scope: e.scope ?? "",
                recordID: e.recordID, before: e.before ?? "–", after: e.after ?? "–", hasChange: e.before != nil || e.after != nil)
        }
        let options = [KindOption(value: "", label: "Tutti", selected: filter.kind.isEmpty)]
            + kinds.map { KindOption(value: $0.value, label: $0.label, selected: $0.value == filter.kind) }
        return RegistroPage(
            title: "Registro modifiche", action: WebRoutes.registro,
            actor: field(F.actor, "Autore", filter.actor, error: nil),
            from: field(F.from, "Dal giorno", filter.fromText, error: filter.fromError, help: "Per esempio 01/01/2013."),
            to: field(F.to, "Al giorno", filter.toText, error: filter.toError, help: "Compreso."),
            kindName: F.kind, kinds: options, rows: rows, hasRows: !rows.isEmpty,
            summary: rows.isEmpty ? "Nessuna modifica con questi filtri." : "\(rows.count) modifiche, dalla più recente.",
            accessiHref: accessiHref)
    }

    /// `03/12/2026 15:04` in Italian time.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Rome") ?? TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(two(c.day))/\(two(c.month))/\(c.year ?? 0) \(two(c.hour)):\(two(c.minute))"
    }
}

/// The audit log filter as posted: the texts typed, the dates read with `ItalianValue` (Italian errors
/// otherwise), and whether an entry passes.
public struct RegistroFilter: Sendable {
    public var actor: String
    public var kind: String
    public var fromText: String
    public var toText: String
    public var from: CivilDate?
    public var to: CivilDate?
    public var fromError: String?
    public var toError: String?

    public static let empty = RegistroFilter(actor: "", kind: "", fromText: "", toText: "")

    init(actor: String, kind: String, fromText: String, toText: String) {
        self.actor = actor
        self.kind = kind
        self.fromText = fromText
        self.toText = toText
    }

    public var isValid: Bool { fromError == nil && toError == nil }

    /// Reads the posted fields (`FormFields.Registro`).
    public static func read(_ fields: [String: String]) -> RegistroFilter {
        typealias F = FormFields.Registro
        var filter = RegistroFilter(
            actor: fields[F.actor]?.trimmed ?? "", kind: fields[F.kind]?.trimmed ?? "",
            fromText: fields[F.from]?.trimmed ?? "", toText: fields[F.to]?.trimmed ?? "")
        func date(_ text: String) -> (CivilDate?, String?) {
            guard !text.isEmpty else { return (nil, nil) }
            do {
                if case .date(let d) = try ItalianValue.parse(text) { return (d, nil) }
                return (nil, "«\(text)» non è una data: scrivila come 31/12/2013.")
            } catch { return (nil, "«\(text)» non è una data: scrivila come 31/12/2013.") }
        }
        (filter.from, filter.fromError) = date(filter.fromText)
        (filter.to, filter.toError) = date(filter.toText)
        if let from = filter.from, let to = filter.to, to < from {
            filter.toError = "La data finale viene prima di quella iniziale."
        }
        return filter
    }

    /// Whether a change at `date` by `actor` on `kind` passes the filter (dates in Italian time, inclusive).
    public func matches(actor entryActor: String, kind entryKind: String, at date: Date) -> Bool {
        if !actor.isEmpty && !entryActor.localizedCaseInsensitiveContains(actor) { return false }
        if !kind.isEmpty && entryKind != kind { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Rome") ?? TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        let day = CivilDate(year: c.year ?? 0, month: c.month ?? 1, day: c.day ?? 1)
        if let from, day < from { return false }
        if let to, day > to { return false }
        return true
    }
}
