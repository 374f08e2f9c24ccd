import Foundation
import TraguardoCore

/// Lucca's RPP layout (seed 003, righe 94-1449): «La programmazione» (the budget by area, with the Ente's
/// total), then per area its strategic objectives with budget, and per objective its «target strategici di
/// Ente» and its «schede progetto»: ufficio responsabile, centro di costo, description, azioni complesse,
/// indicators with their targets, budget lines by account with the project's totals.
///
/// Totals are `BudgetTotals.resources` (area, objective, Ente: the sum of the strategic objectives' resources,
/// as Lucca prints them) and `BudgetTotals.accounts` (a project's lines, istituzionale and commerciale).
struct RPPProjectSheets {
    let plan: CyclePlan
    let level: Int
    let index: PlanIndex
    let phase: BudgetPhase
    var year: Int { plan.cycle.year }

    init(plan: CyclePlan, level: Int) {
        self.plan = plan
        self.level = level
        index = PlanIndex(plan)
        phase = index.budgetPhase
    }

    /// The three figures of Lucca's budget rows, in its words.
    static let kinds: [(ResourceKind, String)] = [(.proventi, "Contributi/ricavi"), (.oneri, "Costi esterni"), (.investimenti, "Investimenti")]

    /// What a project's «TOTALE COSTI» adds up: external costs and investments (not the 342001 provision).
    static let spendingNatures: Set<AccountNature> = [.costoEsterno, .investimento]

    var phaseWords: String { "budget \(phase.rawValue) \(year)" }

    func blocks() -> [DocumentBlock] {
        var blocks = programming()
        for area in index.roots { blocks += self.area(area) }
        return blocks
    }

    private func figures(of code: String?) -> [TableCell] {
        Self.kinds.map { kind, _ in .amount(BudgetTotals.resources(kind, phase, of: code, in: plan)) }
    }

    /// «La programmazione 2022»: the budget by area and the Ente's total.
    private func programming() -> [DocumentBlock] {
        var rows: [[TableCell]] = []
        for area in index.roots {
            rows.append([TableCell(PlanIndex.label(area.code, area.title))] + figures(of: area.code))
        }
        rows.append([TableCell("Totale \(phaseWords)", emphasis: .strong)]
            + figures(of: nil).map { $0.emphasised(.strong) })
        // A total the document printed for an area that the objectives' resources do not give (area 2, riga 111).
        var notes: [DocumentBlock] = []
        for area in index.roots {
            for resource in plan.resources where resource.nodeID == area.id && resource.phase == phase && resource.year == year {
                guard let rebuilt = BudgetTotals.resources(resource.kind, phase, of: area.code, in: plan), rebuilt != resource.amount else { continue }
                let words = Self.kinds.first { $0.0 == resource.kind }?.1.lowercased() ?? resource.kind.label.lowercased()
                notes.append(.note("Area \(area.code), \(words): il documento stampa \(PlanIndex.money(resource.amount))"
                    + (resource.note.map { " (\($0))" } ?? "") + "; dalla somma degli obiettivi strategici \(PlanIndex.money(rebuilt))."))
            }
        }
        return [
            .heading(level: level, text: "La programmazione \(year)"),
            .paragraph("Le risorse del \(phaseWords) per \(index.label(of: .strategicArea).lowercased()): la somma delle "
                + "risorse assegnate agli obiettivi strategici."),
            .table(DocumentTable(
                caption: "La programmazione \(year): \(phaseWords) per area strategica",
                columns: [index.label(of: .strategicArea)] + Self.kinds.map { "\($0.1) \(year)" }, rows: rows)),
        ] + notes
    }

