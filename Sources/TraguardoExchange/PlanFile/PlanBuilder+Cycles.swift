import TraguardoCore

/// Loops a nested file cannot show but references can make: an account line whose `padre` leads back to
/// itself, a score derived (`derivato_da`) from an element that is itself computed from the first one.
extension PlanBuilder {
    func checkCycles(_ draft: Draft) {
        let plan = draft.plan
        // Account lines: per owner, code → parent code.
        for (owner, lines) in Dictionary(grouping: plan.accountLines, by: { $0.nodeID ?? "-" }) {
            var parents: [String: String] = [:]
            for line in lines { if let parent = line.parentCode { parents[line.code] = parent } }
            if let loop = Self.firstCycle(in: parents.mapValues { [$0] }) {
                report(draft, field: "conti[].padre", "le righe di conto \(owner == "-" ? "dell'Ente" : "del nodo \(owner)") formano un ciclo: "
                    + loop.joined(separator: " → ") + "; il «padre» di una riga non può discendere da essa")
            }
        }
        // Scores: a node needs its children and what its indicators derive from; an objective what its indicators derive from.
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
        if let loop = Self.firstCycle(in: needs) {
            report(draft, field: K.derivedFrom, "i punteggi derivati formano un ciclo: " + loop.joined(separator: " ← ")
                + "; un punteggio non può dipendere da sé stesso")
        }
    }

    private func report(_ draft: Draft, field: String, _ message: String) {
        diagnostics.add(PlanFileError(file: draft.firstFile, line: nil, field: field, message: message))
    }

    /// The first loop found (`[a, b, a]`), visiting keys in sorted order so the message is stable.
    static func firstCycle(in edges: [String: [String]]) -> [String]? {
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
