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
        let user = try state.authorized(context, .manageUnits)
        let (plan, scope) = try await state.plan(context, user: user)
        let form = context.form ?? FormBody(fields: [])
        let code = (form[F.code] ?? "").trimmingCharacters(in: .whitespaces)
        let name = (form[F.name] ?? "").trimmingCharacters(in: .whitespaces)
        let kindText = form[F.kind] ?? ""
        let parent = (form[F.parent] ?? "").trimmingCharacters(in: .whitespaces)
        var errors: [String: String] = [:]
        if !code.isEmpty {
            if code.count > 40 || code.contains(where: { $0.isWhitespace || $0 == "/" }) {
                errors[F.code] = "Codice «\(code)» non valido: atteso un codice breve senza spazi né barre (per esempio PROG)."
            } else if let taken = plan.units.first(where: { $0.code == code || $0.id == code }) {
                errors[F.code] = "Il codice «\(code)» è già dell'unità «\(taken.name)» nel piano \(scope.year): sceglierne un altro."
            }
        }
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
            id: code.isEmpty ? Self.freeID(in: plan) : code, entityCode: scope.entityCode, parentID: parent.isEmpty ? nil : parent,
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

    /// An id for a unit without a code: `unita-N`, the first N no unit of the plan has.
    static func freeID(in plan: CyclePlan) -> String {
        let ids = Set(plan.units.map(\.id))
        var n = plan.units.count + 1
        while ids.contains("unita-\(n)") { n += 1 }
        return "unita-\(n)"
    }
}
