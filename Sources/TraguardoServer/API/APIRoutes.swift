import Foundation
import Hummingbird
import TraguardoCore
import TraguardoExchange
import TraguardoStore
import TraguardoWeb

/// The JSON API under `/api/v1`: the plan, its measurements and scores of an Ente-year, and the POST of a
/// measurement. Token authentication (`Authorization: Bearer …`) and the same `Permission` as the pages.
/// Every route is an operation of `APIOperation.all`, which `OpenAPIDocument` describes; any other path or
/// method under `/api/v1` is answered with a JSON error (404, or 405 with `Allow`).
struct APIRoutes {
    let state: ServerState

    /// The description (`openapi.json`, `openapi.yaml`) and the JSON answers to unknown paths and methods: no token needed.
    func registerPublic(on router: some RouterMethods<TraguardoRequestContext>) {
        router.get("openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        router.get("openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
        }
        let methods: [HTTPRequest.Method] = [.get, .post, .put, .delete, .patch, .options]
        let paths = Dictionary(grouping: APIOperation.all, by: \.routerPath)
        for (path, operations) in paths {
            let allowed = operations.map(\.method)
            let allow = allowed.map(\.rawValue).joined(separator: ", ")
            for method in methods where !allowed.contains(method) {
                router.on(RouterPath(path), method: method) { _, _ -> Response in
                    var response = JSONResponse.make(
                        APIErrorBody(message: "metodo \(method.rawValue) non previsto per questo indirizzo: ammessi \(allow)"),
                        status: .methodNotAllowed)
                    response.headers[.allow] = allow
                    return response
                }
            }
        }
        for path in ["", "**"] {
            for method in methods {
                router.on(RouterPath(path), method: method) { request, _ -> Response in
                    throw APIFailure(
                        status: .notFound,
                        message: "nessuna risorsa «\(request.uri.path)»: gli indirizzi dell'API sono in /api/v1/openapi.json")
                }
            }
        }
    }

    /// A request under `/api/v1` no route took, whatever its method (QUERY, TRACE …): 405 with `Allow` when the
    /// path is an operation's, else 404, in JSON.
    static func unmatched(_ request: Request) -> Response {
        let asked = request.uri.path.dropFirst("/api/v1".count).split(separator: "/")
        let allowed = APIOperation.all.filter { operation in
            let pattern = operation.path.split(separator: "/")
            return pattern.count == asked.count && zip(pattern, asked).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }.map(\.method.rawValue)
        guard !allowed.isEmpty else {
            return JSONResponse.make(
                APIErrorBody(message: "nessuna risorsa «\(request.uri.path)»: gli indirizzi dell'API sono in /api/v1/openapi.json"),
                status: .notFound)
        }
        let allow = allowed.joined(separator: ", ")
        var response = JSONResponse.make(
            APIErrorBody(message: "metodo \(request.method.rawValue) non previsto per questo indirizzo: ammessi \(allow)"),
            status: .methodNotAllowed)
        response.headers[.allow] = allow
        return response
    }

    /// Every operation of `APIOperation.all`, with its handler, behind the access the operation declares: 401
    /// without a user, 403 when the role may not do the operation's action, before the body is read or the plan
    /// loaded (the same `RouteAccess` as the pages' routes).
    func register(on router: some RouterMethods<TraguardoRequestContext>) {
        for operation in APIOperation.all {
            router.on(RouterPath(operation.routerPath), method: operation.method) { request, context in
                try Self.authorize(operation, context)
                return try await handle(operation.name, request: request, context: context)
            }
        }
    }

    /// The check `register` makes before the handler: the operation's declared access for the token's user.
    static func authorize(_ operation: APIOperation, _ context: TraguardoRequestContext) throws {
        guard let user = context.user else { throw APIFailure(status: .unauthorized, message: "autenticazione richiesta") }
        if let refusal = operation.access.refusal(for: user) {
            throw APIFailure(status: .forbidden, message: refusal.message)
        }
    }

