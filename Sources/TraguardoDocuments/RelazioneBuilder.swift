import Foundation
import TraguardoCore

/// The «Relazione sulla performance» of an Ente-year in the layout of the Ente's own (seeds 000 and 001):
/// a summary (the Ente's score, the managers with their punteggio), then per manager the objectives with
/// their indicators, result and narrative, then the allegati the plan has data for (Carta dei servizi,
/// procedures, Ente objectives, managers' summary, scostamenti di bilancio). The summary draws achievement by area
/// and by objective, and budget against consuntivo, as SVG figures (`AchievementChart`, `BudgetChart`).
///
/// Every figure is the scoring engine's (`Score.shown` and the number it shows, `Score.points`), taken from the
/// typed `PlanScores` in the order `traguardo score` lists them: nothing is recomputed here, so the document and
/// `traguardo score` cannot disagree.
public enum RelazioneBuilder {
    /// - Parameters:
    ///   - source: what the plan was read from (`database traguardo.sqlite`, `Examples/lucca-2013`), for the
    ///     line saying what the document was made from; nil leaves it out.
    public static func build(plan: CyclePlan, scores: PlanScores, source: String? = nil) -> Document {
        var builder = Builder(plan: plan, scores: scores)
        builder.summary()
        builder.managers()
        builder.allegati()
        return .scored(
            title: "Relazione sulla performance \(plan.cycle.year)", subtitle: "Risultati \(plan.cycle.year)",
            plan: plan, scores: scores, source: source, blocks: builder.blocks)
    }
}

/// The working state of one build: the plan, its scores in the listing's order, and the blocks written so far.
private struct Builder {
    let plan: CyclePlan
    let scores: PlanScores
    /// The scored elements in the order `traguardo score` lists them.
    let listed: [ScoredElement]
    var blocks: [DocumentBlock] = []
    private var allegatoNumber = 0

    init(plan: CyclePlan, scores: PlanScores) {
        self.plan = plan
        self.scores = scores
        listed = scores.listed(in: plan).map(\.element)
    }

