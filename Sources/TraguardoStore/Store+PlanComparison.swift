import Foundation
import TraguardoCore

/// What `traguardo diff` and the page «Confronto tra versioni» ask: two versions of an Ente-year's plan (by number or
/// date; by default the last two), or the plan of another year against this one.
public struct PlanComparisonRequest: Hashable, Sendable {
    public var scope: CycleScope
    public var from: String?
    public var to: String?
    public var otherYear: Int?

    public init(scope: CycleScope, from: String? = nil, to: String? = nil, otherYear: Int? = nil) {
        self.scope = scope
        self.from = from
        self.to = to
        self.otherYear = otherYear
    }

    /// The changes, with a title that says what was compared.
    public func compare(in store: Store) async throws -> PlanComparison {
        if let otherYear {
            let other = CycleScope(entityCode: scope.entityCode, year: otherYear)
            guard let old = try await store.loadPlan(other) else { throw PlanComparisonError.missingYear(other) }
            guard let new = try await store.loadPlan(scope) else { throw PlanComparisonError.missingYear(scope) }
            return PlanComparison(
                title: "\(scope.entityCode): piano \(otherYear) confrontato con il piano \(scope.year)",
                changes: PlanDiff.changes(from: old, to: new))
        }
        let versions = try await store.planVersions(scope)
        guard let last = versions.last else { throw PlanComparisonError.noVersions(scope) }
        let toNumber = try number(to, in: versions) ?? last.number
        let fromNumber = try number(from, in: versions) ?? versions.last(where: { $0.number < toNumber })?.number
        guard let toVersion = try await store.planVersion(scope, number: toNumber), let newPlan = toVersion.plan else {
            throw PlanComparisonError.noVersions(scope)
        }
        var oldPlan = CyclePlan(entity: newPlan.entity, cycle: newPlan.cycle)
        var fromText = "dal piano vuoto"
        if let fromNumber, let fromVersion = try await store.planVersion(scope, number: fromNumber), let plan = fromVersion.plan {
            oldPlan = plan
            fromText = "dalla versione " + fromVersion.spoken
        }
        return PlanComparison(
            title: "\(scope.entityCode) \(scope.year): \(fromText) alla versione \(toVersion.spoken)",
            changes: PlanDiff.changes(from: oldPlan, to: newPlan))
    }

    private func number(_ text: String?, in versions: [PlanVersion]) throws -> Int? {
        guard let text else { return nil }
        guard let reference = PlanVersionReference(text) else { throw PlanComparisonError.unreadable(text) }
        guard let number = reference.resolve(in: versions) else {
            throw PlanComparisonError.noSuchVersion(text, scope, available: versions.map(\.number))
        }
        return number
    }
}

/// The result of a ``PlanComparisonRequest``.
public struct PlanComparison: Hashable, Sendable {
    public var title: String
    public var changes: [PlanChange]
}

public enum PlanComparisonError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case missingYear(CycleScope)
    case noVersions(CycleScope)
    case unreadable(String)
    case noSuchVersion(String, CycleScope, available: [Int])

    public var description: String {
        switch self {
        case .missingYear(let scope):
            "l'Ente-anno \(scope.entityCode) \(scope.year) non è nel database"
        case .noVersions(let scope):
            "il piano \(scope.entityCode) \(scope.year) non ha ancora versioni registrate: se ne registra una a ogni salvataggio che lo cambia"
        case .unreadable(let text):
            "versione «\(text)» non leggibile: atteso \(PlanVersionReference.expected)"
        case .noSuchVersion(let text, let scope, let available):
            "nessuna versione «\(text)» del piano \(scope.entityCode) \(scope.year); versioni: "
                + available.map(String.init).joined(separator: ", ")
        }
    }

    public var errorDescription: String? { description }
}

extension PlanVersion {
    /// «3 (variazione, Delibera di Consiglio n. 4 del 10/11/2017, 06/12/2026 15:30, controllo)».
    public var spoken: String {
        var parts = [kind.rawValue]
        if let actLabel { parts.append(actLabel) }
        parts.append(Self.italian(at))
        parts.append(actor)
        return "\(number) (" + parts.joined(separator: ", ") + ")"
    }

    public static func italian(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Rome")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%02d/%02d/%04d %02d:%02d", c.day ?? 0, c.month ?? 0, c.year ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
