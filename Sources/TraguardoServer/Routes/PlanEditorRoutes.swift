import Foundation
import Hummingbird
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// Amministrazione › Editor del piano (amministratore and controllo di gestione, `Action.editPlan`): the plan of
/// an Ente-year and the page of each element (GET), one edit per POST. The edit is applied by the core's
/// `PlanEditor` to the plan as stored now and the whole plan saved with `Store.savePlan` (one transaction, an
/// audit row per record changed); a refused edit writes nothing and shows the page again (422) with the errors
/// beside the fields; a form drawn from a plan that changed meanwhile (its `impronta`) is refused too (409), the page
/// redrawn on the current plan with what was typed. Amministrazione › Enti e anni makes a new Ente-year (`NewCycle`), from an empty database too.
/// A dirigente (`Action.proposePlanChange`) sees the same pages for his own area only (`Permission.proposalArea`) and
/// each form posts to `…/piano/proposte`: the edit is checked the same way and stored as a proposal (`PlanProposalActions`).
struct PlanEditorRoutes {
    let state: ServerState
    typealias F = FormFields.PianoEditor

    /// Who may open the editor's pages and the proposals: who edits, and a dirigente who proposes (on his area only:
    /// the page then narrows to it, `editor(_:)`).
    static let readers = RouteAccess.anyOf([.editPlan, .proposePlanChange])

    func register(on routes: PageRouter) {
        routes.get("enti/:ente/:anno/piano", access: Self.readers) { request, context in try await overview(request: request, context: context) }
        routes.get("enti/:ente/:anno/piano/elemento", access: Self.readers) { request, context in
            try await element(request: request, context: context)
        }
        routes.post("enti/:ente/:anno/piano", needs: .editPlan) { _, context in try await edit(context: context) }
        routes.post("enti/:ente/:anno/piano/proposte", needs: .proposePlanChange) { _, context in try await edit(context: context, proposing: true) }
        routes.get("amministrazione/enti", needs: .editPlan) { _, context in try await cycles(context: context) }
        routes.post("amministrazione/enti", needs: .editPlan) { _, context in try await newCycle(context: context) }
    }

    /// Who opens the editor: the controller and the amministratore (no area: they edit), or a dirigente with his area
    /// in this plan (he proposes); anyone else is refused (the route needs `.editPlan` or `.proposePlanChange`).
    func editor(_ context: TraguardoRequestContext) async throws -> (user: SignedInUser, plan: CyclePlan, area: PlanArea?) {
        let user = try state.authorized(context)
        let (plan, _) = try await state.plan(context, user: user)
        if Permission.allows(user.role, .editPlan) { return (user, plan, nil) }
        guard let area = Permission.proposalArea(of: user, in: plan) else {
            throw WebFailure.forbidden(PlanProposalActions.noArea(user), user: user)
        }
        return (user, plan, area)
    }

    func overview(request: Request, context: TraguardoRequestContext) async throws -> Response {
        let (user, plan, area) = try await editor(context)
        return HTMLResponse.page(page(plan: plan, element: nil, user: user, flash: flash(request), area: area))
    }

    func element(request: Request, context: TraguardoRequestContext) async throws -> Response {
        let (user, plan, area) = try await editor(context)
        let kindText = request.uri.queryParameters.get("tipo").map { String($0) } ?? ""
        let id = request.uri.queryParameters.get("id").map { String($0) } ?? ""
        guard let kind = PlanEdit.Element(rawValue: kindText), !PlanEditorFields.values(kind, id: id, in: plan).isEmpty else {
            throw WebFailure.notFound("Nessun elemento «\(kindText)» «\(id)» nel piano \(plan.cycle.year).", user: user)
        }
        if let area, !area.contains(kind, id: id, in: plan) {
            throw WebFailure.forbidden("\(kind.label.prefix(1).uppercased() + kind.label.dropFirst()) «\(id)» non è della tua area (\(area.head.name)).", user: user)
        }
        let findings = CheckCatalogue.findings(in: plan, period: nil)
        return HTMLResponse.page(page(plan: plan, element: (kind, id), user: user, findings: findings, flash: flash(request), area: area))
    }

