import Foundation

extension Comparator {
    /// Whether lower values are the better side of this comparator (`≤`, `<`).
    var lowerIsBetter: Bool { self == .atMost || self == .lessThan }

    /// Whether `value` meets `target` under this comparator; `entro` and `realizzazione` read as `≥`.
    func isMet(_ value: Decimal, _ target: Decimal) -> Bool {
        switch self {
        case .atLeast, .byDate, .done: value >= target
        case .greaterThan: value > target
        case .atMost: value <= target
        case .lessThan: value < target
        case .equal: value == target
        }
    }

    /// The comparator implied by a polarity when none is written: lower is better → `≤`, otherwise `≥`.
    static func implied(by polarity: Polarity?) -> Comparator {
        polarity == .decreasing ? .atMost : .atLeast
    }
}

enum Percent {
    static let hundred: Decimal = 100

    /// The share of the target reached: value / target × 100, or target / value × 100 when lower is better.
    /// A zero or negative base gives 0 (100 for a lower-is-better value of 0).
    static func proportion(_ value: Decimal, of target: Decimal, lowerIsBetter: Bool) -> (Decimal, Formula) {
        if lowerIsBetter {
            let formula = Formula.infix(.infix(.number(target), "/", .number(value)), "×", .number(100))
            if value <= 0 { return (hundred, formula) }
            if target <= 0 { return (0, formula) }
            return (target / value * hundred, formula)
        }
        let formula = Formula.infix(.infix(.number(value), "/", .number(target)), "×", .number(100))
        if target <= 0 { return (value >= target ? hundred : 0, formula) }
        return (value / target * hundred, formula)
    }
}
