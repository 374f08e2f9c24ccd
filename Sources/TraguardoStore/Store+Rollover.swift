import Foundation
import SQLKit
import TraguardoCore

extension Store {
    /// Makes the plan of `year` from the Ente's plan of `scope.year` (``PlanRollover``), in one transaction.
    /// Refused, with the reason, when the source year is missing or the target year already has a plan, unless
    /// `replace` (then the target year is replaced whole, measurements included).
    public func rollover(_ scope: CycleScope, to year: Int, replace: Bool, actor: String) async throws(StoreError) -> PlanRollover.Summary {
        guard year != scope.year else { throw .integrity("l'anno di destinazione (\(year)) è lo stesso di partenza") }
        return try await write(actor: actor) { db, trail in
            guard let source = try await Self.load(scope, on: db) else {
                throw StoreError.notFound(table: "cycles", id: "\(scope.entityCode) \(scope.year)")
            }
            let target = CycleScope(entityCode: scope.entityCode, year: year)
            if !replace, let existing = try await Self.load(target, measurements: false, on: db) {
                let what = "\(existing.nodes.count) nodi dell'albero, \(existing.indicators.count) indicatori"
                throw StoreError.integrity(
                    "l'Ente «\(scope.entityCode)» ha già un piano \(year) (\(what)); per sostituirlo con quello ricavato dal "
                        + "\(scope.year) usare --replace (si perdono piano, rilevazioni e atti del \(year))")
            }
            let (plan, summary) = PlanRollover.roll(source, to: year)
            let problems = PlanReferences.problems(in: plan)
            if !problems.isEmpty { throw StoreError.integrity(problems.prefix(20).joined(separator: "; ")) }
            _ = try await Self.write(plan, on: db, trail: trail)
            try await Self.recordVersion(of: plan, kind: .draft, act: nil, on: db, trail: trail)
            return summary
        }
    }
}
