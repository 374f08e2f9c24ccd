import Foundation
import TraguardoCore

/// The top of the home page for the Ente-year the user is on: KPI cards (the Ente's result, objectives by
/// traffic light, measurements missing, findings open), the periods with their closing dates, and what the
/// role has to do next: an office its missing items, a dirigente or the controller the offices still
/// missing some, the OIV what is still to validate, a reader the results by area.
public struct HomeDashboard: Sendable {
    public var scopeLabel: String
    public var cards: [Card]
    public var deadlines: [Deadline]
    public var hasDeadlines: Bool
    public var todoTitle: String
    public var todo: [Todo]
    public var hasTodo: Bool
    /// Said when there is nothing to do.
    public var todoEmpty: String
    /// «I tuoi compiti»: the workflow's tasks (`HomeTasks`), set by the server.
    public var tasks: HomeTasks? = nil

    public struct Card: Sendable {
        public var title: String
        public var value: String
        public var light: ScoreBadge?
        public var note: String?
        public var link: NavLink?
    }

    public struct Deadline: Sendable {
        public var label: String
        /// The day the period ends.
        public var date: String
        /// The day the offices' values are due (the calendar's deadline), when the controller has set one.
        public var due: String?
        public var status: String
    }

    public struct Todo: Sendable {
        public var label: String
        public var href: String
        public var note: String?
    }

    /// What the server knows beyond the plan.
    public struct Facts: Sendable {
        /// The units whose measurements the user may enter (empty: none).
        public var units: Set<String>
        /// The unit of an office account.
        public var ownUnit: String?
        /// Open findings (nil: not counted for this role).
        public var openFindings: Int?
        /// Ids of the elements validated, by period code (nil: the role does not validate).
        public var validated: [String: Set<String>]?

        public init(units: Set<String>, ownUnit: String? = nil, openFindings: Int? = nil, validated: [String: Set<String>]? = nil) {
            self.units = units
            self.ownUnit = ownUnit
            self.openFindings = openFindings
            self.validated = validated
        }
    }

    /// `1 verde · 2 gialli · 0 rossi`: each count with its word in the singular for one, the plural otherwise
    /// (Italian says «0 rossi»).
    static func lightCounts(green: Int, yellow: Int, red: Int) -> String {
        func said(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }
        return [said(green, "verde", "verdi"), said(yellow, "giallo", "gialli"), said(red, "rosso", "rossi")]
            .joined(separator: " · ")
    }

    /// How many entries a to-do list shows at most.
    public static let todoLimit = 15

