import Foundation

/// The figures a conto economico or a cost series prints beside its lines, recomputed from the lines:
///
/// - `CODICE`, `CODICE/preventivo|aggiornato|consuntivo`: the sum of the lines whose `padre` is the code
///   (recursively) in that phase, or the line itself when it has none;
/// - `CODICE/scostamento`: consuntivo − aggiornato (the *revisione di luglio*), and
///   `/scostamento-percentuale`: that over the aggiornato, × 100, rounded to 2 decimals;
/// - `CODICE/variazione`: for a series coded by year (`PERS-2018-TOT`), the line as printed minus the
///   same line of the first year (`PERS-2014-TOT`), and `/variazione-percentuale`: that over the first
///   year, × 100, rounded to 1 decimal.
///
/// Nil for a code or a figure it does not know.
public enum AccountFigures {
    public static func value(_ path: String, in plan: CyclePlan) -> Decimal? {
        let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
        let code = parts[0]
        let figure = parts.count > 1 ? parts[1] : nil
        let lines = Dictionary(grouping: plan.accountLines, by: \.code)
        let children = Dictionary(grouping: plan.accountLines.filter { $0.parentCode != nil }, by: { $0.parentCode! })
        guard lines[code] != nil else { return nil }

        func amount(_ code: String, _ phase: BudgetPhase?, depth: Int = 0) -> Decimal? {
            guard depth < 50 else { return nil }
            let kids = (children[code] ?? []).filter { phase == nil || $0.phase == phase }
            if !kids.isEmpty {
                let codes = Array(Set(kids.map(\.code))).sorted()
                var sum = Decimal(0)
                for child in codes {
                    guard let value = amount(child, phase, depth: depth + 1) else { return nil }
                    sum += value
                }
                return sum
            }
            let own = (lines[code] ?? []).filter { phase == nil || $0.phase == phase }
            guard !own.isEmpty, Set(own.map(\.phase)).count == 1 else { return nil }
            return own.reduce(Decimal(0)) { $0 + $1.amount }
        }
        func printed(_ code: String) -> Decimal? {
            let own = lines[code] ?? []
            return own.count == 1 ? own[0].amount : nil
        }
        func firstYear(of code: String) -> String? {
            guard let match = code.firstMatch(of: /(19|20)\d\d/) else { return nil }
            let prefix = code[..<match.range.lowerBound], suffix = code[match.range.upperBound...]
            let years = lines.keys.compactMap { other -> Int? in
                guard other.hasPrefix(prefix), other.hasSuffix(suffix), other.count == code.count else { return nil }
                return Int(other.dropFirst(prefix.count).dropLast(suffix.count))
            }
            return years.min().map { "\(prefix)\($0)\(suffix)" }
        }

        switch figure {
        case nil: return amount(code, nil)
        case let phase? where BudgetPhase(rawValue: phase) != nil: return amount(code, BudgetPhase(rawValue: phase))
        case "scostamento":
            guard let final = amount(code, .consuntivo), let revised = amount(code, .aggiornato) else { return nil }
            return final - revised
        case "scostamento-percentuale":
            guard let final = amount(code, .consuntivo), let revised = amount(code, .aggiornato), revised != 0 else { return nil }
            return ((final - revised) / revised * 100).rounded(.halfUp, digits: 2)
        case "variazione", "variazione-percentuale":
            guard let base = firstYear(of: code), let value = printed(code), let first = printed(base) else { return nil }
            let change = value - first
            if figure == "variazione" { return change }
            return first == 0 ? nil : (change / first * 100).rounded(.halfUp, digits: 1)
        default: return nil
        }
    }
}
