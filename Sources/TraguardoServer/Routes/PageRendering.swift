import Foundation
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// The pages of TraguardoWeb, filled for the signed-in user: the chrome (navigation of the role, CSRF token,
/// Ente-year) and the page's view model, rendered by `WebRenderer`. The pages without a TraguardoWeb view yet
/// (list of cycles, users) still use `InterimPages`.
enum PageRendering {
    static func chrome(_ user: SignedInUser?, current: WebSection? = nil, plan: CyclePlan? = nil) -> PageChrome {
        guard let user else { return PageChrome(csrf: "") }
        let scope = plan.map { plan in
            WebScope(
                entityCode: plan.entity.code, entityName: plan.entity.shortName ?? plan.entity.name, year: plan.cycle.year,
                openPeriodCode: plan.periods.filter { $0.status == .open }.max(by: { $0.sequence < $1.sequence })?.code)
        }
        return PageChrome.make(
            userName: user.account.displayName, role: user.role, csrf: user.csrfToken ?? "", current: current, scope: scope)
    }

    static func login(csrf: String, error: String?) -> String {
        WebRenderer.render(LoginPage.make(error: error), chrome: PageChrome(csrf: csrf))
    }

    static func message(_ title: String, _ text: String, user: SignedInUser?) -> String {
        WebRenderer.render(MessagePage(title: title, message: text), chrome: chrome(user))
    }

    static func cruscotto(plan: CyclePlan, scores: PlanScores, period: String?, user: SignedInUser) -> String {
        let open = plan.periods.filter { $0.status == .open }.max(by: { $0.sequence < $1.sequence })?.code
        let missing = open.map { MissingMeasurement.list(in: plan, period: $0) } ?? []
        let page = CruscottoPage.make(plan: plan, scores: scores, period: period, missing: missing, history: [])
        return WebRenderer.render(page, chrome: chrome(user, current: .cruscotto, plan: plan))
    }

    static func albero(plan: CyclePlan, scores: PlanScores, user: SignedInUser) -> String {
        WebRenderer.render(AlberoPage.make(plan: plan, scores: scores), chrome: chrome(user, current: .albero, plan: plan))
    }

    static func node(plan: CyclePlan, scores: PlanScores, path: String, user: SignedInUser) -> String? {
        NodePage.make(plan: plan, scores: scores, path: path).map {
            WebRenderer.render($0, chrome: chrome(user, current: .albero, plan: plan))
        }
    }

    static func rilevazione(
        plan: CyclePlan, scores: PlanScores, period: MonitoringPeriod, unit: OrganisationalUnit,
        entries: [String: RilevazioneEntry], errors: [RilevazioneError], saved: Bool, user: SignedInUser
    ) -> String {
        let page = RilevazionePage.make(
            plan: plan, scores: scores, period: period.code, office: unit.id, entries: entries, errors: errors)
        var chrome = chrome(user, current: .rilevazione, plan: plan)
        if saved { chrome.flash.append(FlashMessage(.success, "Rilevazioni salvate.")) }
        return WebRenderer.render(page, chrome: chrome)
    }

    static func rilevazioneElenco(plan: CyclePlan, period: String, offices: Set<String>, user: SignedInUser) -> String {
        WebRenderer.render(
            RilevazioneElencoPage.make(plan: plan, period: period, offices: offices), chrome: chrome(user, current: .rilevazione, plan: plan))
    }

    static func home(_ cycles: [Cycle], user: SignedInUser) -> String { InterimPages.home(cycles, user: user) }

    static func users(_ users: [UserAccount], csrf: String, user: SignedInUser) -> String { InterimPages.users(users, csrf: csrf, user: user) }
}
