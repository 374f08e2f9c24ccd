import Foundation
import TraguardoCore

/// The Ente's own account lines (not on a node of the tree) as the prospetti the RPP prints: one table per
/// line at the top of a tree of `padre` (Massa-Carrara's «Interventi economici», conto economico, piano
/// degli investimenti, stato patrimoniale; Pisa's ripartizione della maggiorazione), and the lines that stand
/// alone in a last table.
///
/// A line with lines under it shows the figure `AccountFigures` rebuilds from them (the sum of its leaves);
/// where the document printed another amount, a note gives the printed one. A leaf shows its amount.
enum EnteAccountsTables {
    static func blocks(for plan: CyclePlan, level: Int) -> [DocumentBlock] {
        let year = plan.cycle.year
        let lines = plan.accountLines.enumerated().filter { $0.element.nodeID == nil && $0.element.year == year }
            .sorted { ($0.element.sortOrder, $0.offset) < ($1.element.sortOrder, $1.offset) }.map(\.element)
        guard !lines.isEmpty else { return [] }
        let children = Dictionary(grouping: lines.filter { $0.parentCode != nil }, by: { $0.parentCode! })
        let codes = Set(lines.map(\.code))
        let roots = lines.filter { $0.parentCode == nil || !codes.contains($0.parentCode!) }
        var blocks: [DocumentBlock] = [.heading(level: level, text: "Quadro delle risorse economiche \(year)")]
        var alone: [[TableCell]] = []
        for root in roots {
            guard children[root.code] != nil else {
                alone.append(row(root, depth: 0, children: children, plan: plan))
                continue
            }
            var rows: [[TableCell]] = []
            var notes: [String] = []
            func visit(_ line: AccountLine, depth: Int, path: Set<String>) {
                rows.append(row(line, depth: depth, children: children, plan: plan))
                if let printed = printedDifference(line, children: children, plan: plan) { notes.append(printed) }
                guard !path.contains(line.code) else { return }
                for child in children[line.code] ?? [] { visit(child, depth: depth + 1, path: path.union([line.code])) }
            }
            visit(root, depth: 0, path: [])
            blocks.append(.table(DocumentTable(
                caption: "\(PlanIndex.oneLine(root.description)) (\(root.phase.rawValue) \(year))",
                columns: ["Codice", "Voce", "Importo"], rows: rows)))
            blocks += notes.map(DocumentBlock.note)
        }
        if !alone.isEmpty {
            blocks.append(.table(DocumentTable(caption: "Altre voci (\(year))", columns: ["Codice", "Voce", "Importo"], rows: alone)))
        }
        return blocks
    }

    /// The figure of a line: rebuilt from its leaves when it has lines under it, else its own amount.
    static func figure(_ line: AccountLine, children: [String: [AccountLine]], plan: CyclePlan) -> Decimal? {
        // `AccountFigures` reads `CODICE/fase`: a code with a `/` of its own (Massa's `Prodotto/Processo/CDC`) is a leaf.
        guard children[line.code] != nil, !line.code.contains("/") else { return line.amount }
        return AccountFigures.value("\(line.code)/\(line.phase.rawValue)", in: plan)
    }

    private static func row(_ line: AccountLine, depth: Int, children: [String: [AccountLine]], plan: CyclePlan) -> [TableCell] {
        let isTotal = children[line.code] != nil
        let indent = String(repeating: "· ", count: depth)
        return [
            TableCell(line.code, emphasis: isTotal ? .strong : .muted),
            TableCell(indent + PlanIndex.oneLine(line.description), emphasis: isTotal ? .strong : .none),
            .amount(figure(line, children: children, plan: plan), emphasis: isTotal ? .strong : .none),
        ]
    }

    private static func printedDifference(_ line: AccountLine, children: [String: [AccountLine]], plan: CyclePlan) -> String? {
        guard children[line.code] != nil, let rebuilt = figure(line, children: children, plan: plan), rebuilt != line.amount else { return nil }
        return "\(line.code): il documento stampa \(PlanIndex.money(line.amount)); dalla somma delle voci \(PlanIndex.money(rebuilt))."
    }
}
