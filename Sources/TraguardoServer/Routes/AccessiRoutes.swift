import Foundation
import Hummingbird
import TraguardoStore
import TraguardoWeb

/// `WebRoutes.accessi`: the security log (`AccessiPage`), newest first. Who may read it:
/// `Action.viewSecurityLog` (amministratore, controllo di gestione); an account limited to one Ente sees only
/// the events of that Ente's users.
struct AccessiRoutes {
    let state: ServerState
    /// How many events the page shows.
    static let limit = 500

    func register(on routes: PageRouter) {
        routes.get("registro/accessi", needs: .viewSecurityLog) { _, context in try await show(context: context) }
    }

    func show(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let events = try await state.store.securityEvents(entityCode: user.account.entityCode, limit: Self.limit)
        let configuration = state.configuration
        let page = AccessiPage.make(
            entries: events.map { AccessiPage.Entry(at: $0.at, kindLabel: $0.kind.label, username: $0.username, address: $0.address, detail: $0.detail) },
            limit: Self.limit,
            failureHours: Int((max(configuration.failedLoginRetention, configuration.loginFailureWindow) / 3600).rounded(.up)),
            otherDays: Int((configuration.securityLogRetention / 86400).rounded(.up)))
        return HTMLResponse.page(WebRenderer.render(page, chrome: PageRendering.chrome(user, current: .registro)))
    }
}
