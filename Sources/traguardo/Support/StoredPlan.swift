import TraguardoCore
import TraguardoStore

/// The Ente-year a command names with `--entity` and `--year`, loaded from the store.
extension ScopeOptions {
    func requiredScope() throws -> CycleScope {
        guard let entity, let year else {
            throw CommandFailure(message: "indicare l'Ente e l'anno, per esempio --entity lucca --year 2018")
        }
        return CycleScope(entityCode: entity, year: year)
    }

    func loadPlan(from store: Store) async throws -> CyclePlan {
        let scope = try requiredScope()
        guard let plan = try await store.loadPlan(scope) else {
            let years = try await store.cycles(entityCode: scope.entityCode).map { String($0.year) }
            let known = years.isEmpty ? "nessun anno di «\(scope.entityCode)» è nel database" : "anni presenti: \(years.joined(separator: ", "))"
            throw CommandFailure(message: "l'Ente-anno \(scope.entityCode) \(scope.year) non è nel database (\(known))")
        }
        if let period, !plan.periods.isEmpty, !plan.periods.contains(where: { $0.code == period || $0.id == period }) {
            let codes = plan.periods.sorted { $0.sequence < $1.sequence }.map(\.code).joined(separator: ", ")
            throw CommandFailure(message: "il periodo «\(period)» non esiste in \(scope.entityCode) \(scope.year); periodi: \(codes)")
        }
        return plan
    }
}
