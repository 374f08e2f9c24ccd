import Foundation
import Hummingbird
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// The JSON API under `/api/v1`: the plan, its measurements and scores of an Ente-year, and the POST of a
/// measurement. Token authentication (`Authorization: Bearer …`) and the same `Permission` as the pages.
/// The routes are described by `OpenAPIDocument.yaml`, served at `/api/v1/openapi.yaml`.
struct APIRoutes {
    let state: ServerState

    /// The body of `POST …/rilevazioni`.
    struct MeasurementPost: Decodable {
        var item: String
        var periodo: String
        /// In Italian, as in the rilevazione form (`12,5`, `31/03/2024`, `sì`, `3/4`).
        var valore: String?
        var motivoNC: String?
        var scostamentoGiustificato: Bool?
        var giustificazione: String?
        var nota: String?
    }

    struct MeasurementPostResult: Encodable {
        var scritte: Int
        var rilevazione: TraguardoCore.Measurement?
        var punteggioItem: String?
        var punteggioEnte: String
    }

    func registerPublic(on router: some RouterMethods<TraguardoRequestContext>) {
        router.get("openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
        }
    }

    func register(on router: some RouterMethods<TraguardoRequestContext>) {
        router.get("enti/:ente/:anno/piano") { _, context in
            let (plan, _) = try await plan(context, .viewPlan)
            return JSONResponse.make(plan)
        }
        router.get("enti/:ente/:anno/rilevazioni") { _, context in
            let (plan, _) = try await plan(context, .viewPlan)
            return JSONResponse.make(plan.measurements)
        }
        router.get("enti/:ente/:anno/punteggi") { request, context in
            let (plan, _) = try await plan(context, .viewPlan)
            let period = request.uri.queryParameters.get("periodo").flatMap { $0.isEmpty ? nil : $0 }
            if let period, !plan.periods.contains(where: { $0.code == period }) {
                throw APIFailure(status: .notFound, message: "nessun periodo «\(period)» nel ciclo \(plan.cycle.year)")
            }
            return JSONResponse.make(ScoreListing(plan: plan, scores: PlanScorer.score(plan, period: period)))
        }
        router.post("enti/:ente/:anno/rilevazioni") { request, context in try await postMeasurement(request: request, context: context) }
    }

    func plan(_ context: TraguardoRequestContext, _ action: Action) async throws -> (CyclePlan, CycleScope) {
        guard let user = context.user else { throw APIFailure(status: .unauthorized, message: "autenticazione richiesta") }
        guard Permission.allows(user.role, action) else {
            throw APIFailure(status: .forbidden, message: "il ruolo «\(user.role.rawValue)» non consente questa operazione")
        }
        do {
            return try await state.plan(context, user: user)
        } catch let failure as WebFailure {
            throw APIFailure(status: failure.status, message: failure.message)
        }
    }

    func postMeasurement(request: Request, context: TraguardoRequestContext) async throws -> Response {
        let (plan, scope) = try await plan(context, .enterMeasurement)
        guard let user = context.user else { throw APIFailure(status: .unauthorized, message: "autenticazione richiesta") }
        let body: MeasurementPost
        do {
            body = try await request.decode(as: MeasurementPost.self, context: context)
        } catch {
            throw APIFailure(status: .badRequest, message: "corpo JSON non valido: attesi i campi «item», «periodo» e «valore» o «motivoNC»")
        }
        guard let item = plan.items.first(where: { $0.id == body.item }) else {
            throw APIFailure(status: .notFound, message: "nessun item «\(body.item)» nel ciclo \(plan.cycle.year)")
        }
        guard let period = plan.periods.first(where: { $0.code == body.periodo || $0.id == body.periodo }) else {
            throw APIFailure(status: .notFound, message: "nessun periodo «\(body.periodo)» nel ciclo \(plan.cycle.year)")
        }
        guard let unitID = plan.responsibleUnits()[item.id], let unit = plan.units.first(where: { $0.id == unitID }),
              Permission.mayEnter(user, for: unit, in: plan)
        else {
            throw APIFailure(status: .forbidden, message: "l'item «\(item.id)» non è di competenza dell'utente «\(user.username)»")
        }
        guard period.status == .open else {
            throw APIFailure(status: .forbidden, message: "il periodo «\(period.name)» è chiuso")
        }
        // The same reader as the rilevazione form, so that the API accepts and refuses exactly what the page does.
        typealias F = FormFields.Rilevazione
        var fields = [F.present(item.id): "1", F.value(item.id): body.valore ?? "", F.narrative(item.id): body.nota ?? ""]
        if let reason = body.motivoNC, !reason.isEmpty {
            fields[F.notComputable(item.id)] = "1"
            fields[F.notComputableReason(item.id)] = reason
        }
        if body.scostamentoGiustificato == true {
            fields[F.justifiedDeviation(item.id)] = "1"
            fields[F.justification(item.id)] = body.giustificazione ?? ""
        }
        let read = RilevazioneForm.read(
            fields: fields, plan: plan, period: period.code, office: unit.id, author: user.username, at: state.now)
        if let error = read.errors.first { throw APIFailure(status: .unprocessableContent, message: error.message) }
        let measurements = read.measurements.filter { $0.itemID == item.id }
        if !measurements.isEmpty {
            _ = try await state.store.recordMeasurements(actor: user.username) { batches in try await batches.write(measurements, in: scope) }
        }
        guard let stored = try await state.store.loadPlan(scope) else { throw APIFailure(status: .notFound, message: "ciclo non trovato") }
        let scores = PlanScorer.score(stored, period: period.code)
        return JSONResponse.make(MeasurementPostResult(
            scritte: measurements.count, rilevazione: stored.measurement(of: item.id, in: period),
            punteggioItem: scores.items[item.id]?.score.shown, punteggioEnte: scores.entity.score.shown))
    }
}
