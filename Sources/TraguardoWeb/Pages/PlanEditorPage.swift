import Foundation
import TraguardoCore

/// Amministrazione › Editor del piano: the plan of an Ente-year (without an element: the tree, objectives, units,
/// people, acts, each with its add form) or one element (its form, the move form, the remove button, what hangs
/// under it with its add forms, and the checks' findings about it). Every form posts one `PlanEdit` to
/// `WebRoutes.pianoEditor`; a refused edit comes back with the errors beside the fields and a summary linking them.
/// For a dirigente (`area` given) the page shows only his area's elements and every form proposes the change
/// (`WebRoutes.pianoProposte`, with a note for the controller) instead of saving it.
public struct PlanEditorPage: WebPage {
    public static let templateName = "piano-editor"
    public var title: String
    public var adminNav: [NavLink]
    public var breadcrumbs: [NavLink]
    /// The error summary of a refused edit, each linking to its field.
    public var errorLinks: [ErrorLink]
    public var hasErrors: Bool
    public var details: [Detail]
    public var hasDetails: Bool
    public var findings: [String]
    public var hasFindings: Bool
    public var lists: [ElementList]
    public var forms: [EditorForm]
    /// On the plan's page: where the plan stands (bozza, or approvato with its act) and the link to the page that
    /// approves it, shows its versions and prepares the next year.
    public var planState: String?
    public var versionsHref: String?

    public struct ErrorLink: Sendable {
        public var href: String
        public var text: String
    }

    public struct Detail: Sendable {
        public var label: String
        public var value: String
    }

    public struct ElementList: Sendable {
        public var heading: String
        public var rows: [Row]
        public var hasRows: Bool
        public var empty: String
    }

    public struct Row: Sendable {
        public var indent: String
        public var code: String
        public var label: String
        public var href: String
    }

    public struct Control: Sendable {
        public var field: AdminField?
        public var select: AdminSelect?
    }

    public struct Note: Sendable {
        public var id: String
        public var text: String
    }

    public struct Hidden: Sendable {
        public var name: String
        public var value: String
    }

    public struct EditorForm: Sendable {
        public var id: String
        public var heading: String
        public var action: String
        public var hidden: [Hidden]
        /// Errors about the form as a whole (the element, a hidden parent), on top of it.
        public var notes: [Note]
        public var controls: [Control]
        public var button: String
        public var danger: Bool
        public var failed: Bool
        /// Shown unfolded: the element's own form and a refused one; the others (add, move, remove) stay
        /// folded in their `<details>` so the page stays short.
        public var open: Bool

        public init(
            id: String, heading: String, action: String, hidden: [Hidden], notes: [Note], controls: [Control], button: String,
            danger: Bool, failed: Bool, open: Bool? = nil
        ) {
            self.id = id
            self.heading = heading
            self.action = action
            self.hidden = hidden
            self.notes = notes
            self.controls = controls
            self.button = button
            self.danger = danger
            self.failed = failed
            self.open = open ?? failed
        }
    }

    /// What the page shows: the whole plan (`element` nil) or one element.
    public static func make(
        plan: CyclePlan, element: (kind: PlanEdit.Element, id: String)?, role: UserRole, entityLimit: String? = nil, scope: WebScope?, findings: [Finding] = [],
        failedForm: String? = nil, typed: [String: String] = [:], errors: [String: String] = [:], area: PlanArea? = nil
    ) -> PlanEditorPage {
        let builder = Builder(
            plan: plan, failedForm: failedForm, typed: typed, errors: errors, fingerprint: PlanFingerprint.of(plan), area: area)
        let overview = WebRoutes.pianoEditor(ente: plan.entity.code, anno: plan.cycle.year)
        let name = plan.entity.shortName ?? plan.entity.name
        var page = PlanEditorPage(
            title: "Editor del piano \(name) \(plan.cycle.year)", adminNav: AdminNavigation.links(role: role, entityLimit: entityLimit, current: .piano, scope: scope),
            breadcrumbs: [NavLink(label: "Piano \(plan.cycle.year)", href: overview)], errorLinks: [], hasErrors: !errors.isEmpty,
            details: [], hasDetails: false, findings: [], hasFindings: false, lists: [], forms: [], planState: nil, versionsHref: nil)
        if let element {
            builder.element(element.kind, id: element.id, into: &page)
            let codes = builder.codes(element.kind, id: element.id)
            page.findings = findings.filter { codes.contains($0.elementCode) }.map { "\($0.code): \($0.message)" }
            page.hasFindings = !page.findings.isEmpty
        } else {
            builder.overview(into: &page)
            page.planState = PlanApproval.stateLabel(of: plan) + "."
            page.versionsHref = WebRoutes.pianoVersioni(ente: plan.entity.code, anno: plan.cycle.year)
        }
        page.hasDetails = !page.details.isEmpty
        let formID = failedForm ?? ""
        page.errorLinks = errors.sorted { $0.key < $1.key }.map { key, message in
            ErrorLink(href: "#\(formID)-\(key)", text: message)
        }
        return page
    }