    private func area(_ area: PlanNode) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = [
            .heading(level: level, text: "\(index.label(of: area.kind)) \(area.code): \(PlanIndex.oneLine(area.title))"),
        ]
        blocks += PlanIndex.paragraphs(area.description).map(DocumentBlock.paragraph)
        let objectives = index.children(of: area)
        var rows: [[TableCell]] = []
        for objective in objectives {
            rows.append([TableCell(objective.code, emphasis: .strong), TableCell(PlanIndex.oneLine(objective.title))] + figures(of: objective.code))
        }
        rows.append([TableCell("Totale area \(area.code)", emphasis: .strong, columnSpan: 2)]
            + figures(of: area.code).map { $0.emphasised(.strong) })
        blocks.append(.table(DocumentTable(
            caption: "Obiettivi strategici dell'area \(area.code): \(phaseWords)",
            columns: ["Codice", index.label(of: .strategicObjective)] + Self.kinds.map(\.1), rows: rows)))
        for objective in objectives { blocks += self.objective(objective) }
        return blocks
    }

    private func objective(_ objective: PlanNode) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = [
            .heading(level: level + 1, text: "\(index.label(of: objective.kind)) \(objective.code): \(PlanIndex.oneLine(objective.title))"
                + (PlanApproval.variedNote(nodeID: objective.id, in: plan).map { " (\($0))" } ?? "")),
        ]
        if objective.status != .active {
            let why = plan.variations.filter { $0.nodeID == objective.id }.map(\.description)
            blocks.append(.note("Stato: \(objective.status.rawValue)" + (why.isEmpty ? "" : " – " + why.joined(separator: "; "))))
        }
        blocks += PlanIndex.paragraphs(objective.description).map(DocumentBlock.paragraph)
        if let span = objective.timeSpan { blocks.append(.paragraph("Arco temporale: \(span).")) }
        var totals: [[TableCell]] = []
        for (kind, words) in Self.kinds {
            totals.append([
                TableCell("Totale \(words.lowercased()) previsti per l'obiettivo strategico \(objective.code) anno \(year)"),
                .amount(BudgetTotals.resources(kind, phase, of: objective.code, in: plan)),
            ])
        }
        blocks.append(.table(DocumentTable(
            caption: "Risorse dell'obiettivo strategico \(objective.code) (\(phaseWords))", columns: ["Voce", "Importo"], rows: totals)))
        let targets = index.indicators(ofNode: objective)
        if !targets.isEmpty {
            blocks.append(.table(DocumentTable(
                caption: "Target strategici di Ente dell'obiettivo \(objective.code)",
                columns: ["N.", "Target strategico", "Arco temporale"],
                rows: targets.map { indicator in
                    [TableCell(indicator.code), TableCell(target(of: indicator)), TableCell(indicator.description ?? "")]
                })))
        }
        for project in index.children(of: objective) where project.kind == .project { blocks += self.project(project) }
        return blocks
    }

    /// The target of the year as printed, else the indicator's name (Lucca's targets are the text).
    private func target(of indicator: Indicator) -> String {
        let text = index.targetText(of: indicator, year: year)
        return text.isEmpty ? PlanIndex.oneLine(indicator.name) : PlanIndex.oneLine(text)
    }

    private func project(_ project: PlanNode) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = [
            .heading(level: level + 2, text: "\(index.label(of: project.kind)) \(project.code): \(PlanIndex.oneLine(project.title))"),
        ]
        let subtree = index.subtree(of: project)
        let actions = subtree.filter { $0.id != project.id }
        let lines = index.accountLines(of: subtree)
        var facts: [[TableCell]] = []
        if let office = index.unit(project.ownerUnitID) { facts.append(["Ufficio responsabile", TableCell(office.name)]) }
        var centres: [String] = []
        for line in lines { if let c = line.costCentre, !centres.contains(c) { centres.append(c) } }
        if !centres.isEmpty {
            facts.append(["CdC", TableCell(centres.map { code in
                index.unit(code).map { "\(code) – \($0.name)" } ?? code
            }.joined(separator: "; "))])
        }
        if !actions.isEmpty {
            facts.append([TableCell(index.label(of: actions[0].kind) + (actions.count > 1 ? " (\(actions.count))" : "")),
                          TableCell(actions.map { PlanIndex.label($0.code, $0.title) }.joined(separator: "; "))])
        }
        if !facts.isEmpty {
            blocks.append(.table(DocumentTable(caption: "Scheda progetto \(project.code)", columns: ["Voce", "Contenuto"], rows: facts)))
        }
        let description = PlanIndex.paragraphs(project.description)
        if !description.isEmpty {
            blocks.append(.paragraph("Descrizione del progetto:"))
            blocks += description.map(DocumentBlock.paragraph)
        }
        let indicators = index.indicators(ofNode: project)
        if !indicators.isEmpty {
            blocks.append(.table(DocumentTable(
                caption: "Indicatori del progetto \(project.code)",
                columns: ["Target/risultato atteso", "Descrizione target/risultato atteso \(year)"],
                rows: indicators.map { [TableCell("Indicatore \($0.code)"), TableCell(target(of: $0))] })))
        }
        blocks += budgetLines(of: subtree, owner: project)
        return blocks
    }

    /// The budget lines by account of these nodes, with the totals the core rebuilds for the owner's subtree.
    private func budgetLines(of nodes: [PlanNode], owner: PlanNode) -> [DocumentBlock] {
        // A project without lines still has its footer: the document prints its costs (0,00, or an Excel error).
        let lines = index.accountLines(of: nodes)
        var rows: [[TableCell]] = []
        for line in lines {
            let action = line.nodeID.flatMap { index.nodesByID[$0] }?.code ?? ""
            let amount = TableCell.amount(line.amount)
            rows.append([
                TableCell(action), TableCell(line.code), TableCell(line.description), TableCell(PlanIndex.natureLabel(line.nature)),
                line.column == .commerciale ? "" : amount, line.column == .commerciale ? amount : "",
            ])
        }
        // The project's footer in Lucca's words (righe 241-244): each total rebuilt by the core from the lines.
        func figure(_ natures: Set<AccountNature>, minus: Set<AccountNature> = [], _ column: AccountColumn?) -> Decimal? {
            guard let plus = BudgetTotals.accounts(natures, phase, column: column, under: owner.code, in: plan) else { return nil }
            let less = minus.isEmpty ? 0 : BudgetTotals.accounts(minus, phase, column: column, under: owner.code, in: plan) ?? 0
            return plus - less
        }
        func has(_ natures: Set<AccountNature>) -> Bool { lines.contains { $0.nature.map(natures.contains) == true } }
        func footer(_ words: String, _ natures: Set<AccountNature>, minus: Set<AccountNature> = []) {
            rows.append([
                TableCell(words, emphasis: .strong, columnSpan: 4),
                .amount(figure(natures, minus: minus, .istituzionale), emphasis: .strong),
                .amount(figure(natures, minus: minus, .commerciale), emphasis: .strong),
            ])
        }
        if has([.ricavo]) { footer("TOTALE RICAVI di progetto", [.ricavo]) }
        if has([.contributo]) { footer("TOTALE CONTRIBUTI di progetto", [.contributo]) }
        if has([.provento]) { footer("TOTALE ENTRATE NETTE DI PROGETTO", [.provento], minus: [.onere]) }
        footer("TOTALE COSTI ISTITUZIONALI E COMMERCIALI", Self.spendingNatures)
        rows.append([
            TableCell("TOTALE COSTI DI PROGETTO", emphasis: .strong, columnSpan: 4),
            .amount(figure(Self.spendingNatures, nil), emphasis: .strong, columnSpan: 2),
        ])
        return [.table(DocumentTable(
            caption: "Budget per conto: \(index.label(of: owner.kind).lowercased()) \(owner.code) (\(phaseWords))",
            columns: ["Azione complessa", "Conto", "Descrizione", "Natura", "Istituzionale", "Commerciale"], rows: rows))]
    }
}
