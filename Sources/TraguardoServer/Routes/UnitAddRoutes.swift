import Foundation
import Hummingbird
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// Amministrazione › Unità: the POST of the add form (amministratore and controllo di gestione,
/// `Action.manageUnits`). The unit is one row of the plan's `units` table: `Store.insert` adds it with its audit
/// row, checking in the same transaction that the cycle and the parent exist. A refused form writes nothing and
/// shows the page again (422) with the errors beside the fields.
struct UnitAddRoutes {
    let state: ServerState
    typealias F = FormFields.Unita

    func add(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (plan, scope) = try await state.plan(context, user: user)
        let form = context.form ?? FormBody(fields: [])
        let code = (form[F.code] ?? "").trimmingCharacters(in: .whitespaces)
        let name = (form[F.name] ?? "").trimmingCharacters(in: .whitespaces)
        let kindText = form[F.kind] ?? ""
        let parent = (form[F.parent] ?? "").trimmingCharacters(in: .whitespaces)
        var errors: [String: String] = [:]
        if !code.isEmpty, let problem = UnitCode.problem(code, in: plan) { errors[F.code] = problem }
        if name.isEmpty { errors[F.name] = "Manca il nome dell'unità (per esempio «Ufficio Programmazione e controllo»)." }
        let kind = UnitKind(rawValue: kindText)
        if kind == nil {
            errors[F.kind] = "Tipo «\(kindText)» sconosciuto: atteso uno fra \(UnitKind.allCases.map(\.rawValue).joined(separator: ", "))."
        }
        if !parent.isEmpty, !plan.units.contains(where: { $0.id == parent }) {
            errors[F.parent] = "L'unità «\(parent)» non è nel piano \(scope.year) dell'Ente: scegliere un'unità dell'elenco o nessuna."
        }
        guard let kind, errors.isEmpty else {
            let typed = [F.code: code, F.name: name, F.kind: kindText, F.parent: parent]
            return HTMLResponse.page(
                AdminPlanPageRoutes.unitsPage(plan: plan, user: user, typed: typed, errors: errors), status: .unprocessableContent)
        }
        let unit = OrganisationalUnit(
            id: code.isEmpty ? UnitCode.freeID(in: plan) : code, entityCode: scope.entityCode, parentID: parent.isEmpty ? nil : parent,
            code: code.isEmpty ? nil : code, name: name, kind: kind,
            provenance: Provenance(source: "Amministrazione › Unità, \(user.username)"))
        let inserted: Bool
        do {
            try await state.store.insert(unit, in: scope, actor: user.username)
            inserted = true
        } catch {
            guard case .duplicate = error else { throw error }
            inserted = false
        }
        if !inserted {
            // Another request added the same code a moment ago: the database's key refuses the second one.
            let typed = [F.code: code, F.name: name, F.kind: kindText, F.parent: parent]
            return HTMLResponse.page(
                AdminPlanPageRoutes.unitsPage(plan: plan, user: user, typed: typed, errors: [
                    F.code: "Il codice «\(unit.id)» è appena stato dato a un'altra unità del piano \(scope.year): sceglierne un altro.",
                ]), status: .unprocessableContent)
        }
        return .redirect(
            to: WebRoutes.unitaEnte(ente: scope.entityCode, anno: scope.year) + "?fatto=aggiunta&unita=" + WebRoutes.segment(unit.id),
            type: .normal)
    }
}
