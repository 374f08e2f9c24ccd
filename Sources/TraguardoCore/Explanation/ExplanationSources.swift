import Foundation

/// Where every element of an explanation comes from: the seed document and lines, the spreadsheet and
/// row, as the plan records it. `traguardo explain` prints them under the tree.
public struct ExplanationSource: Hashable, Sendable {
    /// `Item C30101/1/3 «…»`
    public var label: String
    /// The element's definition, then its measurement or result for the year (when recorded separately).
    public var provenances: [Provenance]
}

extension CyclePlan {
    /// The sources of the elements in `explanation` (down to `maxDepth`), in the order the tree shows them,
    /// each element once; elements without a recorded source are left out.
    public func sources(of explanation: Explanation, periodID: String? = nil, maxDepth: Int? = nil) -> [ExplanationSource] {
        let nodes = Dictionary(self.nodes.map { ($0.id, $0.provenance) }, uniquingKeysWith: { a, _ in a })
        let objectives = Dictionary(self.objectives.map { ($0.id, $0.provenance) }, uniquingKeysWith: { a, _ in a })
        let indicators = Dictionary(self.indicators.map { ($0.id, $0.provenance) }, uniquingKeysWith: { a, _ in a })
        let items = Dictionary(self.items.map { ($0.id, $0.provenance) }, uniquingKeysWith: { a, _ in a })
        var measurements: [String: Provenance] = [:]
        for m in self.measurements(inPeriodNamed: periodID) {
            if let p = m.provenance { measurements[m.itemID] = p }
        }
        let standards = Dictionary(serviceStandards.map { ($0.id, $0.provenance) }, uniquingKeysWith: { a, _ in a })
        var serviceResults: [String: Provenance] = [:]
        for r in self.serviceResults where r.year == cycle.year { if let p = r.provenance { serviceResults[r.standardID] = p } }
        let procedures = Dictionary(self.procedures.map { ($0.id, $0.provenance) }, uniquingKeysWith: { a, _ in a })
        var procedureResults: [String: Provenance] = [:]
        for r in self.procedureResults where r.year == cycle.year { if let p = r.provenance { procedureResults[r.procedureID] = p } }
        let people = Dictionary(self.people.map { ($0.id, $0.provenance) }, uniquingKeysWith: { a, _ in a })

        var seen = Set<String>()
        var out: [ExplanationSource] = []
        for line in explanation.lines(titleLimit: 60, maxDepth: maxDepth) {
            let subject = line.subject
            guard seen.insert("\(subject.kind.rawValue)|\(subject.id)").inserted else { continue }
            let found: [Provenance?] = switch subject.kind {
            case .item: [items[subject.id] ?? nil, measurements[subject.id]]
            case .indicator: [indicators[subject.id] ?? nil]
            case .node: [nodes[subject.id] ?? nil]
            case .objective: [objectives[subject.id] ?? nil]
            case .manager: [people[subject.id] ?? nil]
            case .serviceRow: [standards[subject.id] ?? nil, serviceResults[subject.id]]
            case .procedure: [procedures[subject.id] ?? nil, procedureResults[subject.id]]
            case .entity: [entity.provenance]
            case .serviceCharter, .procedureTotal: []
            }
            var provenances: [Provenance] = []
            for p in found.compactMap({ $0 }) where !provenances.contains(p) { provenances.append(p) }
            if !provenances.isEmpty { out.append(ExplanationSource(label: subject.label(titleLimit: 60), provenances: provenances)) }
        }
        return out
    }
}
