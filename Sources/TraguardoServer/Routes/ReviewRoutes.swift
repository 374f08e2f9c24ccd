import Foundation
import Hummingbird
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// What the OIV (and the controllo di gestione, for comments) adds beside the results: comments on an
/// element, validation of a result. Neither changes a measurement. A validation keeps the score it validated and
/// the fingerprint of the element as scored then (`JudgedFingerprint`): when the data change, the page says
/// the validation no longer holds; validating again adds to the history.
struct ReviewRoutes {
    let state: ServerState

    func register(on routes: PageRouter) {
        routes.post("enti/:ente/:anno/commenti", needs: .comment) { _, context in try await comment(context: context) }
        routes.post("enti/:ente/:anno/validazioni", needs: .validate) { _, context in try await validate(context: context) }
    }

    /// The element the form names (`elemento`: a path as `traguardo explain` prints it), which must exist.
    func element(_ form: FormBody, plan: CyclePlan, period: String?, user: SignedInUser) throws -> ScoredElement {
        let path = (form[FormFields.Revisione.element] ?? "").trimmingCharacters(in: .whitespaces)
        guard let element = PlanScorer.score(plan, period: period).element(path: path) else {
            throw WebFailure.badRequest("Nessun elemento «\(path)» nel piano.", user: user)
        }
        return element
    }

    func comment(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (plan, scope) = try await state.plan(context, user: user)
        let form = context.form ?? FormBody(fields: [])
        let element = try element(form, plan: plan, period: nil, user: user)
        let text = (form[FormFields.Revisione.text] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw WebFailure.badRequest("Il commento è vuoto.", user: user) }
        if let problem = TextLength.problem(text, what: "Il commento") { throw WebFailure.badRequest(problem + " Nulla è stato salvato.", user: user) }
        try await state.store.addComment(
            PlanComment(elementID: element.subject.id, author: user.username, at: state.now, text: text), in: scope, actor: user.username)
        return Self.backToNode(element, scope: scope, done: "commento")
    }

    func validate(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (plan, scope) = try await state.plan(context, user: user)
        let form = context.form ?? FormBody(fields: [])
        let periodCode = form[FormFields.Revisione.period] ?? ""
        guard let period = plan.periods.first(where: { $0.code == periodCode }) else {
            throw WebFailure.badRequest("Nessun periodo «\(periodCode)» nel ciclo.", user: user)
        }
        let element = try element(form, plan: plan, period: period.code, user: user)
        let note = (form[FormFields.Revisione.note] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = TextLength.problem(note, what: "La nota della validazione") {
            throw WebFailure.badRequest(problem + " Nulla è stato salvato.", user: user)
        }
        try await state.store.validate(
            ResultValidation(periodCode: period.code, elementID: element.subject.id, validatedBy: user.username, at: state.now,
                             note: note.isEmpty ? nil : note, fingerprint: JudgedFingerprint.of(element),
                             score: element.score.shown),
            in: scope, actor: user.username)
        return Self.backToNode(element, scope: scope, done: "validazione", period: period.code)
    }

    /// Back to the element's page, at the comments, with the message of what was done.
    static func backToNode(_ element: ScoredElement, scope: CycleScope, done: String, period: String? = nil) -> Response {
        let page = WebRoutes.nodo(ente: scope.entityCode, anno: scope.year, percorso: element.subject.code)
        return .redirect(to: page + "?fatto=" + done + (period.map { "&periodo=" + WebRoutes.segment($0) } ?? "") + "#revisione", type: .normal)
    }
}
