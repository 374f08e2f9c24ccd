import Foundation
import TraguardoCore

/// Pisa's RPP layout (seed 003, righe 2957-3502): the «Quadro riassuntivo delle risorse» (each programme's
/// resources by voce, each priority's total and the Ente's), then per priority (linea strategica) its text and
/// per programme its scheda (descrizione, progetti, risultati attesi, soggetti coinvolti, risorse).
///
/// A priority's and the Ente's totals are `BudgetTotals.accounts` over the programmes' lines.
struct RPPProgrammes: RPPLayout {
    let input: RPPLayoutInput

    static let spending: Set<AccountNature> = [.costoEsterno, .onere, .investimento]

    func blocks() -> [DocumentBlock] {
        var blocks = summary()
        for priority in index.roots { blocks += self.priority(priority) }
        return blocks
    }

    private func total(_ natures: Set<AccountNature>, under code: String?) -> Decimal? {
        BudgetTotals.accounts(natures, phase, under: code, in: plan)
    }

    /// The natures a set of lines has, in a stable order, with their labels.
    private func natures(of lines: [AccountLine]) -> [AccountNature] {
        AccountNature.allCases.filter { nature in lines.contains { $0.nature == nature } }
    }

    private func summary() -> [DocumentBlock] {
        var rows: [[TableCell]] = []
        for priority in index.roots {
            rows.append([TableCell(PlanIndex.label(priority.code, priority.title), emphasis: .strong, columnSpan: 4)])
            for programme in index.children(of: priority) {
                for line in index.accountLines(of: index.subtree(of: programme)) {
                    rows.append([
                        TableCell("\(index.label(of: programme.kind)) \(programme.code)"), TableCell(line.description),
                        TableCell(PlanIndex.natureLabel(line.nature)), .amount(line.amount),
                    ])
                }
            }
            let lines = index.accountLines(of: index.subtree(of: priority))
            for nature in natures(of: lines) {
                rows.append([
                    TableCell("Totale \(index.label(of: priority.kind).lowercased()) \(priority.code): \(PlanIndex.natureLabel(nature).lowercased())",
                              emphasis: .strong, columnSpan: 3),
                    .amount(total([nature], under: priority.code), emphasis: .strong),
                ])
            }
            rows.append([
                TableCell("Totale risorse \(index.label(of: priority.kind).lowercased()) \(priority.code)", emphasis: .strong, columnSpan: 3),
                .amount(total(Self.spending, under: priority.code), emphasis: .strong),
            ])
        }
        let treeLines = index.accountLines(of: plan.nodes)
        for nature in natures(of: treeLines) {
            rows.append([
                TableCell("Totale Ente: \(PlanIndex.natureLabel(nature).lowercased())", emphasis: .strong, columnSpan: 3),
                .amount(total([nature], under: nil), emphasis: .strong),
            ])
        }
        rows.append([
            TableCell("Totale risorse \(year)", emphasis: .strong, columnSpan: 3), .amount(total(Self.spending, under: nil), emphasis: .strong),
        ])
        return [
            .heading(level: level, text: "Quadro riassuntivo delle risorse \(year)"),
            .table(DocumentTable(
                caption: "Quadro riassuntivo delle risorse \(year) (\(phase.rawValue))",
                columns: [index.label(of: .programme), "Voce", "Natura", "Importo"], rows: rows)),
        ]
    }

    private func priority(_ priority: PlanNode) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = [
            .heading(level: level, text: "\(index.label(of: priority.kind)) \(priority.code): \(PlanIndex.oneLine(priority.title))"),
        ]
        blocks += PlanIndex.paragraphs(priority.description).map(DocumentBlock.paragraph)
        for resource in ownResources(of: priority) { blocks.append(.note(resource)) }
        for programme in index.children(of: priority) { blocks += self.programme(programme) }
        return blocks
    }

    private func programme(_ programme: PlanNode) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = [
            .heading(level: level + 1, text: "\(index.label(of: programme.kind)) \(programme.code): \(PlanIndex.oneLine(programme.title))"),
        ]
        if programme.status != .active { blocks.append(.note("Stato: \(programme.status.rawValue)")) }
        blocks += PlanIndex.paragraphs(programme.description).map(DocumentBlock.paragraph)
        let lines = index.accountLines(of: index.subtree(of: programme))
        if !lines.isEmpty {
            var rows: [[TableCell]] = lines.map { line in
                [TableCell(line.code), TableCell(line.description), TableCell(PlanIndex.natureLabel(line.nature)), .amount(line.amount)]
            }
            rows.append([
                TableCell("Totale risorse del programma \(programme.code)", emphasis: .strong, columnSpan: 3),
                .amount(total(Self.spending, under: programme.code), emphasis: .strong),
            ])
            blocks.append(.table(DocumentTable(
                caption: "Risorse \(year) del programma \(programme.code)", columns: ["Voce", "Descrizione", "Natura", "Importo"], rows: rows)))
        }
        for resource in ownResources(of: programme) { blocks.append(.note(resource)) }
        let indicators = index.indicators(ofNode: programme)
        if !indicators.isEmpty { blocks.append(.table(RPPPerformanceTree.indicatorTable(indicators, of: programme.code, index: index))) }
        return blocks
    }

    /// A total the document printed for the node (a resource), with what it says: shown beside the lines'
    /// total, which is the one the core rebuilds.
    private func ownResources(of node: PlanNode) -> [String] {
        plan.resources.filter { $0.nodeID == node.id && $0.year == year }.map { resource in
            "Risorse stampate nel documento (\(resource.kind.label.lowercased()), \(resource.phase.rawValue)): "
                + PlanIndex.money(resource.amount) + (resource.note.map { " – \($0)" } ?? "")
        }
    }
}
