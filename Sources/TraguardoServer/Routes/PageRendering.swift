import Foundation
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// The pages of TraguardoWeb, filled for the signed-in user: the chrome (navigation of the role, CSRF token,
/// Ente-year) and the page's view model, rendered by `WebRenderer`.
enum PageRendering {
    /// The Ente-year is the plan's when the page has one, else the user's place (`PlaceMiddleware`): every page,
    /// error pages included, keeps the whole menu and the header's chooser.
    static func chrome(_ user: SignedInUser?, current: WebSection? = nil, plan: CyclePlan? = nil) -> PageChrome {
        guard let user else { return PageChrome(csrf: "") }
        return PageChrome.make(
            userName: user.account.displayName, role: user.role, entityLimit: user.account.entityCode, csrf: user.csrfToken ?? "", current: current,
            scope: plan.map(scope) ?? user.place?.current, choices: user.place?.choices ?? [])
    }

    /// The Ente-year of the plan, with its last open period.
    /// An Ente-year in a list, from its heading (no plan read).
    static func scope(_ heading: CycleHeading) -> WebScope {
        WebScope(
            entityCode: heading.entity.code, entityName: heading.entity.shortName ?? heading.entity.name, year: heading.cycle.year,
            openPeriodCode: heading.openPeriod?.code)
    }

    static func scope(_ plan: CyclePlan) -> WebScope {
        WebScope(
            entityCode: plan.entity.code, entityName: plan.entity.shortName ?? plan.entity.name, year: plan.cycle.year,
            openPeriodCode: plan.periods.latestOpen?.code)
    }

    static func login(csrf: String, error: String?, username: String = "", next: String? = nil) -> String {
        WebRenderer.render(LoginPage.make(username: username, error: error, next: next), chrome: PageChrome(csrf: csrf))
    }

    static func message(_ title: String, _ text: String, user: SignedInUser?) -> String {
        WebRenderer.render(MessagePage(title: title, message: text), chrome: chrome(user))
    }

    /// The cruscotto, for every user with this `chrome` (`SharedPageCache`).
    static func cruscotto(
        plan: CyclePlan, scores: PlanScores, period: String?, history: [(year: Int, score: Decimal)], chrome: PageChrome
    ) -> SharedPage {
        let open = plan.periods.latestOpen?.code
        let missing = open.map { MissingMeasurement.list(in: plan, period: $0) } ?? []
        let page = CruscottoPage.make(plan: plan, scores: scores, period: period, missing: missing, history: history, openPeriod: open)
        return WebRenderer.renderShared(page, chrome: chrome)
    }

    /// The albero, for every user with this `chrome` (`SharedPageCache`).
    static func albero(plan: CyclePlan, scores: PlanScores, chrome: PageChrome) -> SharedPage {
        WebRenderer.renderShared(AlberoPage.make(plan: plan, scores: scores), chrome: chrome)
    }

    static func node(
        plan: CyclePlan, scores: PlanScores, path: String, evidence: [EvidenceFile] = [], reviews: NodeReviews?, flash: FlashMessage?,
        user: SignedInUser
    ) -> String? {
        guard var page = NodePage.make(plan: plan, scores: scores, path: path, evidence: evidence) else { return nil }
        page.reviews = reviews
        var chrome = chrome(user, current: .albero, plan: plan)
        if let flash { chrome.flash.append(flash) }
        return WebRenderer.render(page, chrome: chrome)
    }

    static func rilevazione(
        plan: CyclePlan, scores: PlanScores, period: MonitoringPeriod, unit: OrganisationalUnit,
        entries: [String: RilevazioneEntry], errors: [RilevazioneError], evidence: [EvidenceFile] = [], saved: String?,
        filter: RilevazionePage.Filter = .init(), submission: SubmissionState = .draft, user: SignedInUser
    ) -> String {
        let page = RilevazionePage.make(
            plan: plan, scores: scores, period: period.code, office: unit.id, entries: entries, errors: errors, evidence: evidence,
            filter: filter, submission: submission)
        var chrome = chrome(user, current: .rilevazione, plan: plan)
        if let saved { chrome.flash.append(FlashMessage(.success, saved)) }
        return WebRenderer.render(page, chrome: chrome)
    }

    static func rilevazioneElenco(plan: CyclePlan, period: String, offices: Set<String>, user: SignedInUser) -> String {
        WebRenderer.render(
            RilevazioneElencoPage.make(plan: plan, period: period, offices: offices), chrome: chrome(user, current: .rilevazione, plan: plan))
    }

    /// The Ente-years the user reaches; for an office, the link to its own form of the open period.
    /// Above them, the dashboard of the Ente-year the user is on (`HomeDashboard`).
    /// - Parameter offices: a responsabile d'ufficio's own unit in each Ente-year that has it.
    static func home(
        _ headings: [CycleHeading], offices: [CycleScope: OrganisationalUnit], user: SignedInUser, dashboard: HomeDashboard? = nil
    ) -> String {
        let cycles = headings.map { heading in
            HomePage.Cycle(scope: scope(heading), ownOffice: offices[heading.scope].map { (id: $0.id, name: $0.name) })
        }
        return WebRenderer.render(HomePage.make(cycles: cycles, role: user.role, dashboard: dashboard), chrome: chrome(user))
    }

    static func users(
        _ accounts: [(account: UserAccount, tokens: [APIToken])], units: [UnitChoice], entities: [(code: String, name: String)],
        typed: [String: String], errors: [String: String], edit: AdminUsersPage.Edit?, flash: FlashMessage?, now: Date, user: SignedInUser
    ) -> String {
        let names = Dictionary(units.map { ($0.value, "\($0.name) (\($0.code))") }, uniquingKeysWith: { a, _ in a })
        let rows = accounts.map { account, tokens in
            AdminUsersPage.User(
                username: account.username, displayName: account.displayName, role: account.userRole, roleCode: account.role,
                unitName: account.unitCode.map { code in account.entityCode.flatMap { names[UnitChoice.value(entityCode: $0, code: code)] } ?? code },
                unitCode: account.unitCode, entityCode: account.entityCode, active: account.active,
                tokens: tokens.map {
                    AdminUsersPage.Token(
                        code: $0.code, label: $0.label, scope: $0.scope.label, createdAt: $0.createdAt, expiresAt: $0.expiresAt,
                        expired: $0.hasExpired(at: now), lastUsedAt: $0.lastUsedAt)
                })
        }
        let page = AdminUsersPage.make(
            users: rows, units: units, entities: entities, role: user.role, entityLimit: user.account.entityCode, typed: typed, errors: errors, edit: edit,
            limit: user.account.entityCode)
        var chrome = chrome(user, current: .amministrazione)
        if let flash { chrome.flash.append(flash) }
        return WebRenderer.render(page, chrome: chrome)
    }
}
