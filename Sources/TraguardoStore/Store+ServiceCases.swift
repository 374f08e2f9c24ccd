import Foundation
import SQLKit
import TraguardoCore

/// What replacing the cases of some services changed: per service, the cases before and after.
public struct ServiceCaseReplacement: Sendable, Hashable {
    public var serviceCode: String
    public var before: Int
    public var after: Int
}

extension Store {
    /// Replaces, in one transaction, every stored case of the services named in `cases` (and of `services`, which
    /// may name a service whose file is now empty) with `cases`: an import of a register export is the whole
    /// list of that service's cases for the year. One row per service goes to the registro modifiche, with the
    /// counts before and after (not one per case).
    @discardableResult
    public func replaceServiceCases(
        _ cases: [ServiceCase], services: Set<String> = [], in scope: CycleScope, source: String, actor: String
    ) async throws(StoreError) -> [ServiceCaseReplacement] {
        let codes = (services.union(cases.map(\.serviceCode))).sorted()
        let rows: [(ServiceCase, String)]
        do { rows = try cases.map { ($0, try RecordCodec.encode($0)) } } catch {
            throw StoreError.database("caso non codificabile: \(error)")
        }
        return try await write(actor: actor) { db, trail in
            guard try await Self.storedCycle(scope, on: db) != nil else { throw StoreError.notFound(table: "cycles", id: "\(scope)") }
            var changes: [ServiceCaseReplacement] = []
            for code in codes {
                let before = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("service_cases")
                    .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
                    .where("service_code", .equal, SQLBind(code)).first()?.decode(column: "n", as: Int.self) ?? 0
                try await db.delete(from: "service_cases")
                    .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
                    .where("service_code", .equal, SQLBind(code)).run()
                let own = rows.filter { $0.0.serviceCode == code }
                for (offset, chunk) in own.chunked(into: 400).enumerated() {
                    let insert = db.insert(into: "service_cases")
                        .columns("entity_code", "year", "service_code", "case_id", "position", "data")
                    for (index, (item, data)) in chunk.enumerated() {
                        insert.values(SQLBind(scope.entityCode), SQLBind(scope.year), SQLBind(code), SQLBind(item.caseID),
                                      SQLBind(offset * 400 + index), SQLBind(data))
                    }
                    try await insert.run()
                }
                changes.append(ServiceCaseReplacement(serviceCode: code, before: before, after: own.count))
                let summary = { (count: Int) in #"{"servizio":"\#(code)","casi":\#(count),"file":\#(Self.jsonString(source))}"# }
                await trail.add(AuditRecord(
                    action: before == 0 ? .insert : (own.isEmpty ? .delete : .update), table: "service_cases", scope: scope,
                    recordID: code, before: before == 0 ? nil : summary(before), after: own.isEmpty ? nil : summary(own.count)))
            }
            return changes
        }
    }

    /// The stored cases of the Ente-year, by service and in file order.
    public func serviceCases(in scope: CycleScope) async throws(StoreError) -> [ServiceCase] {
        try await read { db in
            try await db.select().columns("case_id", "data").from("service_cases")
                .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
                .orderBy("service_code").orderBy("position").all()
                .map { row in
                    let id = try row.decode(column: "case_id", as: String.self)
                    return try RecordCodec.decode(ServiceCase.self, from: try row.decode(column: "data", as: String.self),
                                                  table: "service_cases", id: id)
                }
        }
    }

    private static func jsonString(_ text: String) -> String {
        (try? String(data: JSONEncoder().encode(text), encoding: .utf8)) ?? "\"\""
    }
}
