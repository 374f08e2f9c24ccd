import Foundation
import Hummingbird
import TraguardoCore
import TraguardoStore

/// `/api/v1` for a dirigente's proposals of changes to his area and the controller's decision: the same path as the
/// pages (`PlanProposalActions`), the same permissions.
extension APIRoutes {
    /// `GET …/piano/proposte`: every proposal for the controller, his own for a dirigente.
    func planProposals(context: TraguardoRequestContext) async throws -> Response {
        let (_, scope) = try await plan(context)
        let user = try apiUser(context)
        // The route lets in who decides (.editPlan) or proposes: the controller reads every proposal, a dirigente his own.
        let decides = Permission.allows(user.role, .editPlan)
        let proposals = try await state.store.planProposals(in: scope, proposedBy: decides ? nil : user.username)
        return JSONResponse.make(proposals.map { APIPlanProposal($0) })
    }

    /// `POST …/piano/proposte`: a dirigente's edit of his area, stored as a proposal.
    func proposePlanChange(request: Request, context: TraguardoRequestContext) async throws -> Response {
        let (_, scope) = try await plan(context)
        let user = try apiUser(context)
        let body: APIPlanProposalPost
        do {
            body = try await request.decode(as: APIPlanProposalPost.self, context: context)
        } catch {
            throw APIFailure(
                status: .badRequest,
                message: "corpo JSON non valido: attesi «elemento», «operazione», «id», «campi» [{nome, valore}] e, facoltativa, «nota»")
        }
        let fields = try Self.fields(body.fields)
        guard let stored = try await state.store.loadPlan(scope) else {
            throw APIFailure(status: .notFound, message: "nessun ciclo \(scope.year) per l'Ente «\(scope.entityCode)»")
        }
        if PlanEditor.changedMeanwhile(drawnFrom: body.drawnFrom, current: stored) {
            throw APIFailure(status: .conflict, message: PlanEditor.changedMeanwhile + " Impronta del piano ora: \(PlanFingerprint.of(stored)).")
        }
        guard Permission.proposalArea(of: user, in: stored) != nil else {
            throw APIFailure(status: .forbidden, message: PlanProposalActions.noArea(user))
        }
        let edit = PlanEdit(body.element, body.operation, id: body.id, fields: fields)
        switch try await PlanProposalActions.propose(edit, note: body.note, on: stored, user: user, store: state.store) {
        case .failure(let errors): throw APIFailure(status: .unprocessableContent, message: errors.description)
        case .success(let proposal): return JSONResponse.make(APIPlanProposal(proposal))
        }
    }

    /// `POST …/piano/proposte/{numero}/accetta` and `…/rifiuta`.
    func decideProposal(accepting: Bool, request: Request, context: TraguardoRequestContext) async throws -> Response {
        let (_, scope) = try await plan(context)
        let user = try apiUser(context)
        let text = context.parameters.get("numero") ?? ""
        guard let number = Int(text), (1...Int(Int32.max)).contains(number) else {
            throw APIFailure(status: .badRequest, message: "numero di proposta «\(text)» non valido: atteso un numero intero da 1 in su")
        }
        if accepting {
            let body: APIProposalAcceptance
            do { body = try await request.decode(as: APIProposalAcceptance.self, context: context) } catch {
                throw APIFailure(status: .badRequest, message: "corpo JSON non valido: atteso un oggetto con, facoltativo, «atto»")
            }
            switch try await PlanProposalActions.accept(number, actText: body.act, in: scope, user: user, store: state.store) {
            case .failure(let problem): throw APIFailure(status: problem.status, message: Self.message(problem))
            case .success(let done):
                return JSONResponse.make(APIPlanProposal(done.proposal, planFingerprint: PlanFingerprint.of(done.outcome.plan)))
            }
        }
        let body: APIProposalRefusal
        do { body = try await request.decode(as: APIProposalRefusal.self, context: context) } catch {
            throw APIFailure(status: .badRequest, message: "corpo JSON non valido: atteso un oggetto con «motivo»")
        }
        switch try await PlanProposalActions.refuse(number, reason: body.reason, in: scope, user: user, store: state.store) {
        case .failure(let problem): throw APIFailure(status: problem.status, message: Self.message(problem))
        case .success(let proposal): return JSONResponse.make(APIPlanProposal(proposal))
        }
    }

    static func message(_ problem: PlanProposalActions.Problem) -> String {
        problem.field.isEmpty ? problem.message : "\(problem.field): \(problem.message)"
    }

    func apiUser(_ context: TraguardoRequestContext) throws -> SignedInUser {
        guard let user = context.user else { throw APIFailure(status: .unauthorized, message: "autenticazione richiesta") }
        return user
    }

    /// The fields of an edit by name, each once.
    static func fields(_ list: [APIPlanField]?) throws -> [String: String] {
        var fields: [String: String] = [:]
        for field in list ?? [] {
            guard fields[field.name] == nil else {
                throw APIFailure(status: .unprocessableContent, message: "campo «\(field.name)» ripetuto: ogni campo una volta sola")
            }
            fields[field.name] = field.value
        }
        return fields
    }
}
