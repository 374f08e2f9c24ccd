import Foundation

/// The scored plan as an ordered list (`PlanScores.listed(in:)`), as `traguardo score --format json` writes it
/// and the database records it: a wire format with Italian keys, not for building on (use the typed `PlanScores`).
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
            nc = s.notComputableReason
            note = s.notes.map { Note(tipo: $0.kind.rawValue, testo: $0.text, da: $0.source) }
            formula = element.explanation.formulaLine
        }

        static func decimal(_ value: Decimal) -> String { value.description }
    }

    public init(plan: CyclePlan, scores: PlanScores) {
        ente = plan.entity.code
        nomeEnte = plan.entity.name
        anno = plan.cycle.year
        periodo = scores.periodCode
        metodologia = MethodologyLabel(nome: scores.methodology.name, versione: scores.methodology.version,
                                       id: scores.methodology.versionID)
        punteggi = scores.listed(in: plan).map { Row($0.element, depth: $0.depth) }
    }
}
