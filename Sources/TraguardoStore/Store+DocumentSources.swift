import Foundation
import TraguardoCore

/// What a document of an Ente-year is made from: its plan, the plans of the Enti it was made from (the RPP of
/// a merged Ente prints each part in its own layout), and the last change of the registro, which the
/// document's snapshot line names. `traguardo report` and the web «Documenti» page read it the same way.
/// For a closed period the plan and the last change are the period's frozen snapshot, so the document stays
/// byte for byte the same whatever is edited later.
public struct DocumentSources: Sendable {
    public var plan: CyclePlan
    public var components: [CyclePlan]
    public var lastChange: (number: Int64, at: Date)?
    /// The snapshot the plan comes from, when the period is closed.
    public var snapshot: SnapshotSummary?
    /// The period is closed but has no snapshot (imported already closed, never closed in Traguardo): the document
    /// is computed from the data as they are now, and says so.
    public var closedWithoutSnapshot = false
}

/// A plan a document needs is not in the database.
public struct MissingComponentPlan: Error, CustomStringConvertible, Sendable {
    public var document: String
    public var plan: CycleScope
    public var component: String

    public var description: String {
        "«\(document)» di \(plan.entityCode) \(plan.year) è fatto anche del piano di «\(component)» per lo stesso anno, "
            + "che non è nel database: importarlo (traguardo import …)"
    }
}

extension Store {
    /// The sources of the document `document` (its name, for the error) of `plan`, the Ente-year's plan the
    /// caller has already read (a page through its plan cache, a command once): only the plans of the Enti it
    /// was made from and the last change are read here, never the plan a second time.
    ///
    /// - Parameters:
    ///   - period: the period the document is for (the last of the year when nil): when it is closed, the
    ///     document is made from its latest snapshot.
    ///   - components: the Enti whose plans of the same year the document also needs, given the plan.
    public func documentSources(
        of current: CyclePlan, period: String?, document: String, components: (CyclePlan) -> [String]
    ) async throws -> DocumentSources {
        let scope = CycleScope(entityCode: current.entity.code, year: current.cycle.year)
        let frozen = try await closedPeriodSnapshot(scope, period: period)
        let plan = frozen?.plan ?? current
        var parts: [CyclePlan] = []
        for code in components(plan) {
            guard let part = try await loadPlan(CycleScope(entityCode: code, year: scope.year)) else {
                throw MissingComponentPlan(document: document, plan: scope, component: code)
            }
            parts.append(part)
        }
        if let frozen {
            return DocumentSources(plan: plan, components: parts, lastChange: frozen.lastChange, snapshot: frozen.summary)
        }
        let last = try await auditLog(AuditQuery(entityCode: scope.entityCode, year: scope.year, limit: 1)).first
        return DocumentSources(plan: plan, components: parts, lastChange: last.map { (number: $0.id, at: $0.at) },
                               closedWithoutSnapshot: Self.documentPeriod(period, among: current.periods)?.status == .closed)
    }
}