    /// Builds the lists and forms of the page.
    struct Builder {
        let plan: CyclePlan
        let failedForm: String?
        let typed: [String: String]
        let errors: [String: String]
        /// The plan's fingerprint, in every form: a post on a plan changed meanwhile is refused.
        let fingerprint: String
        /// A dirigente's area: only its elements shown, every form a proposal.
        let area: PlanArea?

        var entity: String { plan.entity.code }
        var year: Int { plan.cycle.year }
        var action: String {
            area == nil ? WebRoutes.pianoEditor(ente: entity, anno: year) : WebRoutes.pianoProposte(ente: entity, anno: year)
        }

        func href(_ kind: PlanEdit.Element, _ id: String) -> String {
            WebRoutes.pianoElemento(ente: entity, anno: year, tipo: kind.rawValue, id: id)
        }

        /// A form: its fields filled with what was typed (after a refusal) or the element's values.
        func form(
            _ formID: String, _ heading: String, _ kind: PlanEdit.Element, _ operation: PlanEdit.Operation, id: String? = nil,
            specs: [PlanEditorFields.Spec], values: [String: String] = [:], hidden: [String: String] = [:], button: String
        ) -> EditorForm {
            let failed = failedForm == formID
            let shown = failed ? typed : values
            let fieldErrors = failed ? errors : [:]
            var hiddenFields = [
                Hidden(name: FormFields.PianoEditor.form, value: formID), Hidden(name: FormFields.PianoEditor.element, value: kind.rawValue),
                Hidden(name: FormFields.PianoEditor.operation, value: operation.rawValue),
                Hidden(name: FormFields.PianoEditor.drawnFrom, value: fingerprint),
            ]
            if let id { hiddenFields.append(Hidden(name: FormFields.PianoEditor.id, value: id)) }
            hiddenFields += hidden.sorted { $0.key < $1.key }.map { Hidden(name: $0.key, value: $0.value) }
            var controls = specs.map { spec -> Control in
                let value = shown[spec.key] ?? ""
                switch spec.input {
                case .text:
                    return Control(field: AdminField.make(spec.key, spec.label, value, errors: fieldErrors, help: spec.help, prefix: formID))
                case .lines:
                    var field = AdminField.make(spec.key, spec.label, value, errors: fieldErrors, help: spec.help, prefix: formID)
                    field.multiline = true
                    return Control(field: field)
                case .choice(let choices):
                    return Control(select: select(spec, choices, value, fieldErrors, formID))
                case .reference(let kind):
                    return Control(select: select(spec, [("", "— nessuno —")] + PlanEditorFields.references(kind, in: plan), value, fieldErrors, formID))
                }
            }
            if area != nil {
                // A proposal: a note for the controller, who cites the act when he accepts it.
                controls.append(Control(field: AdminField.make(
                    FormFields.PianoEditor.note, "Nota per il controllo di gestione", shown[FormFields.PianoEditor.note] ?? "",
                    errors: fieldErrors, help: "Facoltativa: perché proponi questa modifica.", prefix: formID)))
            } else if PlanApproval.state(of: plan) == .approved {
                // An approved plan changes only by a variation citing its act: asked in every form.
                controls.append(Control(field: AdminField.make(
                    FormFields.PianoEditor.act, "Atto della variazione", shown[FormFields.PianoEditor.act] ?? "", errors: fieldErrors,
                    help: "Il piano è approvato: indicare l'atto che approva la modifica, per esempio «\(ActCitationError.example)», o il codice di un atto del piano.",
                    prefix: formID)))
            }
            // Errors on fields the form does not show (the id, a hidden parent) go on top of the form.
            let shownKeys = Set(specs.map(\.key) + [FormFields.PianoEditor.act, FormFields.PianoEditor.note])
            let others = fieldErrors.filter { !shownKeys.contains($0.key) }.sorted { $0.key < $1.key }
            let notes = others.map { key, message in Note(id: "\(formID)-\(key)", text: message) }
            return EditorForm(
                id: formID, heading: area == nil ? heading : "Proponi: " + heading.prefix(1).lowercased() + heading.dropFirst(),
                action: action, hidden: hiddenFields, notes: notes, controls: controls,
                button: area == nil ? button : "Proponi: " + button.prefix(1).lowercased() + button.dropFirst(),
                danger: operation == .remove, failed: failed, open: failed || operation == .update)
        }