    /// One edit: saved (the controller), or stored as a proposal (`proposing`, a dirigente on his area).
    func edit(context: TraguardoRequestContext, proposing: Bool = false) async throws -> Response {
        let user = try state.authorized(context)
        let (_, scope) = try await state.plan(context, user: user)
        // The plan as stored now, not a cached copy: the edit is applied to what the save will replace.
        guard let plan = try await state.store.loadPlan(scope) else {
            throw WebFailure.notFound("Nessun ciclo \(scope.year) per l'Ente «\(scope.entityCode)».", user: user)
        }
        let area = proposing ? Permission.proposalArea(of: user, in: plan) : nil
        if proposing, area == nil { throw WebFailure.forbidden(PlanProposalActions.noArea(user), user: user) }
        let form = context.form ?? FormBody(fields: [])
        let kindText = form[F.element] ?? "", operationText = form[F.operation] ?? ""
        guard let kind = PlanEdit.Element(rawValue: kindText), let operation = PlanEdit.Operation(rawValue: operationText) else {
            throw WebFailure.badRequest(
                "Modifica non valida: elemento «\(kindText)» e operazione «\(operationText)»; attesi un elemento fra "
                    + PlanEdit.Element.allCases.map(\.rawValue).joined(separator: ", ") + " e un'operazione fra "
                    + PlanEdit.Operation.allCases.map(\.rawValue).joined(separator: ", ") + ".",
                user: user)
        }
        var fields: [String: String] = [:]
        for field in form.fields where !F.control.contains(field.name) { fields[field.name] = field.value }
        let id = form[F.id].flatMap { $0.isEmpty ? nil : $0 }
        let edit = PlanEdit(kind, operation, id: id, fields: fields)
        let formID = form[F.form] ?? ""
        // Where the form was: the element's page (a change, a move, a removal, or an addition under it) or the plan's.
        let shownElement: (PlanEdit.Element, String)? = id.map { (kind, $0) } ?? parentElement(of: edit)
        func refused(_ errors: [String: String], status: HTTPResponse.Status, on current: CyclePlan? = nil) -> Response {
            let plan = current ?? plan
            var typed = fields
            if let id { typed[F.id] = id }
            if let act = form[F.act] { typed[F.act] = act }
            if let note = form[F.note] { typed[F.note] = note }
            // The element may be gone meanwhile (or, for a dirigente, not of his area): then the plan's page.
            let element = shownElement.flatMap { shown in
                PlanEditorFields.values(shown.0, id: shown.1, in: plan).isEmpty || area.map { !$0.contains(shown.0, id: shown.1, in: plan) } == true
                    ? nil : shown
            }
            let html = page(
                plan: plan, element: element, user: user, findings: element == nil ? [] : CheckCatalogue.findings(in: plan, period: nil),
                failedForm: formID, typed: typed, errors: errors, area: area)
            return HTMLResponse.page(html, status: status)
        }
        // Drawn from another plan than the one stored now: redrawn on the current plan with what was typed.
        if PlanEditor.changedMeanwhile(drawnFrom: form[F.drawnFrom], current: plan) {
            return refused([F.drawnFrom: PlanEditor.changedMeanwhile], status: .conflict)
        }
        if proposing {
            switch try await PlanProposalActions.propose(edit, note: form[F.note], on: plan, user: user, store: state.store) {
            case .failure(let errors):
                return refused(errors.byField.reduce(into: [:]) { $0[$1.key.isEmpty ? F.id : $1.key] = $1.value }, status: .unprocessableContent)
            case .success:
                return .redirect(to: WebRoutes.pianoProposte(ente: scope.entityCode, anno: scope.year) + "?fatto=proposta", type: .normal)
            }
        }
        switch PlanEditor.apply(edit, to: plan) {
        case .failure(let errors):
            return refused(errors.byField.reduce(into: [:]) { $0[$1.key.isEmpty ? F.id : $1.key] = $1.value }, status: .unprocessableContent)
        case .success(let outcome):
            // An approved plan: the variation cites its act (Store.savePlan refuses it without one).
            let saved = try await PlanEditSaving.save(
                outcome.plan, drawnFrom: plan, actText: form[F.act], store: state.store, actor: user.username)
            switch saved {
            case .failure(.act(let message)): return refused([F.act: message], status: .unprocessableContent)
            case .failure(.changedMeanwhile):
                // Saved by someone else between the read above and this save: redrawn on the plan as it is now.
                return refused(
                    [F.drawnFrom: PlanEditor.changedMeanwhile], status: .conflict, on: try await state.store.loadPlan(scope))
            case .success: break
            }
            let next: String
            if let elementID = outcome.elementID {
                next = WebRoutes.pianoElemento(ente: scope.entityCode, anno: scope.year, tipo: kind.rawValue, id: elementID)
            } else if let parent = parentAfterRemoval(edit, in: plan) {
                next = WebRoutes.pianoElemento(ente: scope.entityCode, anno: scope.year, tipo: parent.0.rawValue, id: parent.1)
            } else {
                next = WebRoutes.pianoEditor(ente: scope.entityCode, anno: scope.year)
            }
            return .redirect(to: next + (next.contains("?") ? "&" : "?") + "fatto=" + operation.rawValue, type: .normal)
        }
    }

