import Foundation
import TraguardoCore

/// The audit log (*registro modifiche*): who changed what and when, with the fields that changed (before and
/// after), newest first, one page at a time; a filter form (author, element, kind of record, Ente-year, date
/// range) whose errors appear beside the fields, read by the database over the whole log; the same rows as CSV.
public struct RegistroPage: WebPage {
    public static let templateName = "registro"
    public var title: String
    public var action: String
    public var actor: FilterField
    public var element: FilterField
    public var from: FilterField
    public var to: FilterField
    /// Whether a filter is set (the form then starts open).
    public var filtering: Bool
    public var kindName: String
    public var kinds: [Option]
    public var cycleName: String
    public var cycles: [Option]
    public var rows: [Row]
    public var hasRows: Bool
    public var summary: String
    /// «Pagina 2 di 25», with the links beside it.
    public var pageText: String?
    public var previousHref: String?
    public var nextHref: String?
    /// The filtered log as CSV.
    public var csvHref: String
    /// The security log's page, for who may read it.
    public var accessiHref: String?

    /// Rows per page.
    public static let pageSize = 50

    /// The page shown when `asked` is asked of `total` rows (a page past the last shows the last), and how many
    /// pages there are (at least one): what the store's offset and the page's links both use.
    public static func page(_ asked: Int, of total: Int) -> (page: Int, pages: Int) {
        let pages = max(1, (total + pageSize - 1) / pageSize)
        return (min(max(asked, 1), pages), pages)
    }

    /// The offset of the first row of the page shown.
    public static func offset(_ asked: Int, of total: Int) -> Int {
        (page(asked, of: total).page - 1) * pageSize
    }

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

        /// The fields that changed, for a person.
        public var changes: [AuditChange] { AuditChange.changes(before: before, after: after) }
    }

    public struct Row: Sendable {
        public var at: String
        public var actor: String
        public var action: String
        public var kindLabel: String
        public var scope: String
        public var recordID: String
        public var changes: [AuditChange]
        public var hasChanges: Bool
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

    public struct Option: Sendable {
        public var value: String
        public var label: String
        public var selected: Bool
    }

    /// - Parameters:
    ///   - entries: the rows of this page, newest first.
    ///   - total: how many rows pass the filter in the whole log.
    ///   - kinds: the kinds of record to choose from: value (the store's table name) and label.
    ///   - cycles: the Ente-years to choose from: value (`lucca/2013`) and label.
    ///   - filter: what the filter form holds (as typed), and its errors (`RegistroFilter.read`).
    ///   - accessiHref: the link to the security log (`WebRoutes.accessi`), when the user may read it.
    public static func make(
        entries: [Entry], total: Int, kinds: [(value: String, label: String)], cycles: [(value: String, label: String)],
        filter: RegistroFilter, accessiHref: String? = nil
    ) -> RegistroPage {
        func field(_ name: String, _ label: String, _ value: String, error: String?, help: String? = nil) -> FilterField {
            let id = "filtro-\(name)"
            let described = [help.map { _ in "\(id)-aiuto" }, error.map { _ in "\(id)-errore" }].compactMap { $0 }
            return FilterField(id: id, name: name, label: label, value: value, error: error, errorID: "\(id)-errore",
                               describedBy: described.isEmpty ? nil : described.joined(separator: " "), invalid: error != nil,
                               help: help, helpID: "\(id)-aiuto")
        }
        typealias F = FormFields.Registro
        let rows = entries.map { e in
            let changes = e.changes
            return Row(at: Self.timestamp(e.at), actor: e.actor, action: e.action, kindLabel: e.kindLabel, scope: e.scope ?? "",
                       recordID: e.recordID, changes: changes, hasChanges: !changes.isEmpty)
        }
        let kindOptions = [Option(value: "", label: "Tutti", selected: filter.kind.isEmpty)]
            + kinds.map { Option(value: $0.value, label: $0.label, selected: $0.value == filter.kind) }
        let cycleOptions = [Option(value: "", label: "Tutti", selected: filter.cycle.isEmpty)]
            + cycles.map { Option(value: $0.value, label: $0.label, selected: $0.value == filter.cycle) }
        let (page, pages) = Self.page(filter.page, of: total)
        let summary = switch total {
        case 0: "Nessuna modifica con questi filtri."
        case 1: "1 modifica."
        default: "\(ItalianFormatting.number(Decimal(total))) modifiche, dalla più recente."
        }
        return RegistroPage(
            title: "Registro modifiche", action: WebRoutes.registro,
            actor: field(F.actor, "Autore", filter.actor, error: nil, help: "Il nome utente, per esempio ufficio.pers."),
            element: field(F.element, "Elemento", filter.element, error: nil,
                           help: "Il codice, per esempio SG-2/2/1 (con le sue rilevazioni)."),
            from: field(F.from, "Dal giorno", filter.fromText, error: filter.fromError, help: "Per esempio 01/01/2013."),
            to: field(F.to, "Al giorno", filter.toText, error: filter.toError, help: "Compreso."),
            filtering: filter.isFiltering || !filter.isValid, kindName: F.kind, kinds: kindOptions, cycleName: F.cycle, cycles: cycleOptions,
            rows: rows, hasRows: !rows.isEmpty, summary: summary,
            pageText: pages > 1 ? "Pagina \(page) di \(ItalianFormatting.number(Decimal(pages)))" : nil,
            previousHref: page > 1 ? filter.href(page: page - 1) : nil,
            nextHref: page < pages ? filter.href(page: page + 1) : nil,
            csvHref: filter.href(csv: true),
            accessiHref: accessiHref)
    }

    /// `03/12/2026 15:04` in Italian time.
    static func timestamp(_ date: Date) -> String { ItalianFormatting.dateTime(date) }

    /// The rows as CSV lines (`CSVWriter` takes them): Italian headings, one line per change, the fields that
    /// changed as «campo: prima → dopo», separated by « | ».
    public static let csvHeadings = ["Quando", "Chi", "Operazione", "Dato", "Ente e anno", "Elemento", "Campi modificati"]

    public static func csvLine(_ e: Entry) -> [String] {
        let changes = e.changes.map { c in
            (c.field.isEmpty ? "" : "\(c.field): ") + "\(c.before) → \(c.after)"
        }
        return [timestamp(e.at), e.actor, e.action, e.kindLabel, e.scope ?? "", e.recordID, changes.joined(separator: " | ")]
    }
}

