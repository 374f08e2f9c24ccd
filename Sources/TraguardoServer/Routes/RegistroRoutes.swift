import Foundation
import Hummingbird
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// `WebRoutes.registro`: the registro modifiche (`RegistroPage`), newest first. GET shows the latest changes,
/// POST (the page's filter form, under CSRF) filters them by author, kind of record and date range. Who may
/// read it: `Action.viewAudit` (amministratore, controllo di gestione, OIV); an account limited to one Ente
/// sees only that Ente's changes.
struct RegistroRoutes {
    let state: ServerState
    /// How many changes the store is asked for.
    static let limit = 200

    func register(on router: some RouterMethods<TraguardoRequestContext>) {
        router.get("registro") { _, context in try await show(context: context, filter: .empty) }
        router.post("registro") { _, context in
            let form = context.form ?? FormBody(fields: [])
            let fields = Dictionary(form.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            return try await show(context: context, filter: RegistroFilter.read(fields))
        }
    }

    func show(context: TraguardoRequestContext, filter: RegistroFilter) async throws -> Response {
        let user = try state.authorized(context, .viewAudit)
        let all = try await state.store.auditLog(AuditQuery(entityCode: user.account.entityCode, limit: Self.limit))
        let kinds = Dictionary(all.map { ($0.table, $0.tableLabel) }, uniquingKeysWith: { a, _ in a })
            .sorted { $0.value < $1.value }.map { (value: $0.key, label: $0.value) }
        let shown = filter.isValid ? all.filter { filter.matches(actor: $0.actor, kind: $0.table, at: $0.at) } : all
        let entries = shown.map { e in
            RegistroPage.Entry(
                at: e.at, actor: e.actor, action: e.action.rawValue, kindLabel: e.tableLabel,
                scope: e.scope.map { "\($0.entityCode) \($0.year)" }, recordID: e.recordID, before: e.before, after: e.after)
        }
        let page = RegistroPage.make(
            entries: entries, kinds: kinds, filter: filter,
            accessiHref: Permission.allows(user.role, .viewSecurityLog) ? WebRoutes.accessi : nil)
        let html = WebRenderer.render(page, chrome: PageRendering.chrome(user, current: .registro))
        return HTMLResponse.page(html, status: filter.isValid ? .ok : .unprocessableContent)
    }
}
