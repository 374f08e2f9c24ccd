import Foundation
import TraguardoCore

/// The fields of the editor's forms, element by element: the plan file's key (what the form posts and
/// `PlanEditor` reads), the Italian label, and how it is entered (a text, or a choice among an enumeration's
/// values or the plan's elements). And the current values of an element as text, as the forms show them and the
/// rules read them back (`1.418.965`, `31/12/2019`).
public enum PlanEditorFields {
    public enum Input: Sendable {
        case text
        /// A list, one entry per line.
        case lines
        case choice([(value: String, label: String)])
        /// A choice among the plan's elements of a kind (with «nessuno»).
        case reference(PlanIntegrity.Kind)
    }

    public struct Spec: Sendable {
        public var key: String
        public var label: String
        public var input: Input
        public var help: String?
        /// Shown only when the element is created (its code, its parent).
        public var createOnly: Bool

        init(_ key: String, _ label: String, _ input: Input = .text, help: String? = nil, createOnly: Bool = false) {
            self.key = key
            self.label = label
            self.input = input
            self.help = help
            self.createOnly = createOnly
        }
    }

    static func choices<E: RawRepresentable & CaseIterable>(_ type: E.Type, optional: Bool = true) -> Input where E.RawValue == String {
        .choice((optional ? [("", "—")] : []) + E.allCases.map { ($0.rawValue, $0.rawValue) })
    }

    static let code = Spec("codice", "Codice", help: "Non si cambia dopo: gli id degli elementi sotto dipendono da esso.", createOnly: true)