    public static func make(plan: CyclePlan, scores: PlanScores, role: UserRole, facts: Facts) -> HomeDashboard {
        let ente = plan.entity.code, year = plan.cycle.year
        let label = "\(plan.entity.shortName ?? plan.entity.name) – \(year)"
        let open = plan.periods.latestOpen
        func node(_ code: String) -> String { WebRoutes.nodo(ente: ente, anno: year, percorso: code) }
        // The period the scores are of (the server scores the open one, or the latest one opened): named on the card.
        let scored = scores.periodCode.flatMap { plan.period(code: $0) }
        var cards: [Card] = []
        cards.append(Card(
            title: "Risultato dell'Ente", value: scores.entity.score.shown, light: ScoreBadge(scores.entity.score),
            note: scored.map { "Periodo: \($0.name) (\($0.status.label))" },
            link: NavLink(label: "Apri il cruscotto", href: WebRoutes.cruscotto(ente: ente, anno: year) + (scored.map { "?periodo=\($0.code)" } ?? ""))))

        let lights = plan.objectives.map { scores.objectives[$0.id]?.score.trafficLight }
        if !plan.objectives.isEmpty {
            let green = lights.filter { $0 == .green }.count, yellow = lights.filter { $0 == .yellow }.count
            let red = lights.filter { $0 == .red }.count, none = lights.count - green - yellow - red
            cards.append(Card(
                title: "Obiettivi per semaforo", value: lightCounts(green: green, yellow: yellow, red: red), light: nil,
                note: none > 0 ? "\(none) senza semaforo (N.C. o senza soglie)." : nil,
                link: NavLink(label: "Vedi gli obiettivi", href: WebRoutes.cruscotto(ente: ente, anno: year) + "#obiettivi")))
        }

        let mine = facts.units
        let allMissing = open.map { MissingMeasurement.list(in: plan, period: $0.code) } ?? []
        let offices = plan.responsibleUnits()
        let myItems = plan.items.filter { offices[$0.id].map(mine.contains) ?? false }
        let myMissing = allMissing.filter { $0.unitID.map(mine.contains) ?? false }
        let counted = mine.isEmpty ? plan.items.count : myItems.count
        let missingCount = mine.isEmpty ? allMissing.count : myMissing.count
        let missingValue: String
        let missingNote: String?
        if plan.items.isEmpty || counted == 0 {
            missingValue = "–"
            missingNote = plan.items.isEmpty ? "Il piano non ha item da rilevare." : "Nessun item da rilevare per i tuoi uffici."
        } else if let open {
            missingValue = "\(missingCount) di \(counted)"
            missingNote = "Periodo aperto: \(open.name)."
        } else {
            missingValue = "–"
            missingNote = "Nessun periodo aperto."
        }
        let missingLink: NavLink? = open.flatMap { p in
            if let own = facts.ownUnit {
                return NavLink(label: "Inserisci le rilevazioni",
                               href: WebRoutes.rilevazione(ente: ente, anno: year, periodo: p.code, ufficio: own) + "?mancanti=1")
            }
            return mine.isEmpty ? NavLink(label: "Chi le deve inserire", href: WebRoutes.cruscotto(ente: ente, anno: year) + "#mancanti")
                : NavLink(label: "Vai alla rilevazione", href: WebRoutes.rilevazioneElenco(ente: ente, anno: year, periodo: p.code))
        }
        cards.append(Card(title: "Rilevazioni mancanti", value: missingValue, light: nil, note: missingNote, link: missingLink))
        if let findings = facts.openFindings {
            cards.append(Card(
                title: "Segnalazioni aperte", value: "\(findings)", light: nil, note: "Controlli sul piano e sui conti.",
                link: NavLink(label: "Apri le verifiche", href: WebRoutes.verifiche(ente: ente, anno: year))))
        }

        let deadlines = plan.periods.sorted { $0.sequence < $1.sequence }.map { p in
            Deadline(label: "\(p.name) (\(p.code))", date: p.endsOn.italian, due: p.deadline?.italian, status: p.status.label)
        }

        var todoTitle: String
        var todo: [Todo] = []
        var empty: String
        if let validated = facts.validated {
            let period = scores.periodCode ?? open?.code ?? ""
            let done = validated[period] ?? []
            todoTitle = "Da validare" + (plan.period(code: period).map { " – \($0.name)" } ?? "")
            let roots = plan.nodes.filter { $0.parentID == nil }.sorted { ($0.sortOrder, $0.code) < ($1.sortOrder, $1.code) }
            let elements = plan.objectives.map { ($0.id, $0.code, $0.title) } + roots.map { ($0.id, $0.code, $0.title) }
            todo = elements.filter { !done.contains($0.0) }.map { id, code, title in
                Todo(label: "\(code) – \(title)", href: node(code) + "#revisione",
                     note: (scores.objectives[id] ?? scores.nodes[id]).map { "risultato \($0.score.shown)" })
            }
            empty = "Tutti gli obiettivi e le aree del periodo sono validati."
        } else if let own = facts.ownUnit {
            todoTitle = "Da inserire per il tuo ufficio"
            todo = myMissing.compactMap { m in
                open.map { p in
                    Todo(label: "\(m.itemPath) – \(m.itemDescription)",
                         href: WebRoutes.rilevazione(ente: ente, anno: year, periodo: p.code, ufficio: own) + "?mancanti=1", note: nil)
                }
            }
            empty = open == nil ? "Nessun periodo aperto: non c'è nulla da inserire." : "Tutte le rilevazioni del tuo ufficio sono inserite."
        } else if !mine.isEmpty {
            todoTitle = "Uffici con rilevazioni mancanti"
            let byUnit = Dictionary(grouping: myMissing, by: { $0.unitID ?? "" })
            todo = byUnit.keys.sorted().compactMap { unit in
                open.map { p in
                    Todo(label: byUnit[unit]!.first!.unitName, href: WebRoutes.rilevazione(ente: ente, anno: year, periodo: p.code, ufficio: unit)
                         + "?mancanti=1", note: "\(byUnit[unit]!.count) da inserire")
                }
            }
            empty = open == nil ? "Nessun periodo aperto: non c'è nulla da inserire." : "Tutte le rilevazioni sono inserite."
        } else {
            todoTitle = "Risultati per area"
            let roots = plan.nodes.filter { $0.parentID == nil }.sorted { ($0.sortOrder, $0.code) < ($1.sortOrder, $1.code) }
            todo = roots.map { r in
                Todo(label: "\(r.code) – \(r.title)", href: node(r.code), note: scores.nodes[r.id].map { "risultato \($0.score.shown)" })
            }
            empty = "Il piano non ha ancora aree."
        }
        let total = todo.count
        todo = Array(todo.prefix(todoLimit))
        if total > todo.count { todoTitle += " (primi \(todo.count) di \(total))" }
        return HomeDashboard(
            scopeLabel: label, cards: cards, deadlines: deadlines, hasDeadlines: !deadlines.isEmpty, todoTitle: todoTitle, todo: todo,
            hasTodo: !todo.isEmpty, todoEmpty: empty)
    }
}
