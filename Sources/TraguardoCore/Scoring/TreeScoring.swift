import Foundation

extension ScoringEngine {
    /// The entries of a level that averages indicators, or their items when the level `countsItems`.
    private func indicatorEntries(_ list: [Indicator], countsItems: Bool) -> [AggregationEntry] {
        var entries: [AggregationEntry] = []
        for indicator in list {
            let scored = scoreIndicator(indicator)
            let items = itemsByIndicator[indicator.id] ?? []
            if countsItems && indicator.derivedFrom == nil && !items.isEmpty
                && indicator.rule != .compositeAll && indicator.rule != .compositeShare
            {
                let parent = parentCode(of: indicator)
                for item in items {
                    entries.append(AggregationEntry(element: scoreItem(item, in: indicator, parentCode: parent),
                                                    weight: item.weight))
                }
            } else {
                entries.append(AggregationEntry(element: scored, weight: indicator.weight))
            }
        }
        return entries
    }

    /// A node of the plan tree: the aggregate of its own indicators (or their items) and of its active
    /// child nodes.
    func scoreNode(_ node: PlanNode) -> ScoredElement {
        let subject = ScoreSubject(kind: .node, id: node.id, code: node.code, title: node.title)
        let levelRule = level(.node)
        let rule = CombineRule(levelRule)
        return once(subject, rule, memo: \.nodes) { scoreNodeOnce(node, subject, levelRule, rule) }
    }

    private func scoreNodeOnce(_ node: PlanNode, _ subject: ScoreSubject, _ levelRule: LevelRule, _ rule: CombineRule) -> ScoredElement {
        var entries = indicatorEntries(indicatorsByNode[node.id] ?? [], countsItems: levelRule.countsItems)
        var details: [String] = []
        for child in childrenByNode[node.id] ?? [] {
            let scored = scoreNode(child)
            if child.status == .active {
                entries.append(AggregationEntry(element: scored, weight: child.weight))
            } else {
                details.append("escluso \(child.code): nodo \(child.status.label)")
            }
        }
        return aggregate(subject: subject, entries: entries, rule: rule,
                         emptyReason: "nessun indicatore né nodo figlio", details: details)
    }

    /// An objective: the aggregate of its indicators (or their items); without indicators, of the nodes and
    /// objectives it is linked to. Punteggio from the methodology's bands.
    func scoreObjective(_ objective: Objective) -> ScoredElement {
        let subject = ScoreSubject(kind: .objective, id: objective.id, code: objective.code, title: objective.title)
        let levelRule = level(.objective)
        let rule = CombineRule(levelRule)
        return once(subject, rule, memo: \.objectives) { scoreObjectiveOnce(objective, subject, levelRule, rule) }
    }

    private func scoreObjectiveOnce(
        _ objective: Objective, _ subject: ScoreSubject, _ levelRule: LevelRule, _ rule: CombineRule
    ) -> ScoredElement {
        var entries = indicatorEntries(indicatorsByObjective[objective.id] ?? [], countsItems: levelRule.countsItems)
        var details: [String] = []
        if entries.isEmpty {
            for link in linksByObjective[objective.id] ?? [] {
                if let n = link.nodeID, let node = nodesByID[n] {
                    entries.append(AggregationEntry(element: scoreNode(node), weight: node.weight))
                }
                if let o = link.linkedObjectiveID, let linked = objectivesByID[o] {
                    entries.append(AggregationEntry(element: scoreObjective(linked), weight: linked.weight))
                }
            }
            if !entries.isEmpty { details.append("senza indicatori propri: media degli elementi collegati") }
        }
        let element = aggregate(subject: subject, entries: entries, rule: rule,
                                emptyReason: "nessun indicatore né elemento collegato", details: details,
                                points: { [self] in points(for: $0) })
        return element
    }

    /// An indicator's, node's or objective's score computed once: kept in `memo` by id; an element met again
    /// while it is being scored (a cycle of links) scores as circular instead of recursing.
    func once(
        _ subject: ScoreSubject, _ rule: CombineRule,
        memo: ReferenceWritableKeyPath<ScoringEngine, [String: ScoredElement]>, compute: () -> ScoredElement
    ) -> ScoredElement {
        if let done = self[keyPath: memo][subject.id] { return done }
        let key = "\(subject.kind):\(subject.id)"
        guard !inProgress.contains(key) else { return circular(subject, rule) }
        inProgress.insert(key)
        defer { inProgress.remove(key) }
        let element = compute()
        self[keyPath: memo][subject.id] = element
        return element
    }

    /// Every manager with individual objectives: the aggregate of their objectives; punteggio = the sum of
    /// the objectives' punteggi.
    func scoreManagers() -> [String: ScoredElement] {
        var out: [String: ScoredElement] = [:]
        let rule = CombineRule(level(.manager))
        let byPerson = Dictionary(grouping: plan.objectives.filter { $0.kind == .individual && $0.managerPersonID != nil },
                                  by: { $0.managerPersonID! })
        for (personID, list) in byPerson {
            let person = plan.people.first { $0.id == personID }
            let role = plan.roles.first { $0.personID == personID && $0.isActive(in: plan.cycle.year) }
            let title = [role?.role.label, person.map { [$0.title, $0.name].compactMap { $0 }.joined(separator: " ") }]
                .compactMap { $0 }.joined(separator: " ")
            let subject = ScoreSubject(kind: .manager, id: personID, code: person?.name ?? personID, title: title)
            let sorted = list.stableSorted { $0.sortOrder < $1.sortOrder }
            let entries = sorted.map { AggregationEntry(element: scoreObjective($0), weight: $0.weight) }
            var element = aggregate(subject: subject, entries: entries, rule: rule, emptyReason: "nessun obiettivo")
            let pts = entries.compactMap { $0.element.score.points }
            if !pts.isEmpty {
                element.score.points = pts.reduce(0, +)
                element.explanation.notes.append(
                    "punteggio \(ItalianFormatting.number(pts.reduce(0, +))) = somma(\(pts.map { ItalianFormatting.number($0) }.joined(separator: "; ")))")
            }
            out[personID] = element
        }
        return out
    }

    /// The Ente: the aggregate of the Ente objectives, or of the root nodes (methodology's `entityScoreSource`).
    func scoreEntity() -> ScoredElement {
        let subject = ScoreSubject(kind: .entity, id: plan.entity.code, code: plan.entity.shortName ?? plan.entity.code,
                                   title: plan.entity.name)
        let rule = CombineRule(level(.entity))
        let enteObjectives = plan.objectives.filter { $0.kind == .ente }.stableSorted { $0.sortOrder < $1.sortOrder }
        let roots = plan.nodes.filter { $0.parentID == nil && $0.status == .active }
        let useObjectives: Bool
        switch methodology.entityScoreSource {
        case .automatic: useObjectives = !enteObjectives.isEmpty
        case .enteObjectives: useObjectives = true
        case .rootNodes: useObjectives = false
        }
        let entries = useObjectives
            ? enteObjectives.map { AggregationEntry(element: scoreObjective($0), weight: $0.weight) }
            : roots.map { AggregationEntry(element: scoreNode($0), weight: $0.weight) }
        return aggregate(subject: subject, entries: entries, rule: rule,
                         emptyReason: useObjectives ? "nessun obiettivo di Ente" : "nessun nodo radice",
                         details: [useObjectives ? "media degli obiettivi di Ente" : "media delle aree (nodi radice)"])
    }
}

extension NodeStatus {
    var label: String {
        switch self {
        case .active: "attivo"
        case .suspended: "sospeso"
        case .eliminated: "eliminato"
        case .merged: "accorpato"
        }
    }
}