    /// The element a new one is added under (its page holds the add form).
    func parentElement(of edit: PlanEdit) -> (PlanEdit.Element, String)? {
        let f = edit.fields
        switch edit.element {
        case .node: return f["padre"].flatMap { $0.isEmpty ? nil : (.node, $0) }
        case .indicator: return f["nodo"].map { (.node, $0) } ?? f["obiettivo"].map { (.objective, $0) }
        case .target, .item: return f["indicatore"].map { (.indicator, $0) }
        case .resource: return f["nodo"].map { (.node, $0) }
        case .link: return f["obiettivo"].map { (.objective, $0) }
        case .account: return f["nodo"].flatMap { $0.isEmpty ? nil : (.node, $0) }
        case .role: return f["persona"].map { (.person, $0) }
        case .narrativeTable, .subIndicator: return f["indicatore"].flatMap { $0.isEmpty ? nil : (.indicator, $0) }
        default: return nil
        }
    }

    /// After a removal, the page of what the element hung under.
    func parentAfterRemoval(_ edit: PlanEdit, in plan: CyclePlan) -> (PlanEdit.Element, String)? {
        guard let id = edit.id else { return nil }
        switch edit.element {
        case .node: return plan.nodes.first { $0.id == id }?.parentID.map { (.node, $0) }
        case .indicator:
            guard let indicator = plan.indicators.first(where: { $0.id == id }) else { return nil }
            return indicator.nodeID.map { (.node, $0) } ?? indicator.objectiveID.map { (.objective, $0) }
        case .target: return plan.targets.first { $0.id == id }.map { (.indicator, $0.indicatorID) }
        case .item: return plan.items.first { $0.id == id }.map { (.indicator, $0.indicatorID) }
        case .resource: return plan.resources.first { $0.id == id }.map { (.node, $0.nodeID) }
        case .link: return plan.objectiveLinks.first { $0.id == id }.map { (.objective, $0.objectiveID) }
        case .account: return plan.accountLines.first { $0.id == id }?.nodeID.map { (.node, $0) }
        case .role: return plan.roles.first { $0.id == id }.map { (.person, $0.personID) }
        case .narrativeTable: return plan.narrativeTables.first { $0.id == id }?.indicatorID.map { (.indicator, $0) }
        case .subIndicator: return plan.subIndicators.first { $0.id == id }?.indicatorID.map { (.indicator, $0) }
        default: return nil
        }
    }