    /// The fields of a form creating or changing an element (the parent's key is a hidden field or the move form).
    public static func specs(_ element: PlanEdit.Element) -> [Spec] {
        switch element {
        case .node:
            [
                code, Spec("tipo", "Tipo", choices(PlanNodeKind.self, optional: false)), Spec("titolo", "Titolo"),
                Spec("descrizione", "Descrizione"), Spec("responsabile_unita", "Unità responsabile", .reference(.unit)),
                Spec("responsabile_persona", "Persona responsabile", .reference(.person)),
                Spec("missione", "Missione (D.M. 27/03/2013)", help: "Per esempio 011."), Spec("programma", "Programma", help: "Per esempio 005."),
                Spec("prospettiva", "Prospettiva"), Spec("arco_temporale", "Arco temporale", help: "Per esempio Triennio o 2020-2022."),
                Spec("stato", "Stato", choices(NodeStatus.self, optional: false)), Spec("peso", "Peso", help: "Per esempio 60 o 12,5."),
            ]
        case .indicator:
            [
                code, Spec("nome", "Nome"), Spec("descrizione", "Che cosa misura"), Spec("tipologia", "Tipologia", choices(IndicatorType.self)),
                Spec("regola", "Regola di calcolo", choices(ScoringRuleKind.self)), Spec("comparatore", "Comparatore", choices(Comparator.self)),
                Spec("polarita", "Polarità", choices(Polarity.self)), Spec("unita_misura", "Unità di misura", help: "%, n., gg, € …"),
                Spec("algoritmo", "Algoritmo di calcolo"), Spec("numeratore", "Numeratore"), Spec("denominatore", "Denominatore"),
                Spec("fonte_dati", "Fonte dei dati"), Spec("frequenza", "Frequenza", choices(MeasurementFrequency.self)),
                Spec("baseline.valore", "Baseline: valore", help: "Per esempio 197,33."), Spec("baseline.anno", "Baseline: anno"),
                Spec("baseline.testo", "Baseline: testo stampato"), Spec("peso", "Peso"), Spec("ufficio", "Ufficio che rileva", .reference(.unit)),
            ]
        case .target:
            [
                Spec("anno", "Anno"), Spec("periodo", "Periodo (facoltativo)", .reference(.period)),
                Spec("applicabile", "Applicabile", .choice([("", "—"), ("true", "sì"), ("false", "no")])),
                Spec("comparatore", "Comparatore", choices(Comparator.self)), Spec("valore", "Valore", help: "Per esempio 95 o 1.418.965,00."),
                Spec("secondo_valore", "Secondo valore (intervallo)"), Spec("scadenza", "Scadenza", help: "Per esempio 31/12/2019."),
                Spec("testo", "Target come stampato"),
            ]
        case .item:
            [
                code, Spec("descrizione", "Descrizione"), Spec("comparatore", "Comparatore", choices(Comparator.self)),
                Spec("valore_target", "Valore target"), Spec("scadenza", "Scadenza", help: "Per esempio 31/12/2019."),
                Spec("testo_target", "Target come stampato"), Spec("unita_misura", "Unità di misura"),
                Spec("regola", "Regola di calcolo", choices(ScoringRuleKind.self)), Spec("peso", "Peso"),
                Spec("ufficio", "Ufficio che rileva", .reference(.unit)),
            ]
        case .resource:
            [
                Spec("tipo", "Tipo", choices(ResourceKind.self, optional: false)), Spec("fase", "Fase", choices(BudgetPhase.self, optional: false)),
                Spec("importo", "Importo (€)", help: "Per esempio 1.418.965,00."), Spec("anno", "Anno"), Spec("nota", "Nota"),
            ]
        case .unit:
            [
                code, Spec("nome", "Nome"), Spec("tipo", "Tipo", choices(UnitKind.self, optional: false)),
                Spec("padre", "Dentro l'unità", .reference(.unit), createOnly: true),
            ]
        case .person: [code, Spec("nome", "Nome e cognome"), Spec("titolo", "Qualifica"), Spec("email", "Posta elettronica")]
        case .act:
            [
                code, Spec("organo", "Organo", help: "Giunta, Consiglio, Segretario Generale …"), Spec("tipo", "Tipo", choices(ActKind.self, optional: false)),
                Spec("numero", "Numero"), Spec("data", "Data", help: "Per esempio 20/12/2018."), Spec("oggetto", "Oggetto"),
            ]
        case .objective:
            [
                code, Spec("tipo", "Tipo", choices(ObjectiveKind.self, optional: false)), Spec("titolo", "Titolo"),
                Spec("descrizione", "Descrizione"), Spec("dirigente", "Dirigente", .reference(.person)), Spec("unita", "Unità", .reference(.unit)),
                Spec("assegnato_da", "Assegnato con l'atto", .reference(.act)), Spec("peso", "Peso"),
            ]
        case .link: [Spec("nodo", "Nodo dell'albero", .reference(.node))]
        case .account:
            [
                Spec("codice", "Codice del conto", help: "Per esempio 330000, 30, 3290."),
                Spec("padre", "Si somma nella riga", help: "Il codice della riga superiore (3 = 30 + 35 + 36 + 37); vuoto se nessuna."),
                Spec("descrizione", "Descrizione"), Spec("natura", "Natura", choices(AccountNature.self)),
                Spec("colonna", "Colonna", choices(AccountColumn.self)), Spec("fase", "Fase", choices(BudgetPhase.self, optional: false)),
                Spec("centro_di_costo", "Centro di costo"), Spec("importo", "Importo (€)", help: "Per esempio -1.418.965,00."),
            ]
        case .serviceStandard:
            [
                code, Spec("sezione", "Sezione"), Spec("gruppo", "Gruppo"), Spec("processo", "Processo"),
                Spec("uffici", "Uffici", .lines, help: "Uno per riga."), Spec("indicatore", "Da quando decorre il tempo"),
                Spec("standard_giorni", "Standard (giorni lavorativi)", help: "0 per «a vista»."), Spec("standard_testo", "Standard come stampato"),
            ]
        case .procedure:
            [
                code, Spec("nome", "Nome"), Spec("ambito", "Ambito", help: "TRASVERSALE, DI AREA …"), Spec("coordinatori", "Coordinatori", .lines, help: "Uno per riga."),
                Spec("risultato_atteso", "Risultato atteso"), Spec("sistema_di_controllo", "Sistema di controllo"),
                Spec("valore_target", "Valore target", help: "Per esempio 90."), Spec("comparatore", "Comparatore", choices(Comparator.self)),
                Spec("fonti", "Fonti", .lines, help: "Gli uffici che forniscono i dati, uno per riga."),
            ]
        case .role:
            [
                Spec("ruolo", "Ruolo", .choice(OrganisationalRole.allCases.map { ($0.rawValue, $0.label) })),
                Spec("unita", "Nell'unità", .reference(.unit)),
                Spec("facente_funzione", "Facente funzione", .choice([("", "—"), ("true", "sì"), ("false", "no")])),
                Spec("dal", "Dal (anno)"), Spec("al", "Al (anno)"),
            ]
        case .narrativeTable:
            [
                code, Spec("anno", "Anno", help: "Vuoto: l'anno del ciclo.", createOnly: true), Spec("titolo", "Titolo"),
                Spec("colonne", "Colonne", .lines, help: "Una per riga, per esempio Eventi e Partecipanti."),
                Spec("righe", "Righe", .lines,
                     help: "Una per riga: l'etichetta, poi un valore per colonna, separati da «;» (per esempio «Visite guidate; 12; 240»); una cella vuota resta vuota."),
                Spec("totale_stampato", "Totale come stampato", help: "Un valore per colonna separati da «;» (per esempio «15; 240»); vuoto se non è stampato."),
            ]
        case .subIndicator:
            [
                code, Spec("anno", "Anno", help: "Vuoto: l'anno del ciclo.", createOnly: true), Spec("nome", "Nome"),
                Spec("valore", "Valore", help: "Per esempio 38.477 o 37,03."), Spec("unita_misura", "Unità di misura"),
                Spec("baseline", "Baseline: valore"), Spec("anno_baseline", "Baseline: anno"),
                Spec("comparatore", "Comparatore", choices(Comparator.self)), Spec("valore_target", "Valore target"),
                Spec("variazione_stampata", "Variazione stampata (%)", help: "Come stampata nella narrativa, per esempio 2,83."),
            ]
        }
    }