    /// The listed elements of a kind, each with the plan's record of it (`records`, by id), in the listing's order.
    func listed<Record>(_ kind: ScoredKind, _ records: [Record], id: (Record) -> String) -> [(Record, ScoredElement)] {
        let byID = Dictionary(records.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
        return listed.compactMap { element in
            guard element.subject.kind == kind, let record = byID[element.subject.id] else { return nil }
            return (record, element)
        }
    }

    /// The Ente's score, when the engine scored the Ente of this plan.
    var ente: ScoredElement? { scores.entity.subject.id == plan.entity.code ? scores.entity : nil }

    /// The managers, by name.
    var scoredManagers: [ScoredElement] { listed.filter { $0.subject.kind == .manager } }

    /// The scored objectives of a kind (and of a manager), in the listing's (the plan's) order.
    func objectives(_ kind: ObjectiveKind, of personID: String? = nil) -> [(Objective, ScoredElement)] {
        let mine = plan.objectives.filter { $0.kind == kind && (personID == nil || $0.managerPersonID == personID) }
        return listed(.objective, mine, id: \.id)
    }

    // MARK: Text of a score

    /// `68,49`, or `N.C.: motivo`.
    static func result(_ element: ScoredElement) -> String {
        guard let reason = element.score.notComputableReason else { return element.score.shown }
        return "\(element.score.shown): \(reason)"
    }

    /// The result as a cell: the engine's number, or `N.C.: motivo` as text.
    static func resultCell(_ element: ScoredElement, emphasis: CellEmphasis) -> TableCell {
        element.score.isNotComputable ? .trailing(result(element), emphasis: emphasis) : .score(element.score, emphasis: emphasis)
    }

    /// The punteggio as the engine set it, in Italian digits; empty when there is none.
    func points(_ element: ScoredElement?) -> String {
        element?.score.points.map { ItalianFormatting.number($0) } ?? ""
    }

    /// The punteggio as a cell; empty when there is none.
    static func pointsCell(_ element: ScoredElement?, emphasis: CellEmphasis = .none) -> TableCell {
        .number(element?.score.points, emphasis: emphasis)
    }

    /// What the reader must know besides the number: justified deviations, manual changes, warnings.
    static func remarks(_ element: ScoredElement?) -> [String] {
        guard let score = element?.score else { return [] }
        var out: [String] = []
        for note in score.notes {
            let from = note.source.map { " (da \($0))" } ?? ""
            let label: String
            switch note.kind {
            case .justifiedDeviation: label = "Scostamento giustificato"
            case .override: label = "Modifica manuale"
            case .missingMeasurement: label = "Rilevazione mancante"
            case .warning: label = "Avviso"
            case .notComputable: continue
            }
            out.append(labelled(label, from: from, note.text))
        }
        var seen: Set<String> = []
        return out.filter { seen.insert($0).inserted }
    }

    /// `Scostamento giustificato (da SG-4/2b/1): motivo`, without repeating the label when the note starts with it.
    static func labelled(_ label: String, from: String, _ text: String) -> String {
        var body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if body.lowercased().hasPrefix(label.lowercased()) {
            body = String(body.dropFirst(label.count)).trimmingCharacters(in: CharacterSet(charactersIn: " :–-"))
        }
        return body.isEmpty ? "\(label)\(from)" : "\(label)\(from): \(body)"
    }

    /// Whether a measurement's text says something beyond the number already in the table (`100`, `97,5%`, `N.C.`).
    static func isNarrative(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed.uppercased() == "N.C." { return false }
        let figure = CharacterSet(charactersIn: "0123456789.,%+-−  ")
        return !trimmed.unicodeScalars.allSatisfy { figure.contains($0) }
    }

    /// The manager as the document names them: the person's name (`ScoreSubject.code`), else the engine's title.
    static func name(_ manager: ScoredElement) -> String {
        manager.subject.code.isEmpty ? manager.subject.title : manager.subject.code
    }

    static func emphasis(_ element: ScoredElement?) -> CellEmphasis {
        guard let score = element?.score else { return .none }
        if score.isJustifiedDeviation || score.isOverridden { return .flagged }
        if score.isNotComputable { return .muted }
        return .none
    }

    static func label(_ code: String, _ title: String) -> String {
        let clean = title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if code.isEmpty { return clean }
        return clean.isEmpty ? code : "\(code) – \(clean)"
    }

    // MARK: Chapters

    mutating func summary() {
        blocks.append(.heading(level: 1, text: "Sintesi dei risultati \(plan.cycle.year)"))
        if let ente {
            let text = !ente.score.isNotComputable
                ? "Grado di raggiungimento complessivo degli obiettivi dell'Ente: \(ente.score.shown)%."
                : "Grado di raggiungimento complessivo degli obiettivi dell'Ente: \(Self.result(ente))."
            blocks.append(.paragraph(text))
        }
        var summaryRows: [[TableCell]] = []
        for manager in scoredManagers {
            let count = objectives(.individual, of: manager.subject.id).count
            summaryRows.append([
                TableCell(Self.name(manager)), .number(Decimal(count)),
                Self.resultCell(manager, emphasis: Self.emphasis(manager)),
                Self.pointsCell(manager, emphasis: .strong),
            ])
        }
        if !summaryRows.isEmpty {
            blocks.append(.table(DocumentTable(
                caption: "Risultati dei dirigenti",
                columns: ["Dirigente", "Obiettivi", "% di raggiungimento", "Punteggio"], rows: summaryRows)))
        }
        var totals: [[TableCell]] = []
        for total in [scores.serviceCharter, scores.procedureTotal].compactMap({ $0 }) {
            totals.append([TableCell(total.subject.title), Self.resultCell(total, emphasis: .strong)])
        }
        if !totals.isEmpty {
            blocks.append(.table(DocumentTable(
                caption: "Standard di servizio e procedimenti monitorati", columns: ["Ambito", "% di raggiungimento"],
                rows: totals)))
        }
        summaryCharts()
    }

    /// Achievement by area and by objective, and, where the plan has a consuntivo of its resources, budget
    /// against consuntivo: the same figures as the tables, drawn.
    private mutating func summaryCharts() {
        if let areas = AchievementChart.byArea(plan: plan, scores: scores) { blocks.append(.figure(areas)) }
        if let objectives = AchievementChart.byObjective(plan: plan, scores: scores) { blocks.append(.figure(objectives)) }
        let budget = ResourceKind.allCases.compactMap { BudgetChart.byNode($0, plan: plan) }
        guard !budget.isEmpty else { return }
        blocks.append(.heading(level: 2, text: "Risorse: budget e consuntivo \(plan.cycle.year)"))
        for figure in budget { blocks.append(.figure(figure)) }
        budgetUseByArea()
    }

    /// «Utilizzo delle risorse per area»: for each area (and the Ente) and kind with a consuntivo, aggiornato,
    /// consuntivo, use (%) and variance, as `BudgetUse` computes them; «n.d.» and the reason when the use cannot be computed.
    private mutating func budgetUseByArea() {
        let subjects = plan.nodes.filter { $0.parentID == nil }.map { ($0.code as String?, "\($0.code) \($0.title)") }
            + [(nil, "Ente")]
        var rows: [[TableCell]] = []
        for (code, name) in subjects {
            for use in BudgetUse.uses(of: code, in: plan) where use.consuntivo != nil {
                rows.append([
                    TableCell(name, emphasis: code == nil ? .strong : .none), TableCell(use.kind.label),
                    .amount(use.aggiornato, missing: "–"), .amount(use.consuntivo, missing: "–"),
                    use.notComputableText.map { TableCell($0, alignment: .trailing) } ?? .percent(use.percent, fractionDigits: 2),
                    .amount(use.variance, missing: "–"),
                ])
            }
        }
        guard !rows.isEmpty else { return }
        blocks.append(.table(DocumentTable(
            caption: "Utilizzo delle risorse per area \(plan.cycle.year): consuntivo su budget aggiornato (euro)",
            columns: ["Area", "Voce", "Aggiornato", "Consuntivo", "Utilizzo", "Scostamento"], rows: rows)))
    }

    mutating func managers() {
        for manager in scoredManagers {
            blocks.append(.heading(level: 1, text: "Obiettivi di \(Self.name(manager))"))
            var line = "Raggiungimento medio degli obiettivi: \(Self.result(manager))"
            if !manager.score.isNotComputable { line += "%" }
            let pts = points(manager)
            if !pts.isEmpty { line += "; punteggio complessivo \(pts)" }
            blocks.append(.paragraph(line + "."))
            for (objective, element) in objectives(.individual, of: manager.subject.id) {
                self.objective(objective, element)
            }
        }
    }

    private mutating func objective(_ objective: Objective, _ element: ScoredElement) {
        blocks.append(.heading(level: 2, text: Self.label(objective.code, objective.title)))
        if let description = objective.description, !description.isEmpty { blocks.append(.paragraph(description)) }
        var line = "Risultato dell'obiettivo: \(Self.result(element))"
        if !element.score.isNotComputable { line += "%" }
        let pts = points(element)
        if !pts.isEmpty { line += "; punteggio \(pts)" }
        blocks.append(.paragraph(line + "."))
        for remark in Self.remarks(element) { blocks.append(.note(remark)) }

        let indicators = plan.indicators.enumerated()
            .filter { $0.element.objectiveID == objective.id }
            .sorted { ($0.element.sortOrder, $0.offset) < ($1.element.sortOrder, $1.offset) }
            .map(\.element)
        var tableRows: [[TableCell]] = []
        var narratives: [String] = []
        for indicator in indicators {
            guard let scored = scores.indicators[indicator.id] else { continue }
            tableRows.append([
                TableCell(indicator.code, emphasis: .strong), TableCell(indicator.name),
                Self.resultCell(scored, emphasis: Self.emphasis(scored)),
                TableCell(Self.remarks(scored).joined(separator: " ")),
            ])
            narratives += self.narratives(of: indicator)
        }
        if !tableRows.isEmpty {
            blocks.append(.table(DocumentTable(
                caption: "Indicatori dell'obiettivo \(objective.code)",
                columns: ["Indicatore", "Descrizione", "Risultato %", "Note"], rows: tableRows)))
        }
        for narrative in narratives { blocks.append(.paragraph(narrative)) }
    }

    /// What the offices wrote about the indicator's results in the period scored: `Indicatore b1: realizzato …`.
    private func narratives(of indicator: Indicator) -> [String] {
        let period = scores.periodCode.flatMap { plan.period(code: $0) }
        let items = plan.items.enumerated().filter { $0.element.indicatorID == indicator.id }
            .sorted { ($0.element.sortOrder, $0.offset) < ($1.element.sortOrder, $1.offset) }.map(\.element)
        var out: [String] = []
        for item in items {
            let measurements = plan.measurements(in: period).filter { $0.itemID == item.id }
            for measurement in measurements {
                let texts = [measurement.narrative, measurement.text, measurement.justificationNote.map { "Scostamento giustificato: \($0)" }]
                    .compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.filter(Self.isNarrative)
                var seen: Set<String> = []
                let unique = texts.filter { seen.insert($0).inserted }
                guard !unique.isEmpty else { continue }
                let where_ = items.count > 1 ? "Indicatore \(indicator.code), item \(item.code)" : "Indicatore \(indicator.code)"
                out.append("\(where_): \(unique.joined(separator: " — "))")
            }
        }
        return out
    }

    // MARK: Allegati

    private mutating func allegato(_ title: String) {
        allegatoNumber += 1
        blocks.append(.pageBreak)
        blocks.append(.heading(level: 1, text: "Allegato n. \(allegatoNumber) – \(title)"))
    }

    mutating func allegati() {
        serviceCharter()
        procedures()
        narrativeData()
        enteObjectivesTable()
        managersSummary()
        budgetVariances()
        variations()
    }

    /// The variations of the plan, act by act (the approval is on the cover, not here): those of the year apart from
    /// those carried over from earlier years with their node (`CyclePlan.carriedOverYear(of:)`), each with its year.
    private mutating func variations() {
        let varied = plan.variations.filter { $0.kind != .approval }
        guard !varied.isEmpty else { return }
        let year = plan.cycle.year
        let acts = Dictionary(plan.acts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let nodes = Dictionary(plan.nodes.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        let ordered = varied.enumerated().sorted { a, b in
            (acts[a.element.actID]?.date?.dayNumber ?? 0, a.offset) < (acts[b.element.actID]?.date?.dayNumber ?? 0, b.offset)
        }.map(\.element)
        let ofTheYear = ordered.filter { plan.carriedOverYear(of: $0) == nil }
        let carried = ordered.compactMap { variation in plan.carriedOverYear(of: variation).map { (year: $0, variation: variation) } }
        func row(_ variation: PlanVariation) -> [TableCell] {
            [TableCell(acts[variation.actID]?.label ?? variation.actID), TableCell(variation.nodeID.flatMap { nodes[$0] } ?? ""),
             TableCell(variation.kind.rawValue), TableCell(variation.description)]
        }
        func counted(_ count: Int) -> String { count == 1 ? "1 variazione" : "\(count) variazioni" }
        allegato("Variazioni del piano \(year)")
        let approval = PlanApproval.approvingAct(of: plan).map { "Piano approvato con \($0.label); " } ?? ""
        blocks.append(.paragraph(
            approval + "\(counted(ofTheYear.count)) nell'anno \(year)"
                + (carried.isEmpty ? "." : " e \(counted(carried.count)) degli anni precedenti, riportate con gli elementi che continuano.")))
        let columns = ["Atto", "Elemento", "Tipo", "Variazione"]
        if !ofTheYear.isEmpty {
            blocks.append(.table(DocumentTable(caption: "Variazioni dell'anno \(year)", columns: columns, rows: ofTheYear.map(row))))
        }
        if !carried.isEmpty {
            blocks.append(.table(DocumentTable(
                caption: "Variazioni degli anni precedenti, riportate nel piano \(year)", columns: ["Anno"] + columns,
                rows: carried.map { [TableCell(String($0.year))] + row($0.variation) })))
        }
    }

    /// The conto economico against the budget, with the scostamenti `AccountFigures` computes (seed 001, allegato n. 3).
    private mutating func budgetVariances() {
        guard let table = BudgetVarianceTable.table(plan: plan) else { return }
        allegato("Scostamenti di bilancio")
        blocks.append(.paragraph(
            "Conto economico \(plan.cycle.year): budget iniziale (preventivo), revisione di budget (aggiornato) e "
                + "consuntivo. Scostamento = consuntivo − aggiornato; scostamento % = scostamento / aggiornato × 100, "
                + "arrotondato a 2 decimali. Gli oneri sono negativi come nel documento contabile: uno scostamento "
                + "positivo è favorevole sia per i proventi sia per gli oneri."))
        blocks.append(.table(table))
    }

    private mutating func serviceCharter() {
        guard let total = scores.serviceCharter else { return }
        allegato("Carta dei servizi: rispetto degli standard")
        let results = Dictionary(plan.serviceResults.filter { $0.year == plan.cycle.year }.map { ($0.standardID, $0) },
                                 uniquingKeysWith: { a, _ in a })
        var tableRows: [[TableCell]] = []
        for (standard, scored) in listed(.serviceRow, plan.serviceStandards, id: \.id) {
            let result = results[standard.id]
            let target = standard.standardText
                ?? standard.standardDays.map { "\(ItalianFormatting.number($0)) giorni" } ?? ""
            let measured = result?.measuredText ?? result?.measuredDays.map { "\(ItalianFormatting.number($0)) giorni" } ?? ""
            tableRows.append([
                TableCell(standard.code), TableCell(standard.process), TableCell(target), TableCell(measured),
                Self.resultCell(scored, emphasis: Self.emphasis(scored)),
                TableCell((Self.remarks(scored) + [result?.note].compactMap { $0 }.filter { note in
                    note != scored.score.notComputableReason && !Self.remarks(scored).contains { $0.contains(note) }
                }).joined(separator: " ")),
            ])
        }
        tableRows.append([
            TableCell("Totale", emphasis: .strong, columnSpan: 4), Self.resultCell(total, emphasis: .strong), "",
        ])
        blocks.append(.table(DocumentTable(
            caption: "Carta dei servizi \(plan.cycle.year): rispetto degli standard",
            columns: ["Codice", "Processo", "Standard", "Rilevato", "Risultato %", "Note"], rows: tableRows)))
    }

    private mutating func procedures() {
        guard let total = scores.procedureTotal else { return }
        allegato("Procedimenti e procedure monitorati: risultati finali")
        var tableRows: [[TableCell]] = []
        for (procedure, scored) in listed(.procedure, plan.procedures, id: \.id) {
            tableRows.append([
                TableCell(procedure.code), TableCell(procedure.name), TableCell(procedure.expectedResult ?? ""),
                Self.resultCell(scored, emphasis: Self.emphasis(scored)),
                TableCell(Self.remarks(scored).joined(separator: " ")),
            ])
        }
        tableRows.append([
            TableCell("Risultato finale complessivo", emphasis: .strong, columnSpan: 3),
            Self.resultCell(total, emphasis: .strong), "",
        ])
        blocks.append(.table(DocumentTable(
            caption: "Procedimenti monitorati \(plan.cycle.year): risultati finali",
            columns: ["N.", "Procedimento/procedura", "Risultato atteso", "Risultato %", "Note"], rows: tableRows)))
    }

    /// The tables and sub-indicators written inside the narratives, as data (`NarrativeTable`, `SubIndicator`): each
    /// table with its rows, the TOTALE its rows give and, where it differs, the one printed; the sub-indicators with
    /// their value, baseline, change and whether the comparison holds.
    private mutating func narrativeData() {
        let year = plan.cycle.year
        let tables = plan.narrativeTables.filter { $0.year == year }
        let subs = plan.subIndicators.filter { $0.year == year }
        guard !tables.isEmpty || !subs.isEmpty else { return }
        allegato("Dati delle narrative: tabelle e sotto-indicatori")
        func owner(_ indicator: String?, _ procedure: String?) -> String {
            if let procedure { return "procedimento \(plan.procedures.first { $0.id == procedure }?.code ?? procedure)" }
            return "indicatore \(indicator ?? "")"
        }
        func number(_ value: Decimal?) -> String { value.map { ItalianFormatting.number($0) } ?? "" }
        for table in tables {
            var rows = table.rows.map { row in
                [TableCell(row.label)] + table.columns.indices.map { column in
                    TableCell.number(row.values.indices.contains(column) ? row.values[column] : nil)
                }
            }
            let totals = table.totals
            rows.append([TableCell("TOTALE", emphasis: .strong)] + totals.map { TableCell.number($0, emphasis: .strong) })
            let printed = table.declaredTotals
            if !printed.isEmpty, printed != totals {
                rows.append([TableCell("TOTALE stampato nel documento")] + table.columns.indices.map { column in
                    TableCell.number(printed.indices.contains(column) ? printed[column] : nil)
                })
            }
            blocks.append(.table(DocumentTable(
                caption: "\(table.title) (\(owner(table.indicatorID, table.procedureID)))", columns: ["Voce"] + table.columns, rows: rows)))
        }
        guard !subs.isEmpty else { return }
        let rows = subs.map { sub -> [TableCell] in
            let baseline = sub.baseline.map { number($0) + (sub.baselineYear.map { " (\($0))" } ?? "") } ?? ""
            let met: String = switch sub.met {
            case .some(true): "raggiunto"
            case .some(false): "non raggiunto"
            case .none: ""
            }
            return [TableCell(owner(sub.indicatorID, sub.procedureID)), TableCell(sub.name),
                    TableCell.number(sub.value), TableCell(sub.unit ?? ""),
                    TableCell(baseline, alignment: .trailing), Self.signedPercent(sub.change), TableCell(met)]
        }
        blocks.append(.table(DocumentTable(
            caption: "Sotto-indicatori delle narrative \(year)",
            columns: ["Elemento", "Sotto-indicatore", "Valore", "Unità", "Base", "Variazione", "Esito"], rows: rows)))
    }

    /// A change in per cent with its sign, as the narratives print it: «+2,83%» (the figure is 2.83).
    static func signedPercent(_ change: Decimal?) -> TableCell {
        var cell = TableCell.percent(change, fractionDigits: 2)
        if let change, change > 0 { cell.text = "+" + cell.text }
        return cell
    }

    private mutating func enteObjectivesTable() {
        let objectives = objectives(.ente)
        guard !objectives.isEmpty else { return }
        allegato("Obiettivi di Ente")
        var tableRows: [[TableCell]] = []
        for (objective, scored) in objectives {
            tableRows.append([
                TableCell(objective.code, emphasis: .strong), TableCell(objective.title),
                Self.resultCell(scored, emphasis: Self.emphasis(scored)),
                TableCell(Self.remarks(scored).joined(separator: " ")),
            ])
        }
        if let ente {
            tableRows.append([
                TableCell("Ente", emphasis: .strong, columnSpan: 2), Self.resultCell(ente, emphasis: .strong), "",
            ])
        }
        blocks.append(.table(DocumentTable(
            caption: "Obiettivi di Ente \(plan.cycle.year)", columns: ["Codice", "Obiettivo", "Risultato %", "Note"],
            rows: tableRows)))
    }

    private mutating func managersSummary() {
        let managers = scoredManagers
        guard !managers.isEmpty else { return }
        allegato("Report riassuntivo degli obiettivi dei dirigenti")
        var tableRows: [[TableCell]] = []
        for manager in managers {
            tableRows.append([TableCell(Self.name(manager), emphasis: .strong, columnSpan: 4)])
            for (objective, scored) in objectives(.individual, of: manager.subject.id) {
                tableRows.append([
                    TableCell(objective.code), TableCell(objective.title),
                    Self.resultCell(scored, emphasis: Self.emphasis(scored)), Self.pointsCell(scored),
                ])
            }
            tableRows.append([
                TableCell("Totale \(Self.name(manager))", emphasis: .strong, columnSpan: 2),
                Self.resultCell(manager, emphasis: .strong), Self.pointsCell(manager, emphasis: .strong),
            ])
        }
        blocks.append(.table(DocumentTable(
            caption: "Proposta di % di raggiungimento e punteggio per obiettivo",
            columns: ["Codice", "Obiettivo", "% di raggiungimento", "Punteggio"], rows: tableRows)))
    }
}