        func select(
            _ spec: PlanEditorFields.Spec, _ choices: [(value: String, label: String)], _ value: String, _ errors: [String: String], _ formID: String
        ) -> AdminSelect {
            var options = choices.map { Option(value: $0.value, label: $0.label, selected: $0.value == value) }
            if !value.isEmpty, !choices.contains(where: { $0.value == value }) { options.append(Option(value: value, label: value, selected: true)) }
            return AdminSelect.make(spec.key, spec.label, options, errors: errors, prefix: formID)
        }

        func creating(_ kind: PlanEdit.Element) -> [PlanEditorFields.Spec] { PlanEditorFields.specs(kind) }
        func changing(_ kind: PlanEdit.Element) -> [PlanEditorFields.Spec] { PlanEditorFields.specs(kind).filter { !$0.createOnly } }

        func removeForm(_ kind: PlanEdit.Element, _ id: String, what: String) -> EditorForm {
            form("elimina", "Elimina \(what)", kind, .remove, id: id, specs: [], button: "Elimina \(what)")
        }

        // MARK: The whole plan

        func overview(into page: inout PlanEditorPage) {
            var rows: [Row] = []
            let shown = area.map { Set($0.nodes(in: plan).map(\.id)) }
            func add(_ parent: String?, depth: Int) {
                for node in plan.nodes.filter({ $0.parentID == parent }).sorted(by: { $0.sortOrder < $1.sortOrder }) {
                    guard shown?.contains(node.id) ?? true else {
                        add(node.id, depth: depth)
                        continue
                    }
                    rows.append(Row(
                        indent: String(repeating: "— ", count: depth), code: node.code, label: "\(node.kind.label): \(node.title)",
                        href: href(.node, node.id)))
                    add(node.id, depth: depth + 1)
                }
            }
            add(nil, depth: 0)
            if let area {
                page.lists = [
                    list("Albero della performance: la tua area (\(area.head.name))", rows, empty: "Nessun nodo dell'albero è della tua area."),
                    list("Obiettivi della tua area", area.objectives(in: plan).map {
                        Row(indent: "", code: $0.code, label: "\($0.kind.label): \($0.title)", href: href(.objective, $0.id))
                    }, empty: "Nessun obiettivo."),
                ]
                page.forms = [
                    form("nuovo-nodo", "Aggiungi un nodo dell'albero", .node, .create,
                         specs: creating(.node) + [PlanEditorFields.Spec("padre", "Sotto il nodo", .reference(.node))],
                         values: ["tipo": PlanNodeKind.project.rawValue, "stato": NodeStatus.active.rawValue], button: "Aggiungi il nodo"),
                    form("nuovo-obiettivo", "Aggiungi un obiettivo", .objective, .create, specs: creating(.objective), button: "Aggiungi l'obiettivo"),
                ]
                return
            }
            page.lists = [
                list("Albero della performance", rows, empty: "L'albero è vuoto: aggiungere un'area strategica qui sotto."),
                list("Obiettivi di Ente e individuali", plan.objectives.map {
                    Row(indent: "", code: $0.code, label: "\($0.kind.label): \($0.title)", href: href(.objective, $0.id))
                }, empty: "Nessun obiettivo."),
                list("Unità organizzative", plan.units.map { Row(indent: "", code: $0.id, label: $0.name, href: href(.unit, $0.id)) }, empty: "Nessuna unità."),
                list("Persone", plan.people.map { Row(indent: "", code: $0.id, label: $0.name, href: href(.person, $0.id)) }, empty: "Nessuna persona."),
                list("Atti", plan.acts.map { Row(indent: "", code: $0.id, label: $0.label, href: href(.act, $0.id)) }, empty: "Nessun atto."),
                accountList(plan.accountLines.filter { $0.nodeID == nil }, heading: "Conto economico dell'Ente"),
                list("Carta dei servizi", plan.serviceStandards.sorted { $0.sortOrder < $1.sortOrder }.map {
                    Row(indent: "", code: $0.code, label: [$0.process, $0.standardText].compactMap { $0 }.joined(separator: " · "), href: href(.serviceStandard, $0.id))
                }, empty: "Nessuna riga della Carta dei servizi."),
                list("Procedimenti monitorati", plan.procedures.sorted { $0.sortOrder < $1.sortOrder }.map {
                    Row(indent: "", code: $0.code, label: $0.name, href: href(.procedure, $0.id))
                }, empty: "Nessun procedimento monitorato."),
            ]
            page.forms = [
                form("nuovo-nodo", "Aggiungi un nodo dell'albero", .node, .create,
                     specs: creating(.node) + [PlanEditorFields.Spec("padre", "Sotto il nodo", .reference(.node))],
                     values: ["tipo": PlanNodeKind.strategicArea.rawValue, "stato": NodeStatus.active.rawValue], button: "Aggiungi il nodo"),
                form("nuovo-obiettivo", "Aggiungi un obiettivo", .objective, .create, specs: creating(.objective), button: "Aggiungi l'obiettivo"),
                form("nuova-unita", "Aggiungi un'unità", .unit, .create, specs: creating(.unit),
                     values: ["tipo": UnitKind.ufficio.rawValue], button: "Aggiungi l'unità"),
                form("nuova-persona", "Aggiungi una persona", .person, .create, specs: creating(.person), button: "Aggiungi la persona"),
                form("nuovo-atto", "Aggiungi un atto", .act, .create, specs: creating(.act),
                     values: ["tipo": ActKind.delibera.rawValue], button: "Aggiungi l'atto"),
                form("nuovo-conto", "Aggiungi una riga al conto economico dell'Ente", .account, .create, specs: creating(.account),
                     values: ["fase": BudgetPhase.preventivo.rawValue], button: "Aggiungi la riga di conto"),
                form("nuova-carta", "Aggiungi una riga della Carta dei servizi", .serviceStandard, .create, specs: creating(.serviceStandard),
                     button: "Aggiungi la riga"),
                form("nuovo-procedimento", "Aggiungi un procedimento monitorato", .procedure, .create, specs: creating(.procedure),
                     button: "Aggiungi il procedimento"),
            ]
        }