    func handle(_ name: APIOperation.Name, request: Request, context: TraguardoRequestContext) async throws -> Response {
        switch name {
        case .plan:
            let (plan, _) = try await plan(context)
            let text: String
            do { text = try PlanFileWriter.json(plan) } catch {
                throw APIFailure(status: .internalServerError, message: "piano non scrivibile in JSON: \(error)")
            }
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        case .measurements:
            let (plan, _) = try await plan(context)
            return JSONResponse.make(plan.measurements.map { APIMeasurement($0, in: plan) })
        case .scores:
            let (plan, _) = try await plan(context)
            let period = request.uri.queryParameters.get("periodo").flatMap { $0.isEmpty ? nil : $0 }
            if let period, !plan.periods.contains(where: { $0.code == period }) {
                throw APIFailure(status: .notFound, message: "nessun periodo «\(period)» nel ciclo \(plan.cycle.year)")
            }
            return JSONResponse.make(ScoreListing(plan: plan, scores: PlanScorer.score(plan, period: period)))
        case .postMeasurement:
            return try await postMeasurement(request: request, context: context)
        case .editPlan:
            return try await editPlan(request: request, context: context)
        case .createCycle:
            return try await createCycle(request: request, context: context)
        case .approvePlan, .comparePlan, .rolloverPlan:
            return try await planVersions(name, request: request, context: context)
        case .planProposals:
            return try await planProposals(context: context)
        case .proposePlanChange:
            return try await proposePlanChange(request: request, context: context)
        case .acceptProposal:
            return try await decideProposal(accepting: true, request: request, context: context)
        case .refuseProposal:
            return try await decideProposal(accepting: false, request: request, context: context)
        }
    }

    /// The Ente-year of the path (the operation's access already checked by `register`), if the token's user
    /// reaches its Ente: 400 for a year that is not a number, 401, 403, 404 as JSON.
    func plan(_ context: TraguardoRequestContext) async throws -> (CyclePlan, CycleScope) {
        guard let user = context.user else { throw APIFailure(status: .unauthorized, message: "autenticazione richiesta") }
        let year = context.parameters.get("anno") ?? ""
        guard let number = Int(year), APIOperation.years.contains(number) else {
            throw APIFailure(
                status: .badRequest,
                message: "anno «\(year)» non valido: atteso un numero intero da \(APIOperation.years.lowerBound) a "
                    + "\(APIOperation.years.upperBound) (per esempio 2024)")
        }
        do {
            return try await state.plan(context, user: user)
        } catch let failure as WebFailure {
            throw APIFailure(status: failure.status, message: failure.message)
        }
    }

    func postMeasurement(request: Request, context: TraguardoRequestContext) async throws -> Response {
        let (plan, scope) = try await plan(context)
        guard let user = context.user else { throw APIFailure(status: .unauthorized, message: "autenticazione richiesta") }
        let body: APIMeasurementPost
        do {
            body = try await request.decode(as: APIMeasurementPost.self, context: context)
        } catch {
            throw APIFailure(status: .badRequest, message: "corpo JSON non valido: attesi i campi «item», «periodo» e «valore» o «motivoNC»")
        }
        guard let item = plan.items.first(where: { $0.id == body.itemID }) else {
            throw APIFailure(status: .notFound, message: "nessun item «\(body.itemID)» nel ciclo \(plan.cycle.year)")
        }
        guard let period = plan.periods.first(where: { $0.code == body.period || $0.id == body.period }) else {
            throw APIFailure(status: .notFound, message: "nessun periodo «\(body.period)» nel ciclo \(plan.cycle.year)")
        }
        guard let unitID = plan.responsibleUnits()[item.id], let unit = plan.units.first(where: { $0.id == unitID }),
              Permission.mayEnter(user, for: unit, in: plan)
        else {
            throw APIFailure(status: .forbidden, message: "l'item «\(item.id)» non è di competenza dell'utente «\(user.username)»")
        }
        guard period.status.acceptsEntries else {
            throw APIFailure(status: .forbidden, message: "il periodo «\(period.name)» è chiuso")
        }
        // The core's rule of an entry, the same the form and the sheets read with.
        let reason = body.notComputableReason ?? ""
        let entry = MeasurementEntry(
            value: body.value ?? "", notComputableReason: reason, justifiedDeviation: body.justifiedDeviation == true,
            justification: body.justifiedDeviation == true ? body.justification ?? "" : "", narrative: body.narrative ?? "")
        var measurements: [TraguardoCore.Measurement] = []
        switch entry.read(item: item.id, period: period, existing: plan.measurement(of: item.id, in: period), year: plan.cycle.year) {
        case .problems(let problems):
            throw APIFailure(status: .unprocessableContent, message: problems.map(\.sentence).joined(separator: " "))
        case .unchanged: break
        case .changed(var m):
            m.author = user.username
            m.recordedAt = state.now
            m.provenance = nil
            measurements = [m]
        }
        if !measurements.isEmpty {
            // Validated values are locked (the core's rule, the same the store enforces for every writer).
            let lock = ValueLock(plan: plan, validated: try await state.store.submissions(in: scope))
            if let problem = lock.problem(itemID: item.id, periodID: period.id) {
                throw APIFailure(status: .conflict, message: problem)
            }
            let written = measurements
            _ = try await state.store.recordMeasurements(actor: user.username) { batches in try await batches.write(written, in: scope) }
        }
        guard let stored = try await state.plans.plan(scope, store: state.store) else { throw APIFailure(status: .notFound, message: "ciclo non trovato") }
        let scores = PlanScorer.score(stored, period: period.code)
        return JSONResponse.make(APIMeasurementResult(
            written: measurements.count, measurement: stored.measurement(of: item.id, in: period).map { APIMeasurement($0, in: stored) },
            itemScore: scores.items[item.id]?.score.shown, entityScore: scores.entity.score.shown))
    }

