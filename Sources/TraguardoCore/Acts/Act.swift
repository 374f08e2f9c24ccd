import Foundation

/// An act (delibera, determinazione, comunicazione, decreto) that approves or varies the plan.
public struct Act: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var entityCode: String
    /// Giunta, Consiglio, Commissario straordinario, Segretario Generale, Dirigente, OIV …
    public var organ: String
    public var kind: ActKind
    public var number: String?
    public var date: CivilDate?
    public var subject: String
    public var provenance: Provenance?

    public init(
        id: String, entityCode: String, organ: String, kind: ActKind, number: String? = nil,
        date: CivilDate? = nil, subject: String, provenance: Provenance? = nil
    ) {
        self.id = id
        self.entityCode = entityCode
        self.organ = organ
        self.kind = kind
        self.number = number
        self.date = date
        self.subject = subject
        self.provenance = provenance
    }

    /// "Delibera di Giunta n. 38 del 08/06/2018", "Delibera del Commissario straordinario n. 55 del 09/11/2021":
    /// as the seeds cite an act.
    public var label: String {
        var text = "\(kind.label) \(Self.preposition(before: organ))\(organ)"
        if let number { text += " n. \(number)" }
        if let date { text += " del \(date.italian)" }
        return text
    }
}

extension Act {
    /// «di » before Giunta, Consiglio and proper names; «del » before an office held by one person
    /// (Commissario, Segretario Generale, Dirigente, Presidente, Ministero); «dell'» before a vowel.
    static func preposition(before organ: String) -> String {
        let lower = organ.lowercased()
        if lower.hasPrefix("di ") || lower.hasPrefix("del") { return "" }
        let masculine = ["commissario", "segretario", "dirigente", "presidente", "ministero", "direttore", "collegio", "consiglio di amministrazione"]
        if masculine.contains(where: { lower.hasPrefix($0) }) { return "del " }
        if let first = lower.first, "aeiou".contains(first) { return "dell'" }
        return "di "
    }
}

public enum ActKind: String, Sendable, Codable, CaseIterable {
    case delibera
    case determinazione
    case comunicazione
    case decreto
    case ordineDiServizio = "ordine-di-servizio"
    case circolare
    case atto

    public var label: String {
        switch self {
        case .delibera: "Delibera"
        case .determinazione: "Determinazione"
        case .comunicazione: "Comunicazione"
        case .decreto: "Decreto"
        case .ordineDiServizio: "Ordine di servizio"
        case .circolare: "Circolare"
        case .atto: "Atto"
        }
    }
}

/// A variation of the plan approved by an act: a node added, removed or changed.
public struct PlanVariation: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var actID: String
    public var nodeID: String?
    public var kind: VariationKind
    public var description: String
    /// The field changed, with the value before and after, where the variation is a change.
    public var field: String?
    public var before: String?
    public var after: String?

    public init(
        id: String, actID: String, nodeID: String? = nil, kind: VariationKind, description: String,
        field: String? = nil, before: String? = nil, after: String? = nil
    ) {
        self.id = id
        self.actID = actID
        self.nodeID = nodeID
        self.kind = kind
        self.description = description
        self.field = field
        self.before = before
        self.after = after
    }
}

public enum VariationKind: String, Sendable, Codable, CaseIterable {
    case approval = "approvazione"
    case addition = "inserimento"
    case removal = "eliminazione"
    case change = "modifica"
}
