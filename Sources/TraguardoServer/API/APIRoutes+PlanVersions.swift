import Foundation
import Hummingbird
import TraguardoCore
import TraguardoStore

/// `POST …/piano/approvazione`, `GET …/piano/confronto`, `POST …/piano/rinnovo`: the store's approval, comparison and
/// rollover, the same the CLI (`traguardo approve|diff|rollover`) and the page «Versioni del piano» call.
extension APIRoutes {
    func planVersions(_ name: APIOperation.Name, request: Request, context: TraguardoRequestContext) async throws -> Response {
        switch name {
        case .approvePlan:
            let (_, scope) = try await plan(context)
            let user = try apiUser(context)
            let body: APIPlanApproval
            do { body = try await request.decode(as: APIPlanApproval.self, context: context) } catch {
                throw APIFailure(status: .badRequest, message: "corpo JSON non valido: atteso «atto» (per esempio «\(ActCitationError.example)»)")
            }
            let act = try await refusingIntegrity { try await state.store.approvePlan(scope, act: body.act, actor: user.username) }
            let version = try await state.store.planVersions(scope).last?.number ?? 0
            return JSONResponse.make(APIPlanApprovalResult(
                entity: scope.entityCode, year: scope.year, actID: act.id, citation: act.label, version: version))
        case .comparePlan:
            let (_, scope) = try await plan(context)
            func query(_ key: String) -> String? {
                request.uri.queryParameters.get(key).map { String($0.prefix(200)).trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            var otherYear: Int?
            if let text = query("altroAnno") {
                guard let year = Int(text), APIOperation.years.contains(year) else {
                    throw APIFailure(status: .unprocessableContent, message: "altroAnno «\(text)» non valido: atteso un anno di quattro cifre")
                }
                otherYear = year
            }
            do {
                let comparison = try await PlanComparisonRequest(scope: scope, from: query("da"), to: query("a"), otherYear: otherYear)
                    .compare(in: state.store)
                return JSONResponse.make(APIPlanComparison(title: comparison.title, changes: comparison.changes.map(APIPlanChange.init)))
            } catch let error as PlanComparisonError {
                let status: HTTPResponse.Status = if case .unreadable = error { .unprocessableContent } else { .notFound }
                throw APIFailure(status: status, message: error.description)
            }
        case .rolloverPlan:
            let (_, scope) = try await plan(context)
            let user = try apiUser(context)
            let body: APIPlanRollover
            do { body = try await request.decode(as: APIPlanRollover.self, context: context) } catch {
                throw APIFailure(status: .badRequest, message: "corpo JSON non valido: atteso «anno» (un numero, per esempio 2019) e, facoltativo, «sostituisci»")
            }
            if let problem = PlanRollover.yearProblem(body.year, written: String(body.year), from: scope.year) {
                throw APIFailure(status: .unprocessableContent, message: problem)
            }
            let summary = try await refusingIntegrity {
                try await state.store.rollover(scope, to: body.year, replace: body.replace == true, actor: user.username)
            }
            return JSONResponse.make(APIPlanRolloverResult(
                entity: scope.entityCode, year: body.year, fromYear: scope.year, baselinesFromActuals: summary.baselinesFromActuals,
                baselinesKept: summary.baselinesKept, targetsToSet: summary.targetsToSet, nodesDropped: summary.nodesDropped))
        default:
            throw APIFailure(status: .notFound, message: "operazione non prevista")
        }
    }

    /// The store's refusal (`StoreError.integrity`: nothing written) as 422, a missing cycle as 404.
    private func refusingIntegrity<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StoreError {
            switch error {
            case .integrity(let reason): throw APIFailure(status: .unprocessableContent, message: reason)
            case .notFound: throw APIFailure(status: .notFound, message: "ciclo non trovato")
            default: throw error
            }
        }
    }
}
