import Foundation

/// What a score belongs to: an item, an indicator, a node, an objective, a manager, the Ente, a row of the
/// Carta dei servizi, a monitored procedure, or one of their totals.
public struct ScoreSubject: Hashable, Sendable, Codable {
    public var kind: ScoredKind
    /// The id of the element in the plan (the person's id for a manager, the Ente's code for the Ente).
    public var id: String
    /// The printed code (`1a`, `C30101`, `SG-4`, `3.3.5.a`).
    public var code: String
    public var title: String
    /// For items and indicators, the code of the element they belong to (`C30101`, `SG-4`), to tell apart
    /// the many indicators numbered `1`.
    public var parentCode: String?

    public init(kind: ScoredKind, id: String, code: String, title: String, parentCode: String? = nil) {
        self.kind = kind
        self.id = id
        self.code = code
        self.title = title
        self.parentCode = parentCode
    }

    /// `Indicatore SG-4/1 «Realizzazione del 90% …»`, the title cut at `titleLimit` characters.
    public func label(titleLimit: Int? = 80) -> String {
        let path = parentCode.map { "\($0)/\(code)" } ?? code
        var name = kind.label
        if !path.isEmpty { name += " \(path)" }
        let clean = title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !clean.isEmpty else { return name }
        if let titleLimit, clean.count > titleLimit {
            return "\(name) «\(clean.prefix(titleLimit))…»"
        }
        return "\(name) «\(clean)»"
    }
}

public enum ScoredKind: String, Sendable, Codable, CaseIterable {
    case item
    case indicator = "indicatore"
    case node = "nodo"
    case objective = "obiettivo"
    case manager = "dirigente"
    case entity = "ente"
    case serviceRow = "carta-dei-servizi-riga"
    case serviceCharter = "carta-dei-servizi"
    case procedure = "procedimento"
    case procedureTotal = "procedimenti"

    /// The Italian label a reader sees.
    public var label: String {
        switch self {
        case .item: "Item"
        case .indicator: "Indicatore"
        case .node: "Nodo"
        case .objective: "Obiettivo"
        case .manager: "Dirigente"
        case .entity: "Ente"
        case .serviceRow: "Carta dei servizi, riga"
        case .serviceCharter: "Carta dei servizi"
        case .procedure: "Procedimento"
        case .procedureTotal: "Procedimenti monitorati"
        }
    }
}