    func flash(_ request: Request) -> FlashMessage? {
        // Fixed sentences: a link cannot make the page say something else.
        switch request.uri.queryParameters.get("fatto").map({ String($0) }).flatMap(PlanEdit.Operation.init(rawValue:)) {
        case .create: FlashMessage(.success, "Elemento aggiunto al piano.")
        case .update: FlashMessage(.success, "Modifiche salvate.")
        case .move: FlashMessage(.success, "Elemento spostato.")
        case .remove: FlashMessage(.success, "Elemento eliminato.")
        case nil: request.uri.queryParameters.get("fatto") == "ciclo" ? FlashMessage(.success, "Ente-anno creato: ora si può costruire il piano.") : nil
        }
    }

    func page(
        plan: CyclePlan, element: (PlanEdit.Element, String)?, user: SignedInUser, findings: [Finding] = [], flash: FlashMessage? = nil,
        failedForm: String? = nil, typed: [String: String] = [:], errors: [String: String] = [:], area: PlanArea? = nil
    ) -> String {
        let page = PlanEditorPage.make(
            plan: plan, element: element.map { (kind: $0.0, id: $0.1) }, role: user.role, entityLimit: user.account.entityCode, scope: PageRendering.scope(plan), findings: findings,
            failedForm: failedForm, typed: typed, errors: errors, area: area)
        var chrome = PageRendering.chrome(user, current: .amministrazione, plan: plan)
        if let flash { chrome.flash.append(flash) }
        return WebRenderer.render(page, chrome: chrome)
    }

    // MARK: Enti e anni

    func cycles(context: TraguardoRequestContext, typed: [String: String] = [:], errors: [String: String] = [:]) async throws -> Response {
        let user = try state.authorized(context)
        return try await cyclesPage(user: user, typed: typed, errors: errors)
    }

    func cyclesPage(user: SignedInUser, typed: [String: String] = [:], errors: [String: String] = [:]) async throws -> Response {
        let headings = try await state.store.cycleHeadings().filter { Permission.reaches(user, entityCode: $0.entity.code) }
        let page = AdminEntiPage.make(
            cycles: headings.map { ($0.entity.code, $0.entity.shortName ?? $0.entity.name, $0.cycle.year) }, role: user.role, entityLimit: user.account.entityCode,
            scope: user.place?.current, typed: typed, errors: errors)
        return HTMLResponse.page(
            WebRenderer.render(page, chrome: PageRendering.chrome(user, current: .amministrazione)),
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    func newCycle(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let form = context.form ?? FormBody(fields: [])
        var values: [String: String] = [:]
        for field in form.fields where field.name != FormFields.csrf { values[field.name] = field.value }
        let entities = try await state.store.entities()
        let years = Set(try await state.store.cycles().map { "\($0.entityCode)/\($0.year)" })
        var errors: [String: String] = [:]
        if let code = values["codice"], !code.isEmpty, !Permission.reaches(user, entityCode: code) {
            errors["codice"] = "Sei limitato all'Ente «\(user.account.entityCode ?? "")»: puoi aggiungere solo anni di quell'Ente."
        }
        switch NewCycle.make(values, entities: entities, years: years) {
        case .failure(let refused):
            return try await cyclesPage(user: user, typed: values, errors: refused.byField.merging(errors) { a, _ in a })
        case .success(let plan):
            guard errors.isEmpty else { return try await cyclesPage(user: user, typed: values, errors: errors) }
            try await state.store.savePlan(plan, actor: user.username)
            return .redirect(
                to: WebRoutes.pianoEditor(ente: plan.entity.code, anno: plan.cycle.year) + "?fatto=ciclo",
                type: .normal)
        }
    }
}
