import Foundation

/// Numbered codes have no gaps: Carta dei servizi 3.3.1, 3.3.3 without 3.3.2; procedures 1…13;
/// dotted node codes 1.1, 1.3 without 1.2.
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
        return result
    }
}