        func list(_ heading: String, _ rows: [Row], empty: String) -> ElementList {
            ElementList(heading: heading, rows: rows, hasRows: !rows.isEmpty, empty: empty)
        }

        // MARK: One element

        /// The codes the checks name the element by (`Finding.elementCode`).
        func codes(_ kind: PlanEdit.Element, id: String) -> Set<String> {
            switch kind {
            case .node: Set([id] + (plan.nodes.first { $0.id == id }.map { [$0.code] } ?? []))
            case .indicator: Set([id] + (plan.indicators.first { $0.id == id }.map { [$0.code] } ?? []))
            case .objective: Set([id] + (plan.objectives.first { $0.id == id }.map { [$0.code] } ?? []))
            default: [id]
            }
        }

        func element(_ kind: PlanEdit.Element, id: String, into page: inout PlanEditorPage) {
            let values = PlanEditorFields.values(kind, id: id, in: plan)
            page.title = "\(kind.label.prefix(1).uppercased() + kind.label.dropFirst()) «\(id)»"
            page.details = [Detail(label: "Id", value: id)]
            if let owner = values["padre"], !owner.isEmpty { page.details.append(Detail(label: "Padre", value: owner)) }
            page.breadcrumbs += ancestors(kind, id: id)
            let what = kind.label
            var forms = [form("modifica", "Modifica", kind, .update, id: id, specs: changing(kind), values: values, button: "Salva le modifiche")]
            switch kind {
            case .node:
                forms.append(form("sposta", "Sposta sotto un altro nodo", .node, .move, id: id,
                                  specs: [PlanEditorFields.Spec("padre", "Nuovo nodo padre", .reference(.node))], values: values, button: "Sposta il nodo"))
                page.lists = [
                    list("Nodi sotto", plan.nodes.filter { $0.parentID == id }.sorted { $0.sortOrder < $1.sortOrder }.map {
                        Row(indent: "", code: $0.code, label: "\($0.kind.label): \($0.title)", href: href(.node, $0.id))
                    }, empty: "Nessun nodo sotto questo."),
                    indicatorList(plan.indicators.filter { $0.nodeID == id }),
                    list("Risorse", plan.resources.filter { $0.nodeID == id }.map {
                        Row(indent: "", code: $0.id, label: "\($0.kind.label) \($0.phase.rawValue) \($0.year): \(ItalianFormatting.euro($0.amount))",
                            href: href(.resource, $0.id))
                    }, empty: "Nessuna risorsa."),
                    accountList(plan.accountLines.filter { $0.nodeID == id }, heading: "Righe di conto"),
                ]
                forms += [
                    form("nuovo-figlio", "Aggiungi un nodo sotto", .node, .create, specs: creating(.node),
                         values: ["tipo": PlanNodeKind.project.rawValue, "stato": NodeStatus.active.rawValue], hidden: ["padre": id],
                         button: "Aggiungi il nodo"),
                    form("nuovo-indicatore", "Aggiungi un indicatore", .indicator, .create, specs: creating(.indicator), hidden: ["nodo": id],
                         button: "Aggiungi l'indicatore"),
                    form("nuova-risorsa", "Aggiungi una risorsa", .resource, .create, specs: creating(.resource),
                         values: ["anno": String(year), "tipo": ResourceKind.oneri.rawValue, "fase": BudgetPhase.preventivo.rawValue],
                         hidden: ["nodo": id], button: "Aggiungi la risorsa"),
                    form("nuovo-conto", "Aggiungi una riga di conto", .account, .create, specs: creating(.account),
                         values: ["fase": BudgetPhase.preventivo.rawValue], hidden: ["nodo": id], button: "Aggiungi la riga di conto"),
                ]
            case .indicator:
                forms.append(form("sposta", "Sposta sotto un altro nodo", .indicator, .move, id: id,
                                  specs: [PlanEditorFields.Spec("nodo", "Nuovo nodo", .reference(.node))], values: values, button: "Sposta l'indicatore"))
                page.lists = [
                    list("Target", plan.targets.filter { $0.indicatorID == id }.map {
                        Row(indent: "", code: String($0.year), label: [$0.comparator?.rawValue, $0.value.map { ItalianFormatting.number($0) }, $0.text]
                            .compactMap { $0 }.joined(separator: " "), href: href(.target, $0.id))
                    }, empty: "Nessun target: aggiungerne uno per anno."),
                    list("Item misurati", plan.items.filter { $0.indicatorID == id }.map {
                        Row(indent: "", code: $0.code, label: $0.description, href: href(.item, $0.id))
                    }, empty: "Nessun item."),
                    list("Tabelle della narrativa", plan.narrativeTables.filter { $0.indicatorID == id }.sorted { $0.id < $1.id }.map {
                        Row(indent: "", code: $0.id, label: "\($0.title) (\($0.columns.joined(separator: ", ")); \($0.rows.count) righe)",
                            href: href(.narrativeTable, $0.id))
                    }, empty: "Nessuna tabella della narrativa."),
                    list("Sotto-indicatori", plan.subIndicators.filter { $0.indicatorID == id }.sorted { $0.id < $1.id }.map {
                        Row(indent: "", code: $0.id, label: "\($0.name): \(ItalianFormatting.number($0.value))" + ($0.unit.map { " \($0)" } ?? ""),
                            href: href(.subIndicator, $0.id))
                    }, empty: "Nessun sotto-indicatore."),
                ]
                forms += [
                    form("nuovo-target", "Aggiungi un target", .target, .create, specs: creating(.target), values: ["anno": String(year)],
                         hidden: ["indicatore": id], button: "Aggiungi il target"),
                    form("nuovo-item", "Aggiungi un item", .item, .create, specs: creating(.item), hidden: ["indicatore": id], button: "Aggiungi l'item"),
                    form("nuova-tabella", "Aggiungi una tabella della narrativa", .narrativeTable, .create, specs: creating(.narrativeTable),
                         hidden: ["indicatore": id], button: "Aggiungi la tabella"),
                    form("nuovo-sotto-indicatore", "Aggiungi un sotto-indicatore", .subIndicator, .create, specs: creating(.subIndicator),
                         hidden: ["indicatore": id], button: "Aggiungi il sotto-indicatore"),
                ]
            case .unit:
                forms.append(form("sposta", "Sposta sotto un'altra unità", .unit, .move, id: id,
                                  specs: [PlanEditorFields.Spec("padre", "Nuova unità padre", .reference(.unit))], values: values, button: "Sposta l'unità"))
            case .objective:
                page.lists = [
                    list("Collegamenti all'albero", plan.objectiveLinks.filter { $0.objectiveID == id }.map {
                        Row(indent: "", code: $0.nodeID ?? $0.linkedObjectiveID ?? "", label: $0.nodeID != nil ? "Nodo dell'albero" : "Obiettivo",
                            href: href(.link, $0.id))
                    }, empty: "Nessun collegamento."),
                    indicatorList(plan.indicators.filter { $0.objectiveID == id }),
                ]
                forms += [
                    form("nuovo-collegamento", "Collega a un nodo dell'albero", .link, .create, specs: creating(.link), hidden: ["obiettivo": id],
                         button: "Aggiungi il collegamento"),
                    form("nuovo-indicatore", "Aggiungi un indicatore", .indicator, .create, specs: creating(.indicator), hidden: ["obiettivo": id],
                         button: "Aggiungi l'indicatore"),
                ]
            case .person:
                page.lists = [
                    list("Ruoli", plan.roles.filter { $0.personID == id }.map { role in
                        Row(indent: "", code: role.id, label: [role.role.label, role.unitID.map { "in \($0)" }, role.acting ? "facente funzione" : nil]
                            .compactMap { $0 }.joined(separator: " "), href: href(.role, role.id))
                    }, empty: "Nessun ruolo."),
                ]
                forms.append(form("nuovo-ruolo", "Aggiungi un ruolo", .role, .create, specs: creating(.role),
                                  values: ["ruolo": OrganisationalRole.dirigente.rawValue], hidden: ["persona": id], button: "Aggiungi il ruolo"))
            case .link:
                forms = []
            default: break
            }
            let feminine: Set<PlanEdit.Element> = [.resource, .unit, .person, .account, .serviceStandard, .narrativeTable]
            forms.append(removeForm(kind, id, what: feminine.contains(kind) ? "questa \(what)" : "questo \(what)"))
            page.forms = forms
        }

