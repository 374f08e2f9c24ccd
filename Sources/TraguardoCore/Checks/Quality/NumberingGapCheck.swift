import Foundation

/// Numbered codes have no gaps: Carta dei servizi 3.3.1, 3.3.3 without 3.3.2; procedures 1…13;
/// dotted node codes 1.1, 1.3 without 1.2; strategic indicator codes G1-I02, G1-I04 without G1-I03.
public struct NumberingGapCheck: PlanCheck {
    public let code = "NUMERAZIONE-LACUNA"
    public let title = "Lacune nella numerazione"

    public init() {}

    /// Splits `3.3.2` into prefix `3.3` and last number 2; nil when the last part is not a number.
    static func split(_ code: String) -> (prefix: String, number: Int)? {
        let parts = code.split(separator: ".", omittingEmptySubsequences: false)
        guard let last = parts.last, let number = Int(last) else { return nil }
        return (parts.dropLast().joined(separator: "."), number)
    }

    /// A code and the codes it implies: `3.2.1.a` means that 3.2.1 and 3.2 exist.
    static func withAncestors(_ code: String) -> [String] {
        let parts = code.split(separator: ".", omittingEmptySubsequences: false)
        return (1...max(1, parts.count)).map { parts.prefix($0).joined(separator: ".") }
    }

    static func gaps(in codes: [String]) -> [String] {
        let numbered = Set(codes.flatMap(withAncestors)).compactMap { split($0) }
        var missing: [String] = []
        for (prefix, group) in Dictionary(grouping: numbered, by: \.prefix) {
            let present = Set(group.map(\.number))
            guard let high = present.max(), present.count > 1 else { continue }
            for number in 1..<high where !present.contains(number) {
                missing.append(prefix.isEmpty ? "\(number)" : "\(prefix).\(number)")
            }
        }
        return missing.sorted { $0.compare($1, options: .numeric) == .orderedAscending }
    }

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        var result: [Finding] = []
        let sets: [(kind: String, what: String, codes: [String])] = [
            ("carta-dei-servizi", "Carta dei servizi", plan.serviceStandards.map(\.code)),
            ("procedimento", "procedimenti monitorati", plan.procedures.map(\.code)),
            ("nodo", "albero della performance", plan.nodes.map(\.code).filter { $0.contains(".") }),
        ]
        for set in sets {
            for missing in Self.gaps(in: set.codes) {
                result.append(Finding(
                    code: code, severity: .warning, elementKind: set.kind, elementCode: missing,
                    message: "Nella numerazione di \(set.what) manca \(missing). Verificare se l'elemento è stato "
                        + "omesso o rinumerare gli elementi successivi."))
            }
        }
        // Indicator codes numbered within their node: G1-I01, G1-I02, G1-I04 (Lucca 2013).
        let lookup = PlanLookup(plan)
        var numbered: [String: (owner: String, prefix: String, width: Int, numbers: Set<Int>)] = [:]
        for indicator in plan.indicators {
            guard let match = indicator.code.wholeMatch(of: /(.+-I)([0-9]{1,3})/), let number = Int(match.2) else { continue }
            let owner = lookup.ownerCode(of: indicator), prefix = String(match.1)
            let key = "\(owner)|\(prefix)"
            var entry = numbered[key] ?? (owner, prefix, match.2.count, [])
            entry.numbers.insert(number)
            numbered[key] = entry
        }
        for entry in numbered.values.sorted(by: { ($0.owner, $0.prefix) < ($1.owner, $1.prefix) }) {
            guard let high = entry.numbers.max(), entry.numbers.count > 1 else { continue }
            for number in 1..<high where !entry.numbers.contains(number) {
                let digits = String(number)
                let missing = entry.prefix + String(repeating: "0", count: max(0, entry.width - digits.count)) + digits
                result.append(Finding(
                    code: code, severity: .warning, elementKind: "indicatore", elementCode: "\(entry.owner)/\(missing)",
                    message: "Fra gli indicatori di \(entry.owner) manca \(missing). Verificare se l'indicatore è stato "
                        + "omesso o rinumerare gli indicatori successivi."))
            }
        }
        return result
    }
}
