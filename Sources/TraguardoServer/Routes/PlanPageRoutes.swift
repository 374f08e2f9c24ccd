import Foundation
import Hummingbird
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// The pages that read the plan: the list of cycles, cruscotto, albero, node page. Every role may read them,
/// for the Enti its account reaches.
struct PlanPageRoutes {
    let state: ServerState

    func register(on routes: PageRouter) {
        routes.get("/", needs: .viewPlan) { _, context in try await home(context: context) }
        routes.get("enti/:ente/:anno/cruscotto", needs: .viewPlan) { request, context in try await cruscotto(request: request, context: context) }
        routes.get("enti/:ente/:anno/albero", needs: .viewPlan) { request, context in try await albero(request: request, context: context) }
        routes.get("enti/:ente/:anno/confronto", needs: .viewPlan) { _, context in try await confronto(context: context) }
        routes.get("enti/:ente/:anno/nodi/**", needs: .viewPlan) { request, context in try await node(request: request, context: context) }
        // Any other address read by a browser: the site's Italian 404, with the user's menu and Ente-year.
        routes.get("**", access: .open) { _, context -> Response in throw WebFailure.unknownPage(user: context.user) }
    }

    /// The home: the Ente-years the user reaches by their headings (`Store.cycleHeadings`: names and periods,
    /// never a whole plan), a responsabile d'ufficio's office from the unit directory; only the Ente-year the
    /// user is working on is read whole (through the plan cache), for its dashboard.
    func home(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let headings = try await state.store.cycleHeadings().filter { Permission.reaches(user, entityCode: $0.entity.code) }
        var offices: [CycleScope: OrganisationalUnit] = [:]
        if user.role == .officeHead, let entity = user.account.entityCode, let code = user.account.unitCode {
            let units = Dictionary(grouping: try await state.store.unitDirectory(entityCode: entity), by: \.scope)
            for (scope, list) in units { offices[scope] = list.map(\.unit).unit(named: code) }
        }
        var dashboard: HomeDashboard?
        if let place = user.place?.current, case let here = CycleScope(entityCode: place.entityCode, year: place.year),
           headings.contains(where: { $0.scope == here }),
           let plan = try await state.plans.plan(here, store: state.store) {
            dashboard = try await self.dashboard(plan: plan, user: user)
        }
        return HTMLResponse.page(PageRendering.home(headings, offices: offices, user: user, dashboard: dashboard))
    }

    /// The home's cards and to-do list for the user's role on `plan`.
    func dashboard(plan: CyclePlan, user: SignedInUser) async throws -> HomeDashboard {
        let scope = CycleScope(entityCode: plan.entity.code, year: plan.cycle.year)
        // The scores the cruscotto shares and the findings, kept under the Ente-year's change marker.
        let marker = try await state.store.changeMarker(of: scope)
        // The Ente's result in the open period (or the latest one opened), not the year end while T1 is open.
        let scores = await state.plans.scores(of: plan, scope: scope, marker: marker, period: plan.periods.resultsPeriod?.code)
        let units = Permission.allows(user.role, .enterMeasurement)
            ? Set(plan.units.filter { Permission.mayEnter(user, for: $0, in: plan) }.map(\.id)) : []
        let own = user.role == .officeHead ? Permission.ownUnit(of: user, in: plan)?.id : nil
        var findings: Int?
        if Permission.allows(user.role, .acknowledgeFindings) || Permission.allows(user.role, .validate) {
            let split = AcknowledgedFindings(
                await state.plans.findings(of: plan, scope: scope, marker: marker),
                acknowledgements: try await state.store.acknowledgements(in: scope))
            findings = split.open.count
        }
        var validated: [String: Set<String>]?
        if Permission.allows(user.role, .validate) {
            // Only the validations that hold for the data as they are now: a changed value is to validate again.
            var holding: [ResultValidation] = []
            let all = try await state.store.validations(in: scope)
            for code in Set(all.map(\.periodCode)) where plan.period(code: code) != nil {
                let byPeriod = await state.plans.scores(
                    of: plan, scope: scope, marker: try await state.store.changeMarker(of: scope), period: code)
                holding += all.filter { v in
                    v.periodCode == code
                        && (byPeriod.objectives[v.elementID] ?? byPeriod.nodes[v.elementID]).map { v.holds(for: JudgedFingerprint.of($0)) } == true
                }
            }
            validated = Dictionary(grouping: holding, by: \.periodCode).mapValues { Set($0.map(\.elementID)) }
        }
        var dashboard = HomeDashboard.make(
            plan: plan, scores: scores, role: user.role,
            facts: .init(units: units, ownUnit: own, openFindings: findings, validated: validated))
        let work = OutstandingWork.compute(plan: plan, submissions: try await state.store.submissions(in: scope), today: state.today)
        let proposals: Int? = Permission.allows(user.role, .editPlan)
            ? try await state.store.planProposals(in: scope, status: .pending).filter { $0.proposedBy != user.username }.count : nil
        dashboard.tasks = HomeTasks.make(plan: plan, work: work, duties: .init(
            offices: user.role.entersForAnyOffice ? [] : units,
            verifies: Permission.allows(user.role, .verifySubmissions), validates: Permission.allows(user.role, .validate),
            openFindings: Permission.allows(user.role, .acknowledgeFindings) ? findings : nil, username: user.username,
            pendingProposals: proposals))
        return dashboard
    }

