import Foundation

/// The rules that hold across the records of an Ente-year, shared by the plan file reader (`PlanBuilder` in
/// TraguardoExchange) and the plan editor (`PlanEditor`): a code names an element that exists, a code is used
/// once, and no loop (a node under its own descendant, account lines whose `padre` leads back to themselves,
/// a score derived from an element that is itself computed from the first).
public enum PlanIntegrity {
    /// What kind of element a code names.
    public enum Kind: String, Sendable, CaseIterable {
        case unit = "unità"
        case person = "persona"
        case node = "nodo dell'albero"
        case objective = "obiettivo"
        case act = "atto"
        case period = "periodo"
        case indicator = "indicatore"
    }

    /// The codes of each kind the plan defines (a period by its code, the others by their id).
    public static func known(_ kind: Kind, in plan: CyclePlan) -> Set<String> {
        switch kind {
        case .unit: Set(plan.units.map(\.id))
        case .person: Set(plan.people.map(\.id))
        case .node: Set(plan.nodes.map(\.id))
        case .objective: Set(plan.objectives.map(\.id))
        case .act: Set(plan.acts.map(\.id))
        case .period: Set(plan.periods.map(\.code))
        case .indicator: Set(plan.indicators.map(\.id))
        }
    }

    /// `unità «X» non esiste in lucca 2018 (definiti: …)`, or nil when the code names an element of the plan.
    public static func unknown(_ kind: Kind, _ code: String, in plan: CyclePlan, known: Set<String>? = nil) -> String? {
        let known = known ?? Self.known(kind, in: plan)
        guard !known.contains(code) else { return nil }
        let codes = known.sorted()
        let hint = codes.isEmpty ? "nessun elemento di questo tipo è definito"
            : "definiti: \(codes.prefix(12).joined(separator: ", "))\(codes.count > 12 ? ", …" : "")"
        return "\(kind.rawValue) «\(code)» non esiste in \(plan.entity.code) \(plan.cycle.year) (\(hint))"
    }

    /// A code used twice where it must be unique.
    public static func duplicate(_ id: String, what: String) -> String {
        "il codice «\(id)» è già usato da un altro \(what) dello stesso Ente-anno"
    }

    /// One loop found: the field it belongs to (`conti[].padre`, `derivato_da`) and the sentence.
    public struct Loop: Hashable, Sendable {
        public var field: String
        public var message: String
    }

    /// The loops of the plan: account lines per owner, then scores (a node needs its children and what its
    /// indicators derive from, so a node moved under its own descendant is a loop too).
    public static func loops(in plan: CyclePlan) -> [Loop] {
        var loops: [Loop] = []
        for (owner, lines) in Dictionary(grouping: plan.accountLines, by: { $0.nodeID ?? "-" }).sorted(by: { $0.key < $1.key }) {
            var parents: [String: String] = [:]
            for line in lines { if let parent = line.parentCode { parents[line.code] = parent } }
            if let loop = firstCycle(in: parents.mapValues { [$0] }) {
                loops.append(Loop(
                    field: "conti[].padre",
                    message: "le righe di conto \(owner == "-" ? "dell'Ente" : "del nodo \(owner)") formano un ciclo: "
                        + loop.joined(separator: " → ") + "; il «padre» di una riga non può discendere da essa"))
            }
        }
        var needs: [String: [String]] = [:]
        let nodeCodes = Dictionary(plan.nodes.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        for node in plan.nodes {
            if let parent = node.parentID, let code = nodeCodes[parent] { needs["nodo \(code)", default: []].append("nodo \(node.code)") }
        }
        let objectiveCodes = Dictionary(plan.objectives.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        for indicator in plan.indicators {
            guard let derived = indicator.derivedFrom else { continue }
            let owner = indicator.nodeID.flatMap { nodeCodes[$0] }.map { "nodo \($0)" }
                ?? indicator.objectiveID.flatMap { objectiveCodes[$0] }.map { "obiettivo \($0)" }
            guard let owner else { continue }
            for source in derived.sources {
                switch source.kind {
                case .nodes: needs[owner, default: []] += source.codes.map { "nodo \($0)" }
                case .objectives: needs[owner, default: []] += source.codes.map { "obiettivo \($0)" }
                default: break
                }
            }
        }
        if let loop = firstCycle(in: needs) {
            loops.append(Loop(
                field: "derivato_da",
                message: "i punteggi derivati formano un ciclo: " + loop.joined(separator: " ← ")
                    + "; un punteggio non può dipendere da sé stesso"))
        }
        return loops
    }

    /// The first loop found (`[a, b, a]`), visiting keys in sorted order so the message is stable.
    public static func firstCycle(in edges: [String: [String]]) -> [String]? {
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var stack: [String] = []
        func visit(_ key: String) -> [String]? {
            if state[key] == 2 { return nil }
            if state[key] == 1 {
                let start = stack.firstIndex(of: key) ?? 0
                return Array(stack[start...]) + [key]
            }
            state[key] = 1
            stack.append(key)
            for next in edges[key] ?? [] {
                if let loop = visit(next) { return loop }
            }
            stack.removeLast()
            state[key] = 2
            return nil
        }
        for key in edges.keys.sorted() {
            if let loop = visit(key) { return loop }
        }
        return nil
    }
}
