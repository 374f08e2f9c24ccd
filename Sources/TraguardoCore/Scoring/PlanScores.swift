import Foundation

/// The scored plan of an Ente-year for one period: a `ScoredElement` (score + explanation) for every item,
/// indicator, node, objective, manager, Carta dei servizi row, procedure, their totals and the Ente.
/// Dictionaries are keyed by the element's id (the person's id for managers).
public struct PlanScores: Hashable, Sendable, Codable {
    /// The methodology version the scores come from.
    public var methodology: MethodologyReference
    /// The period scored (`ANNO`, `T2` …); nil when the plan has no periods.
    public var periodCode: String?
    public var items: [String: ScoredElement]
    public var indicators: [String: ScoredElement]
    public var nodes: [String: ScoredElement]
    public var objectives: [String: ScoredElement]
    public var managers: [String: ScoredElement]
    public var serviceRows: [String: ScoredElement]
    public var serviceCharter: ScoredElement?
    public var procedures: [String: ScoredElement]
    public var procedureTotal: ScoredElement?
    public var entity: ScoredElement

    public init(
        methodology: MethodologyReference, periodCode: String?, items: [String: ScoredElement] = [:],
        indicators: [String: ScoredElement] = [:], nodes: [String: ScoredElement] = [:],
        objectives: [String: ScoredElement] = [:], managers: [String: ScoredElement] = [:],
        serviceRows: [String: ScoredElement] = [:], serviceCharter: ScoredElement? = nil,
        procedures: [String: ScoredElement] = [:], procedureTotal: ScoredElement? = nil, entity: ScoredElement
    ) {
        self.methodology = methodology
        self.periodCode = periodCode
        self.items = items
        self.indicators = indicators
        self.nodes = nodes
        self.objectives = objectives
        self.managers = managers
        self.serviceRows = serviceRows
        self.serviceCharter = serviceCharter
        self.procedures = procedures
        self.procedureTotal = procedureTotal
        self.entity = entity
    }

    /// The node with this printed code (`C30101`, `2C`).
    public func node(code: String) -> ScoredElement? {
        nodes.values.first { $0.subject.code == code }
    }

    /// The objective with this printed code (`SG-4`, `ENTE-6`).
    public func objective(code: String) -> ScoredElement? {
        objectives.values.first { $0.subject.code == code }
    }

    /// The indicator `code` of the node or objective `parentCode` (`SG-4`, `1`).
    public func indicator(_ code: String, of parentCode: String) -> ScoredElement? {
        indicators.values.first { $0.subject.code == code && $0.subject.parentCode == parentCode }
    }

    /// The item `code` of indicator `indicatorCode` of `parentCode`.
    public func item(_ code: String, of indicatorCode: String, in parentCode: String) -> ScoredElement? {
        items.values.first { $0.subject.code == code && $0.subject.parentCode == "\(parentCode)/\(indicatorCode)" }
    }

    /// The element a person names on the command line (`traguardo explain SG-4/1`): a path
    /// `oggetto/indicatore/item` (`SG-4`, `SG-4/2b`, `C30101/1/3`), a Carta dei servizi row code (`3.3.5.a`),
    /// a procedure (`procedimento 6`), `carta-dei-servizi`, `procedimenti`, `ente`, or a manager's name.
    /// Nodes and objectives first, then indicators and items, then the rest; nil when nothing matches.
    public func element(path: String) -> ScoredElement? {
        let key = path.trimmingCharacters(in: .whitespaces)
        switch key.lowercased() {
        case "ente": return entity
        case "carta-dei-servizi": return serviceCharter
        case "procedimenti": return procedureTotal
        default: break
        }
        if key.lowercased().hasPrefix("procedimento ") {
            let code = key.dropFirst("procedimento ".count)
            return procedures.values.first { $0.subject.code == code }
        }
        let groups: [[String: ScoredElement]] = [objectives, nodes, indicators, items, serviceRows, managers]
        for group in groups {
            let hits = group.values.filter { $0.subject.path == key }
            if let hit = hits.min(by: { $0.subject.id < $1.subject.id }) { return hit }
        }
        return nil
    }

    /// Every scored element, for search by any key.
    public var all: [ScoredElement] {
        Array(items.values) + Array(indicators.values) + Array(nodes.values) + Array(objectives.values)
            + Array(managers.values) + Array(serviceRows.values) + Array(procedures.values)
            + [serviceCharter, procedureTotal, entity].compactMap { $0 }
    }
}

/// Which methodology version produced a set of scores.
public struct MethodologyReference: Hashable, Sendable, Codable {
    /// `lucca/2013/v1`; nil when the plan had none and the engine used its default rules.
    public var versionID: String?
    public var version: Int?
    public var name: String

    public init(versionID: String?, version: Int?, name: String) {
        self.versionID = versionID
        self.version = version
        self.name = name
    }
}