    /// The cruscotto: rendered once per change of the Ente's data and shared by the users who see the same
    /// chrome (`SharedPageCache`); a browser that has it already gets a 304 (`PageTag`). Without `?periodo=` it
    /// shows the period the home's card shows (`resultsPeriod`: the open one, else the latest opened; the year end
    /// of a closed year), not always the year end.
    func cruscotto(request: Request, context: TraguardoRequestContext) async throws -> Response {
        try await shared(CruscottoPage.templateName, section: .cruscotto, request: request, context: context, opensOnResultsPeriod: true) { plan, cycle, period, chrome in
            let scores = await state.plans.scores(of: plan, scope: cycle.scope, marker: cycle.marker, period: period)
            let history = try await state.history.history(
                of: plan.entity.code, current: (plan.cycle.year, scores.entity.score.value), markers: cycle.markers, store: state.store)
            return PageRendering.cruscotto(plan: plan, scores: scores, period: period, history: history, chrome: chrome)
        }
    }

    func albero(request: Request, context: TraguardoRequestContext) async throws -> Response {
        try await shared(AlberoPage.templateName, section: .albero, request: request, context: context) { plan, cycle, period, chrome in
            let scores = await state.plans.scores(of: plan, scope: cycle.scope, marker: cycle.marker, period: period)
            return PageRendering.albero(plan: plan, scores: scores, chrome: chrome)
        }
    }

    /// The comparison of the Ente-year with the other Enti of its year: the indicators they have in common, with
    /// the Ente's rank and quartile (`ComparisonCache`: computed once per change of any Ente's data of the year).
    func confronto(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let cycle = try await state.cycle(context, user: user)
        let plan = try await state.plan(of: cycle, user: user)
        let computed = try await state.comparisons.comparison(year: cycle.scope.year, store: state.store)
        let page = ConfrontoPage.make(
            entityCode: plan.entity.code, entityName: plan.entity.shortName ?? plan.entity.name, year: plan.cycle.year,
            comparisons: computed.comparisons, enti: computed.enti)
        return HTMLResponse.page(WebRenderer.render(page, chrome: PageRendering.chrome(user, current: .cruscotto, plan: plan)))
    }

    /// A page of the Ente-year that every reader of it sees alike: 304 when the browser's copy is current,
    /// else the kept rendering (or a new one, by `render`) filled in for the user.
    private func shared(
        _ page: String, section: WebSection, request: Request, context: TraguardoRequestContext, opensOnResultsPeriod: Bool = false,
        render: @escaping (CyclePlan, CycleOfEnte, String?, PageChrome) async throws -> SharedPage
    ) async throws -> Response {
        let user = try state.authorized(context)
        let cycle = try await state.cycle(context, user: user)
        let asked = request.uri.queryParameters.get("periodo").flatMap { $0.isEmpty ? nil : String($0) }
        let tag = PageTag(page: page, cycle: cycle, period: asked, user: user)
        if tag.matches(request) { return tag.notModified }
        let plan = try await state.plan(of: cycle, user: user)
        // An unknown period is a 404 before anything is scored or kept.
        let period = try state.period(request, in: plan, user: user) ?? (opensOnResultsPeriod ? plan.periods.resultsPeriod?.code : nil)
        let chrome = PageRendering.chrome(user, current: section, plan: plan)
        let key = SharedPageCache.Key(page: page, cycle: cycle, period: period, chrome: WebRenderer.sharedKey(chrome))
        let kept = try await state.pages.page(key) { try await render(plan, cycle, period, chrome) }
        return tag.page(kept.filled(userName: user.account.displayName, csrf: user.csrfToken ?? ""))
    }

