import Foundation
import Hummingbird
import TraguardoCore
import TraguardoExchange
import TraguardoSpreadsheet
import TraguardoStore
import TraguardoWeb

/// `WebRoutes.registro`: the registro modifiche (`RegistroPage`), newest first, one page at a time. The filter
/// (author, element, kind of record, Ente-year, date range) is the query of `GET /registro` (so a filtered page
/// can be linked, paged and downloaded) and runs in the database over the whole log; the POST of the older form
/// (under CSRF) reads the same fields. `?formato=csv` sends the whole filtered log as CSV, read in batches.
/// Who may read it: `Action.viewAudit` (amministratore, controllo di gestione, OIV); an account limited to one
/// Ente sees only that Ente's changes.
struct RegistroRoutes {
    let state: ServerState
    /// Rows read from the store per batch of the CSV.
    static let csvBatch = 1000
    /// The most rows one CSV holds (a narrower filter gets the rest).
    static let csvLimit = 200_000

    func register(on routes: PageRouter) {
        routes.get("registro", needs: .viewAudit) { request, context in
            var fields: [String: String] = [:]
            for (name, value) in request.uri.queryParameters { fields[String(name)] = fields[String(name)] ?? String(value) }
            let filter = RegistroFilter.read(fields)
            if fields[FormFields.Registro.format] == "csv" { return try await csv(context: context, filter: filter) }
            return try await show(context: context, filter: filter)
        }
        routes.post("registro", needs: .viewAudit) { _, context in
            let form = context.form ?? FormBody(fields: [])
            let fields = Dictionary(form.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            return try await show(context: context, filter: RegistroFilter.read(fields))
        }
    }

    /// The store's query for the filter, within the user's Ente.
    func query(_ filter: RegistroFilter, user: SignedInUser) -> AuditQuery {
        let chosen = filter.cycleParts
        let (from, until) = filter.isValid ? filter.instants : (nil, nil)
        var query = AuditQuery(
            entityCode: chosen?.entityCode, year: chosen?.year, table: filter.kind.isEmpty ? nil : filter.kind,
            recordID: filter.element.isEmpty ? nil : filter.element, actor: filter.actor.isEmpty ? nil : filter.actor,
            from: from, until: until, limit: RegistroPage.pageSize)
        if let own = user.account.entityCode {
            // Another Ente's year asked by an account of one Ente: nothing (its own code can never match both).
            if let asked = query.entityCode, asked != own { query.year = -1 }
            query.entityCode = own
        }
        return query
    }

    func show(context: TraguardoRequestContext, filter: RegistroFilter) async throws -> Response {
        let user = try state.authorized(context)
        var asked = query(filter, user: user)
        let total = try await state.store.auditCount(asked)
        asked.offset = RegistroPage.offset(filter.page, of: total)
        let found = try await state.store.auditLog(asked)
        let cycles = try await state.store.cycles(entityCode: user.account.entityCode)
            .map { (value: "\($0.entityCode)/\($0.year)", label: "\($0.entityCode) \($0.year)") }
        let page = RegistroPage.make(
            entries: found.map(Self.entry), total: total,
            kinds: RecordTable.auditedKinds.map { (value: $0.name, label: $0.label) }, cycles: cycles, filter: filter,
            accessiHref: Permission.allows(user.role, .viewSecurityLog) ? WebRoutes.accessi : nil)
        let html = WebRenderer.render(page, chrome: PageRendering.chrome(user, current: .registro))
        return HTMLResponse.page(html, status: filter.isValid ? .ok : .unprocessableContent)
    }

    /// The whole filtered log (at most `csvLimit` rows), written batch by batch as it is read.
    func csv(context: TraguardoRequestContext, filter: RegistroFilter) async throws -> Response {
        let user = try state.authorized(context)
        guard filter.isValid else { return try await show(context: context, filter: filter) }
        var asked = query(filter, user: user)
        asked.limit = Self.csvBatch
        let first = asked, store = state.store
        let body = ResponseBody { writer in
            var head = ByteBuffer(bytes: [0xEF, 0xBB, 0xBF])
            head.writeString(CSVWriter.text([RegistroPage.csvHeadings]))
            try await writer.write(head)
            var next = first, written = 0
            while written < Self.csvLimit {
                let batch = try await store.auditLog(next)
                guard !batch.isEmpty else { break }
                try await writer.write(ByteBuffer(string: CSVWriter.text(batch.map { RegistroPage.csvLine(Self.entry($0)) })))
                written += batch.count
                // The rows older than the first one read, page after page: the rows an import inserted share its
                // registro number, so the number alone cannot say where a page stopped.
                next.beforeID = next.beforeID ?? (batch[0].id + 1)
                next.offset = written
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: FileDownload.contentDisposition("registro-modifiche.csv"),
                .cacheControl: "private, no-store",
            ],
            body: body)
    }

    static func entry(_ e: AuditEntry) -> RegistroPage.Entry {
        RegistroPage.Entry(
            at: e.at, actor: e.actor, action: e.action.rawValue, kindLabel: e.tableLabel,
            scope: e.scope.map { "\($0.entityCode) \($0.year)" }, recordID: e.recordID, before: e.before, after: e.after)
    }
}