    /// `POST …/piano/modifiche`: the editor's `PlanEdit`, applied by the core to the plan as stored now and saved whole.
    func editPlan(request: Request, context: TraguardoRequestContext) async throws -> Response {
        let (_, scope) = try await plan(context)
        guard let user = context.user else { throw APIFailure(status: .unauthorized, message: "autenticazione richiesta") }
        let body: APIPlanEdit
        do {
            body = try await request.decode(as: APIPlanEdit.self, context: context)
        } catch {
            throw APIFailure(
                status: .badRequest,
                message: "corpo JSON non valido: attesi «elemento» (\(PlanEdit.Element.schemaValues.joined(separator: ", "))), «operazione» "
                    + "(\(PlanEdit.Operation.schemaValues.joined(separator: ", "))), «id» e «campi» [{nome, valore}]")
        }
        let fields = try Self.fields(body.fields)
        guard let stored = try await state.store.loadPlan(scope) else {
            throw APIFailure(status: .notFound, message: "nessun ciclo \(scope.year) per l'Ente «\(scope.entityCode)»")
        }
        if PlanEditor.changedMeanwhile(drawnFrom: body.drawnFrom, current: stored) {
            throw APIFailure(status: .conflict, message: PlanEditor.changedMeanwhile + " Impronta del piano ora: \(PlanFingerprint.of(stored)).")
        }
        switch PlanEditor.apply(PlanEdit(body.element, body.operation, id: body.id, fields: fields), to: stored) {
        case .failure(let errors):
            throw APIFailure(status: .unprocessableContent, message: errors.description)
        case .success(let outcome):
            // An approved plan: the variation cites its act (Store.savePlan refuses it without one).
            let summary: PlanSaveSummary
            switch try await PlanEditSaving.save(outcome.plan, drawnFrom: stored, actText: body.act, store: state.store, actor: user.username) {
            case .failure(.act(let message)): throw APIFailure(status: .unprocessableContent, message: "atto: " + message)
            case .failure(.changedMeanwhile(let message)): throw APIFailure(status: .conflict, message: message)
            case .success(let saved): summary = saved
            }
            return JSONResponse.make(APIPlanEditResult(
                entity: scope.entityCode, year: scope.year, id: outcome.elementID, summary: outcome.summary, changes: summary.totalChanges,
                fingerprint: PlanFingerprint.of(outcome.plan)))
        }
    }

    /// `POST /enti`: a new Ente-year (`NewCycle`, the rule of Amministrazione › Enti e anni).
    func createCycle(request: Request, context: TraguardoRequestContext) async throws -> Response {
        guard let user = context.user else { throw APIFailure(status: .unauthorized, message: "autenticazione richiesta") }
        let body: APINewCycle
        do {
            body = try await request.decode(as: APINewCycle.self, context: context)
        } catch {
            throw APIFailure(status: .badRequest, message: "corpo JSON non valido: attesi «codice», «nome», «anno» e, facoltativo, «periodi»")
        }
        guard Permission.reaches(user, entityCode: body.code) else {
            throw APIFailure(status: .forbidden, message: "l'utente non è abilitato per l'Ente «\(body.code)»")
        }
        var values = ["codice": body.code, "anno": body.year]
        if let name = body.name { values["nome"] = name }
        if let periods = body.periods { values["periodi"] = periods }
        let years = Set(try await state.store.cycles().map { "\($0.entityCode)/\($0.year)" })
        switch NewCycle.make(values, entities: try await state.store.entities(), years: years) {
        case .failure(let errors):
            throw APIFailure(status: .unprocessableContent, message: errors.description)
        case .success(let plan):
            let summary = try await state.store.savePlan(plan, actor: user.username)
            return JSONResponse.make(APIPlanEditResult(
                entity: plan.entity.code, year: plan.cycle.year, id: nil, summary: "Ciclo \(plan.cycle.year) di «\(plan.entity.name)» creato.",
                changes: summary.totalChanges, fingerprint: PlanFingerprint.of(plan)))
        }
    }
}