    func node(request: Request, context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let cycle = try await state.cycle(context, user: user)
        let (plan, scope) = (try await state.plan(of: cycle, user: user), cycle.scope)
        // `WebRoutes.nodo` sends the path as one percent-encoded segment (`C30101%2F1`); plain slashes work too.
        let raw = context.parameters.getCatchAll().joined(separator: "/")
        let path = raw.removingPercentEncoding ?? raw
        let period = try state.period(request, in: plan, user: user)
        let scores = await state.plans.scores(of: plan, scope: scope, marker: cycle.marker, period: period)
        let reviews = try await reviews(of: path, plan: plan, scope: scope, marker: cycle.marker, period: period, user: user)
        let flash: FlashMessage? = switch request.uri.queryParameters.get("fatto") {
        case "commento": FlashMessage(.success, "Commento registrato.")
        case "validazione": FlashMessage(.success, "Validazione registrata.")
        default: nil
        }
        let evidence = try await state.store.evidenceFiles(in: scope)
        guard let html = PageRendering.node(
            plan: plan, scores: scores, path: path, evidence: evidence, reviews: reviews, flash: flash, user: user
        ) else {
            throw WebFailure.notFound("Nessun elemento «\(path)» nel piano \(plan.cycle.year).", user: user)
        }
        return HTMLResponse.page(html)
    }

    /// The comments and validations of the node or objective `path`, with the forms the user's role allows.
    func reviews(
        of path: String, plan: CyclePlan, scope: CycleScope, marker: ChangeMarker, period: String?, user: SignedInUser
    ) async throws -> NodeReviews? {
        guard let id = plan.nodes.first(where: { $0.code == path })?.id ?? plan.objectives.first(where: { $0.code == path })?.id else {
            return nil
        }
        let comments = try await state.store.comments(in: scope, elementID: id)
        let validations = try await state.store.validations(in: scope).filter { $0.elementID == id }
        // What each validated period's element is now: a validation holds only for the data it judged.
        var current: [String: String] = [:]
        for code in Set(validations.map(\.periodCode)) where plan.period(code: code) != nil {
            let scores = await state.plans.scores(of: plan, scope: scope, marker: marker, period: code)
            current[code] = scores.element(path: path).map(JudgedFingerprint.of)
        }
        // The offices that enter the element's items, and the history of their submissions.
        let indicators = Set(plan.indicators.filter { $0.nodeID == id || $0.objectiveID == id }.map(\.id))
        let responsible = plan.responsibleUnits()
        let offices = Set(plan.items.filter { indicators.contains($0.indicatorID) }.compactMap { responsible[$0.id] })
        let names = Dictionary(plan.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let history = offices.isEmpty ? [] : try await state.store.submissionEvents(in: scope).filter { offices.contains($0.unitID) }
            .reversed().map { e in
                NodeReviews.submissionLine(
                    at: e.at, office: names[e.unitID] ?? e.unitID, period: e.periodCode, from: e.from, to: e.to, actor: e.actor, reason: e.reason)
            }
        var reviews = NodeReviews.make(
            plan: plan, path: path, comments: comments.map { (author: $0.author, at: $0.at, text: $0.text) },
            validations: validations.map {
                (code: $0.periodCode, by: $0.validatedBy, at: $0.at, note: $0.note, score: $0.score,
                 holds: current[$0.periodCode].map($0.holds) ?? false)
            }, period: period,
            canComment: Permission.allows(user.role, .comment), canValidate: Permission.allows(user.role, .validate))
        reviews.submissionHistory = Array(history)
        return reviews
    }
}
