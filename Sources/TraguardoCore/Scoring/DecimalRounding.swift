import Foundation

extension Decimal {
    /// The value rounded to `digits` decimals with the methodology's `mode`.
    ///
    /// `halfUp` rounds halves away from zero (68,4975 → 68,50), `halfEven` to the even digit
    /// (0,125 → 0,12), `truncate` drops the extra digits towards zero (68,4975 → 68,49; −1,239 → −1,23),
    /// `none` returns the value unchanged.
    public func rounded(_ mode: TraguardoCore.RoundingMode, digits: Int) -> Decimal {
        switch mode {
        case .none:
            return self
        case .halfUp:
            return Self.round(self, digits, .plain)
        case .halfEven:
            return Self.round(self, digits, .bankers)
        case .truncate:
            if self < 0 { return -Self.round(-self, digits, .down) }
            return Self.round(self, digits, .down)
        }
    }

    /// Rounded with a `RoundingRule`.
    public func rounded(_ rule: RoundingRule) -> Decimal { rounded(rule.mode, digits: rule.digits) }

    private static func round(_ value: Decimal, _ digits: Int, _ mode: NSDecimalNumber.RoundingMode) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, digits, mode)
        return output
    }
}

extension RoundingMode {
    /// The Italian name of the step as an explanation prints it: `tronca a 2 decimali`,
    /// `arrotonda all'intero`; nil for `none`.
    public func stepName(digits: Int) -> String? {
        let verb: String
        switch self {
        case .none: return nil
        case .halfUp: verb = "arrotonda"
        case .halfEven: verb = "arrotonda al pari"
        case .truncate: verb = "tronca"
        }
        switch digits {
        case 0: return "\(verb) all'intero"
        case 1: return "\(verb) a 1 decimale"
        default: return "\(verb) a \(digits) decimali"
        }
    }
}