        func accountList(_ lines: [AccountLine], heading: String) -> ElementList {
            list(heading, lines.sorted { $0.sortOrder < $1.sortOrder }.map {
                Row(indent: "", code: $0.code, label: "\($0.description) · \($0.phase.rawValue) \(ItalianFormatting.euro($0.amount))", href: href(.account, $0.id))
            }, empty: "Nessuna riga di conto.")
        }

        func indicatorList(_ indicators: [Indicator]) -> ElementList {
            list("Indicatori", indicators.sorted { $0.sortOrder < $1.sortOrder }.map {
                Row(indent: "", code: $0.code, label: $0.name, href: href(.indicator, $0.id))
            }, empty: "Nessun indicatore.")
        }

        /// The links from the plan to the element: its nodes, its indicator.
        func ancestors(_ kind: PlanEdit.Element, id: String) -> [NavLink] {
            var links: [NavLink] = []
            var node: String?
            var indicator: String?
            switch kind {
            case .node: node = plan.nodes.first { $0.id == id }?.parentID
            case .indicator: node = plan.indicators.first { $0.id == id }?.nodeID
            case .target: indicator = plan.targets.first { $0.id == id }?.indicatorID
            case .item: indicator = plan.items.first { $0.id == id }?.indicatorID
            case .narrativeTable: indicator = plan.narrativeTables.first { $0.id == id }?.indicatorID
            case .subIndicator: indicator = plan.subIndicators.first { $0.id == id }?.indicatorID
            case .resource: node = plan.resources.first { $0.id == id }?.nodeID
            case .account: node = plan.accountLines.first { $0.id == id }?.nodeID
            case .role:
                if let person = plan.roles.first(where: { $0.id == id })?.personID {
                    links.append(NavLink(label: "Persona \(person)", href: href(.person, person)))
                }
            case .link:
                if let objective = plan.objectiveLinks.first(where: { $0.id == id })?.objectiveID {
                    links.append(NavLink(label: "Obiettivo \(objective)", href: href(.objective, objective)))
                }
            default: break
            }
            if let indicator, let found = plan.indicators.first(where: { $0.id == indicator }) {
                links.insert(NavLink(label: "Indicatore \(found.code)", href: href(.indicator, found.id)), at: 0)
                node = found.nodeID
            }
            var seen: Set<String> = []
            while let current = node, seen.insert(current).inserted, let found = plan.nodes.first(where: { $0.id == current }) {
                links.insert(NavLink(label: found.code, href: href(.node, found.id)), at: 0)
                node = found.parentID
            }
            return links
        }
    }
}
