import Foundation
import Hummingbird
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// «Versioni del piano» (`PianoVersioniPage`): GET for every role that sees the plan; the POSTs that approve the plan
/// (`Store.approvePlan`) and prepare another year (`Store.rollover`) for the controller and the amministratore
/// (`Action.managePlan`). A refused form writes nothing and shows the page again (422) with the error beside the field.
struct PianoVersioniRoutes {
    let state: ServerState

    func register(on routes: PageRouter) {
        routes.get("enti/:ente/:anno/piano/versioni", needs: .viewPlan) { request, context in try await page(request: request, context: context) }
        routes.post("enti/:ente/:anno/piano/approva", needs: .managePlan) { _, context in try await approve(context: context) }
        routes.post("enti/:ente/:anno/piano/nuovo-anno", needs: .managePlan) { _, context in try await rollover(context: context) }
    }

    func page(request: Request, context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (plan, scope) = try await state.plan(context, user: user)
        var forms = PianoVersioniPage.Forms()
        func query(_ name: String) -> String {
            let value: String = request.uri.queryParameters.get(name).map { String($0) } ?? ""
            return String(value.prefix(200)).trimmingCharacters(in: .whitespaces)
        }
        forms.from = query("da")
        forms.to = query("a")
        forms.otherYear = query("anno")
        forms.element = query("elemento")
        if request.uri.queryParameters.get("fatto") == "approvato" { forms.flash = "Piano approvato." }
        if let year = request.uri.queryParameters.get("fatto-anno").flatMap({ Int($0) }) {
            forms.flash = "Piano \(year) preparato: è una bozza, con i target \(year) da fissare."
        }
        return HTMLResponse.page(try await render(plan: plan, scope: scope, user: user, forms: forms))
    }

    func approve(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (plan, scope) = try await state.plan(context, user: user)
        let citation = String((context.form?["atto"] ?? "").prefix(ActCitation.maximumLength + 1))
        if let reason = try await Self.refusal({ try await state.store.approvePlan(scope, act: citation, actor: user.username) }) {
            var forms = PianoVersioniPage.Forms()
            forms.act = citation
            forms.actError = reason.prefix(1).uppercased() + reason.dropFirst()
            return HTMLResponse.page(try await render(plan: plan, scope: scope, user: user, forms: forms), status: .unprocessableContent)
        }
        return .redirect(to: WebRoutes.pianoVersioni(ente: scope.entityCode, anno: scope.year) + "?fatto=approvato", type: .normal)
    }

    func rollover(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (plan, scope) = try await state.plan(context, user: user)
        let yearText = (context.form?["anno"] ?? "").trimmingCharacters(in: .whitespaces)
        let replace = context.form?["sostituisci"] == "si"
        var forms = PianoVersioniPage.Forms()
        forms.nextYear = String(yearText.prefix(10))
        let problem = PlanRollover.yearProblem(Int(yearText), written: forms.nextYear ?? "", from: scope.year)
        guard problem == nil, let year = Int(yearText) else {
            forms.rolloverError = (problem ?? "").prefix(1).uppercased() + (problem ?? "").dropFirst() + "."
            return HTMLResponse.page(try await render(plan: plan, scope: scope, user: user, forms: forms), status: .unprocessableContent)
        }
        if let reason = try await Self.refusal({ _ = try await state.store.rollover(scope, to: year, replace: replace, actor: user.username) }) {
            forms.rolloverError = reason.prefix(1).uppercased() + reason.dropFirst().replacingOccurrences(of: "usare --replace", with: "spuntare «Sostituisci»")
            return HTMLResponse.page(try await render(plan: plan, scope: scope, user: user, forms: forms), status: .unprocessableContent)
        }
        return .redirect(to: WebRoutes.pianoVersioni(ente: scope.entityCode, anno: year) + "?fatto-anno=\(year)", type: .normal)
    }

    /// Runs `body`; the reason when the store refuses it (`StoreError.integrity`: nothing written), nil when it is done.
    private static func refusal(_ body: () async throws -> Void) async throws -> String? {
        do {
            try await body()
            return nil
        } catch let error as StoreError {
            if case .integrity(let reason) = error { return reason }
            throw error
        }
    }

    private func render(plan: CyclePlan, scope: CycleScope, user: SignedInUser, forms: PianoVersioniPage.Forms) async throws -> String {
        let versions = try await state.store.planVersions(scope)
        let shown: PianoVersioniPage.Shown
        if !forms.element.isEmpty, forms.from.isEmpty, forms.to.isEmpty, forms.otherYear.isEmpty {
            let id = plan.nodes.first { $0.code == forms.element }?.id ?? forms.element
            shown = .history(element: forms.element, entries: try await state.store.elementHistory(scope, elementID: id))
        } else if forms.from.isEmpty, forms.to.isEmpty, forms.otherYear.isEmpty {
            shown = .nothing
        } else if !forms.otherYear.isEmpty, Int(forms.otherYear) == nil {
            shown = .failure("Anno «\(forms.otherYear)» non valido: atteso un anno di quattro cifre.")
        } else {
            let request = PlanComparisonRequest(
                scope: scope, from: forms.from.isEmpty ? nil : forms.from, to: forms.to.isEmpty ? nil : forms.to,
                otherYear: Int(forms.otherYear))
            do {
                let comparison = try await request.compare(in: state.store)
                var changes = comparison.changes
                if !forms.element.isEmpty {
                    changes = changes.filter { $0.elementID == forms.element || $0.nodeID == forms.element || $0.label.hasPrefix(forms.element + " ") }
                }
                shown = .comparison(title: comparison.title, changes: changes)
            } catch let error as PlanComparisonError {
                shown = .failure(error.description.prefix(1).uppercased() + error.description.dropFirst() + ".")
            }
        }
        let page = PianoVersioniPage.make(
            plan: plan, versions: versions, shown: shown, manage: Permission.allows(user.role, .managePlan) && Permission.mayWrite(user),
            forms: forms, at: PlanVersion.italian)
        return WebRenderer.render(page, chrome: PageRendering.chrome(user, current: .documenti, plan: plan))
    }
}