/// The audit log filter as asked (the query of `GET /registro`, or the posted form): the texts typed, the dates
/// read with `ItalianValue` (Italian errors otherwise), the page; and the links that keep it.
public struct RegistroFilter: Sendable {
    public var actor: String
    public var element: String
    public var kind: String
    /// `lucca/2013`, or empty.
    public var cycle: String
    public var fromText: String
    public var toText: String
    public var from: CivilDate?
    public var to: CivilDate?
    public var fromError: String?
    public var toError: String?
    /// From 1.
    public var page: Int

    /// The longest text a filter field keeps (a longer one is cut: it could match nothing anyway).
    static let longest = 200

    public static let empty = RegistroFilter(actor: "", element: "", kind: "", cycle: "", fromText: "", toText: "", page: 1)

    init(actor: String, element: String, kind: String, cycle: String, fromText: String, toText: String, page: Int) {
        self.actor = actor
        self.element = element
        self.kind = kind
        self.cycle = cycle
        self.fromText = fromText
        self.toText = toText
        self.page = page
    }

    public var isValid: Bool { fromError == nil && toError == nil }

    /// Whether any field is filled.
    public var isFiltering: Bool {
        ![actor, element, kind, cycle, fromText, toText].allSatisfy(\.isEmpty)
    }

    /// The Ente and year chosen (`lucca/2013`).
    public var cycleParts: (entityCode: String, year: Int)? {
        let parts = cycle.split(separator: "/")
        guard parts.count == 2, let year = Int(parts[1]) else { return nil }
        return (String(parts[0]), year)
    }

    /// The first instant of the «dal» day and the first instant after the «al» day, in Italian time.
    public var instants: (from: Date?, until: Date?) {
        let calendar = Self.italianCalendar
        func start(_ d: CivilDate) -> Date? { calendar.date(from: DateComponents(year: d.year, month: d.month, day: d.day)) }
        return (from.flatMap(start), to.flatMap(start).flatMap { calendar.date(byAdding: .day, value: 1, to: $0) })
    }

    /// Reads the fields (`FormFields.Registro`), each cut to `longest` characters.
    public static func read(_ fields: [String: String]) -> RegistroFilter {
        typealias F = FormFields.Registro
        func text(_ name: String) -> String { String((fields[name]?.trimmed ?? "").prefix(longest)) }
        var filter = RegistroFilter(
            actor: text(F.actor), element: text(F.element), kind: text(F.kind), cycle: text(F.cycle),
            fromText: text(F.from), toText: text(F.to), page: min(max(Int(text(F.page)) ?? 1, 1), 10_000_000))
        func date(_ text: String) -> (CivilDate?, String?) {
            guard !text.isEmpty else { return (nil, nil) }
            if case .date(let d)? = try? ItalianValue.parse(text) { return (d, nil) }
            return (nil, "«\(text)» non è una data: scrivila come 31/12/2013.")
        }
        (filter.from, filter.fromError) = date(filter.fromText)
        (filter.to, filter.toError) = date(filter.toText)
        if let from = filter.from, let to = filter.to, to < from {
            filter.toError = "La data finale viene prima di quella iniziale."
        }
        return filter
    }

    /// `/registro?autore=…&pagina=2` (only the fields filled), or the CSV of the whole filtered log.
    public func href(page: Int = 1, csv: Bool = false) -> String {
        typealias F = FormFields.Registro
        var items = [(F.actor, actor), (F.element, element), (F.kind, kind), (F.cycle, cycle), (F.from, fromText), (F.to, toText)]
            .filter { !$0.1.isEmpty }
        if csv { items.append((F.format, "csv")) } else if page > 1 { items.append((F.page, String(page))) }
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+;#?/")
        let query = items.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
        return WebRoutes.registro + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    static var italianCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Rome") ?? TimeZone(secondsFromGMT: 0)!
        return calendar
    }
}