    /// The element's current values by key, as the forms show them.
    public static func values(_ element: PlanEdit.Element, id: String, in plan: CyclePlan) -> [String: String] {
        func number(_ value: Decimal?) -> String { value.map { ItalianFormatting.number($0, grouping: true) } ?? "" }
        func date(_ value: CivilDate?) -> String { value?.italian ?? "" }
        switch element {
        case .node:
            guard let n = plan.nodes.first(where: { $0.id == id }) else { return [:] }
            return [
                "codice": n.code, "tipo": n.kind.rawValue, "titolo": n.title, "descrizione": n.description ?? "",
                "responsabile_unita": n.ownerUnitID ?? "", "responsabile_persona": n.ownerPersonID ?? "", "missione": n.missionCode ?? "",
                "programma": n.programmeCode ?? "", "prospettiva": n.perspective ?? "", "arco_temporale": n.timeSpan ?? "",
                "stato": n.status.rawValue, "peso": number(n.weight), "padre": n.parentID ?? "",
            ]
        case .indicator:
            guard let i = plan.indicators.first(where: { $0.id == id }) else { return [:] }
            return [
                "codice": i.code, "nome": i.name, "descrizione": i.description ?? "", "tipologia": i.type?.rawValue ?? "",
                "regola": i.rule?.rawValue ?? "", "comparatore": i.comparator?.rawValue ?? "", "polarita": i.polarity?.rawValue ?? "",
                "unita_misura": i.unit ?? "", "algoritmo": i.formula ?? "", "numeratore": i.numerator ?? "", "denominatore": i.denominator ?? "",
                "fonte_dati": i.source ?? "", "frequenza": i.frequency?.rawValue ?? "", "baseline.valore": number(i.baselineValue),
                "baseline.anno": i.baselineYear.map(String.init) ?? "", "baseline.testo": i.baselineText ?? "", "peso": number(i.weight),
                "ufficio": i.ownerUnitID ?? "", "nodo": i.nodeID ?? "", "obiettivo": i.objectiveID ?? "",
            ]
        case .target:
            guard let t = plan.targets.first(where: { $0.id == id }) else { return [:] }
            return [
                "anno": String(t.year), "periodo": t.periodCode ?? "", "applicabile": t.applicable ? "true" : "false",
                "comparatore": t.comparator?.rawValue ?? "", "valore": number(t.value), "secondo_valore": number(t.secondValue),
                "scadenza": date(t.deadline), "testo": t.text ?? "",
            ]
        case .item:
            guard let i = plan.items.first(where: { $0.id == id }) else { return [:] }
            return [
                "codice": i.code, "descrizione": i.description, "comparatore": i.comparator?.rawValue ?? "",
                "valore_target": number(i.targetValue), "scadenza": date(i.targetDeadline), "testo_target": i.targetText ?? "",
                "unita_misura": i.unit ?? "", "regola": i.rule?.rawValue ?? "", "peso": number(i.weight), "ufficio": i.responsibleUnitID ?? "",
            ]
        case .resource:
            guard let r = plan.resources.first(where: { $0.id == id }) else { return [:] }
            return ["tipo": r.kind.rawValue, "fase": r.phase.rawValue, "importo": number(r.amount), "anno": String(r.year), "nota": r.note ?? ""]
        case .unit:
            guard let u = plan.units.first(where: { $0.id == id }) else { return [:] }
            return ["codice": u.id, "nome": u.name, "tipo": u.kind.rawValue, "padre": u.parentID ?? ""]
        case .person:
            guard let p = plan.people.first(where: { $0.id == id }) else { return [:] }
            return ["codice": p.id, "nome": p.name, "titolo": p.title ?? "", "email": p.email ?? ""]
        case .act:
            guard let a = plan.acts.first(where: { $0.id == id }) else { return [:] }
            return ["codice": a.id, "organo": a.organ, "tipo": a.kind.rawValue, "numero": a.number ?? "", "data": date(a.date), "oggetto": a.subject]
        case .objective:
            guard let o = plan.objectives.first(where: { $0.id == id }) else { return [:] }
            return [
                "codice": o.code, "tipo": o.kind.rawValue, "titolo": o.title, "descrizione": o.description ?? "",
                "dirigente": o.managerPersonID ?? "", "unita": o.unitID ?? "", "assegnato_da": o.assignedByActID ?? "", "peso": number(o.weight),
            ]
        case .link:
            guard let l = plan.objectiveLinks.first(where: { $0.id == id }) else { return [:] }
            return ["nodo": l.nodeID ?? "", "obiettivo": l.objectiveID, "obiettivo_collegato": l.linkedObjectiveID ?? ""]
        case .account:
            guard let a = plan.accountLines.first(where: { $0.id == id }) else { return [:] }
            return [
                "codice": a.code, "padre": a.parentCode ?? "", "descrizione": a.description, "natura": a.nature?.rawValue ?? "",
                "colonna": a.column?.rawValue ?? "", "fase": a.phase.rawValue, "centro_di_costo": a.costCentre ?? "", "importo": number(a.amount),
                "nodo": a.nodeID ?? "",
            ]
        case .serviceStandard:
            guard let c = plan.serviceStandards.first(where: { $0.id == id }) else { return [:] }
            return [
                "codice": c.code, "sezione": c.section ?? "", "gruppo": c.groupName ?? "", "processo": c.process,
                "uffici": c.offices.joined(separator: "\n"), "indicatore": c.indicatorText ?? "", "standard_giorni": number(c.standardDays),
                "standard_testo": c.standardText ?? "",
            ]
        case .procedure:
            guard let p = plan.procedures.first(where: { $0.id == id }) else { return [:] }
            return [
                "codice": p.code, "nome": p.name, "ambito": p.scope ?? "", "coordinatori": p.coordinators.joined(separator: "\n"),
                "risultato_atteso": p.expectedResult ?? "", "sistema_di_controllo": p.controlSystem ?? "", "valore_target": number(p.targetValue),
                "comparatore": p.comparator?.rawValue ?? "", "fonti": p.sources.joined(separator: "\n"),
            ]
        case .role:
            guard let r = plan.roles.first(where: { $0.id == id }) else { return [:] }
            return [
                "persona": r.personID, "ruolo": r.role.rawValue, "unita": r.unitID ?? "", "facente_funzione": r.acting ? "true" : "false",
                "dal": r.fromYear.map(String.init) ?? "", "al": r.toYear.map(String.init) ?? "",
            ]
        case .narrativeTable:
            guard let t = plan.narrativeTables.first(where: { $0.id == id }) else { return [:] }
            func cells(_ values: [Decimal?]) -> [String] { values.map { $0.map { ItalianFormatting.number($0) } ?? "" } }
            return [
                "codice": t.code, "anno": String(t.year), "titolo": t.title, "colonne": t.columns.joined(separator: "\n"),
                "righe": t.rows.map { ([$0.label] + cells($0.values)).joined(separator: "; ") }.joined(separator: "\n"),
                "totale_stampato": cells(t.declaredTotals).joined(separator: "; "), "indicatore": t.indicatorID ?? "",
                "procedimento": t.procedureID ?? "",
            ]
        case .subIndicator:
            guard let s = plan.subIndicators.first(where: { $0.id == id }) else { return [:] }
            return [
                "codice": s.code, "anno": String(s.year), "nome": s.name, "valore": number(s.value), "unita_misura": s.unit ?? "",
                "baseline": number(s.baseline), "anno_baseline": s.baselineYear.map(String.init) ?? "",
                "comparatore": s.comparator?.rawValue ?? "", "valore_target": number(s.target),
                "variazione_stampata": number(s.declaredChange), "indicatore": s.indicatorID ?? "", "procedimento": s.procedureID ?? "",
            ]
        }
    }

    /// The plan's elements of a kind, as choices (value, label).
    public static func references(_ kind: PlanIntegrity.Kind, in plan: CyclePlan) -> [(value: String, label: String)] {
        switch kind {
        case .unit: plan.units.map { ($0.id, "\($0.id) · \($0.name)") }
        case .person: plan.people.map { ($0.id, "\($0.id) · \($0.name)") }
        case .node: plan.nodes.map { ($0.id, "\($0.code) · \($0.title)") }
        case .objective: plan.objectives.map { ($0.id, "\($0.code) · \($0.title)") }
        case .act: plan.acts.map { ($0.id, "\($0.id) · \($0.label)") }
        case .period: plan.periods.sorted { $0.sequence < $1.sequence }.map { ($0.code, "\($0.code) · \($0.name)") }
        case .indicator: plan.indicators.map { ($0.id, "\($0.id) · \($0.name)") }
        }
    }
}
