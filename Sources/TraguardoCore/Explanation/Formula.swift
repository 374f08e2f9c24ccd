import Foundation

/// The right-hand side of an explanation line, as a value tree:
/// `tronca a 2 decimali(media(98,99; 100; 75; 0))` is
/// `.call("tronca a 2 decimali", [.call("media", [98,99, 100, 75, 0])])`.
///
/// The web and the documents walk the tree (to link an argument to its element, to colour it); `text`
/// renders it the one way the CLI and the tests read it.
public indirect enum Formula: Hashable, Sendable, Codable {
    /// A number, rendered in Italian (`98,99`).
    case number(Decimal)
    /// A sum of money, always with its cents (`-391.296,90`, `3.920.649,00`).
    case amount(Decimal)
    /// A value that is N.C.
    case notComputable
    /// A literal (`a vista`, `31/12/2019`, `realizzato`).
    case text(String)
    /// A named step applied to its arguments: `media(…; …)`, `tronca a 2 decimali(…)`.
    case call(String, [Formula])
    /// An infix operation: `43 / 47`, `99,81 ≥ 90`.
    case infix(Formula, String, Formula)

    /// The Italian text: arguments separated by `; `, numbers as `98,99`.
    public var text: String {
        switch self {
        case .number(let value): ItalianFormatting.formulaNumber(value)
        case .amount(let value): ItalianFormatting.amount(value)
        case .notComputable: "N.C."
        case .text(let text): text
        case .call(let name, let arguments): "\(name)(\(arguments.map(\.text).joined(separator: "; ")))"
        case .infix(let lhs, let op, let rhs): "\(lhs.text) \(op) \(rhs.text)"
        }
    }

    /// A value in the unit it measures: an amount with its cents when the unit is money (€, euro), else a number.
    public static func quantity(_ value: Decimal, unit: String?) -> Formula {
        ValueUnit.isMoney(unit) ? .amount(value) : .number(value)
    }

    /// `value ?? N.C.`
    public static func number(_ value: Decimal?) -> Formula {
        value.map { .number($0) } ?? .notComputable
    }

    /// Wraps `self` in a rounding step; `none` leaves it unchanged.
    public func rounded(_ mode: RoundingMode, digits: Int) -> Formula {
        guard let name = mode.stepName(digits: digits) else { return self }
        return .call(name, [self])
    }
}
