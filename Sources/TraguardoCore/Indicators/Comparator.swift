import Foundation

/// How a measured value is compared with its target.
public enum Comparator: String, Sendable, Codable, CaseIterable {
    case atLeast = ">="
    case greaterThan = ">"
    case atMost = "<="
    case lessThan = "<"
    case equal = "="
    /// A deadline: done by the target date ("entro aprile").
    case byDate = "entro"
    /// Done or not done ("realizzazione", "report").
    case done = "realizzato"

    public var symbol: String {
        switch self {
        case .atLeast: "≥"
        case .greaterThan: ">"
        case .atMost: "≤"
        case .lessThan: "<"
        case .equal: "="
        case .byDate: "entro"
        case .done: "realizzazione"
        }
    }
}

/// Whether higher or lower values are better.
public enum Polarity: String, Sendable, Codable, CaseIterable {
    /// Higher is better (counts, shares, satisfaction).
    case increasing = "crescente"
    /// Lower is better (times, error rates, deviations, costs).
    case decreasing = "decrescente"
    /// Done by a date, or done / not done.
    case milestone
}
