import SQLKit
import TraguardoCore

/// What a list of Ente-years shows: the Ente, the cycle and its periods, never the whole plan.
public struct CycleHeading: Sendable, Hashable {
    public var entity: Entity
    public var cycle: Cycle
    public var periods: [MonitoringPeriod]

    public var scope: CycleScope { CycleScope(entityCode: entity.code, year: cycle.year) }
    /// The last open period (the one a rilevazione is entered for), if any.
    public var openPeriod: MonitoringPeriod? { periods.latestOpen }
}

extension Store {
    /// Every Ente-year with its Ente and periods (those of `entityCodes` only, when given), by Ente and year:
    /// the few rows a list of Ente-years needs, where `loadPlan` would read every table of every plan.
    public func cycleHeadings(entityCodes: Set<String>? = nil) async throws(StoreError) -> [CycleHeading] {
        let entities = Dictionary(try await entities().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let cycles = try await cycles().filter { entityCodes?.contains($0.entityCode) ?? true }
        return try await read { db in
            var headings: [CycleHeading] = []
            for cycle in cycles {
                guard let entity = entities[cycle.entityCode] else { continue }
                let scope = CycleScope(entityCode: cycle.entityCode, year: cycle.year)
                headings.append(CycleHeading(
                    entity: entity, cycle: cycle, periods: try await RecordRows.all(MonitoringPeriod.self, scope: scope, on: db)))
            }
            return headings
        }
    }
}
