import Foundation

/// The scored plan as an ordered list, as `traguardo score` prints it and `--format json` writes it:
/// the Ente, then the tree depth first (each node followed by its indicators and their items, then its
/// children), objectives with their indicators, managers, the Carta dei servizi and the procedures.
/// Numbers are decimal strings (`"68.49"`), never binary floating point; N.C. carries its reason.
public struct ScoreListing: Hashable, Sendable, Codable {
    public var ente: String
    public var nomeEnte: String
    public var anno: Int
    public var periodo: String?
    public var metodologia: MethodologyLabel
    public var punteggi: [Row]

    public struct MethodologyLabel: Hashable, Sendable, Codable {
        public var nome: String
        public var versione: Int?
        public var id: String?
    }

    public struct Row: Hashable, Sendable, Codable {
        public var tipo: String
        public var id: String
        public var codice: String
        /// How `traguardo explain` names it (`C30101/1/1a`).
        public var percorso: String
        public var titolo: String
        /// Depth in the listing: 0 for the Ente and the groups' roots.
        public var livello: Int
        /// The value the level above uses, as a decimal string; nil when N.C.
        public var valore: String?
        /// As printed (`68,49`, `N.C.`).
        public var mostrato: String
        /// Before this level's rounding.
        public var esatto: String?
        public var semaforo: String?
        public var punti: String?
        /// The N.C. reason, when the element is N.C.
        public var nc: String?
        public var note: [Note]
        /// `68,49 = tronca a 2 decimali(media(98,99; 100; 75; 0))`
        public var formula: String

        public struct Note: Hashable, Sendable, Codable {
            public var tipo: String
            public var testo: String
            public var da: String?
        }

        init(_ element: ScoredElement, depth: Int) {
            let s = element.score
            tipo = element.subject.kind.rawValue
            id = element.subject.id
            codice = element.subject.code
            percorso = element.subject.path
            titolo = element.subject.title
            livello = depth
            valore = s.value.map(Self.decimal)
            mostrato = s.shown
            esatto = s.exactValue.map(Self.decimal)
            semaforo = s.trafficLight?.rawValue
            punti = s.points.map(Self.decimal)
            nc = s.isNotComputable
                ? (s.notes.first { $0.kind == .notComputable && $0.source == nil } ?? s.notes.first { $0.kind == .notComputable })
                    .map { Self.reason($0.text) } ?? "non computabile"
                : nil
            note = s.notes.map { Note(tipo: $0.kind.rawValue, testo: $0.text, da: $0.source) }
            formula = element.explanation.formulaLine
        }

        static func decimal(_ value: Decimal) -> String { value.description }

        static func reason(_ text: String) -> String {
            text.hasPrefix("N.C.: ") ? String(text.dropFirst("N.C.: ".count)) : text
        }
    }

    public init(plan: CyclePlan, scores: PlanScores) {
        ente = plan.entity.code
        nomeEnte = plan.entity.name
        anno = plan.cycle.year
        periodo = scores.periodCode
        metodologia = MethodologyLabel(nome: scores.methodology.name, versione: scores.methodology.version,
                                       id: scores.methodology.versionID)
        var rows = [Row(scores.entity, depth: 0)]
        let indicatorsByOwner = Dictionary(grouping: plan.indicators.stableSorted { $0.sortOrder < $1.sortOrder }) {
            $0.nodeID ?? $0.objectiveID ?? ""
        }
        let itemsByIndicator = Dictionary(grouping: plan.items.stableSorted { $0.sortOrder < $1.sortOrder }, by: \.indicatorID)
        func indicators(of owner: String, depth: Int) {
            for indicator in indicatorsByOwner[owner] ?? [] {
                guard let scored = scores.indicators[indicator.id] else { continue }
                rows.append(Row(scored, depth: depth))
                for item in itemsByIndicator[indicator.id] ?? [] {
                    if let scored = scores.items[item.id] { rows.append(Row(scored, depth: depth + 1)) }
                }
            }
        }
        let children = Dictionary(grouping: plan.nodes, by: { $0.parentID ?? "" })
        func walk(_ parent: String, depth: Int) {
            for node in (children[parent] ?? []).sorted(by: { ($0.sortOrder, $0.code) < ($1.sortOrder, $1.code) }) {
                if let scored = scores.nodes[node.id] { rows.append(Row(scored, depth: depth)) }
                indicators(of: node.id, depth: depth + 1)
                walk(node.id, depth: depth + 1)
            }
        }
        walk("", depth: 0)
        for objective in plan.objectives.stableSorted(by: { $0.sortOrder < $1.sortOrder }) {
            guard let scored = scores.objectives[objective.id] else { continue }
            rows.append(Row(scored, depth: 0))
            indicators(of: objective.id, depth: 1)
        }
        for manager in scores.managers.values.sorted(by: { $0.subject.title < $1.subject.title }) {
            rows.append(Row(manager, depth: 0))
        }
        if let charter = scores.serviceCharter { rows.append(Row(charter, depth: 0)) }
        for standard in plan.serviceStandards.stableSorted(by: { $0.sortOrder < $1.sortOrder }) {
            if let scored = scores.serviceRows[standard.id] { rows.append(Row(scored, depth: 1)) }
        }
        if let total = scores.procedureTotal { rows.append(Row(total, depth: 0)) }
        for procedure in plan.procedures.stableSorted(by: { $0.sortOrder < $1.sortOrder }) {
            if let scored = scores.procedures[procedure.id] { rows.append(Row(scored, depth: 1)) }
        }
        punteggi = rows
    }
}
