import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoStore

struct ScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Calcola i punteggi di un Ente-anno: Ente, albero, obiettivi, dirigenti, Carta dei servizi, procedimenti.",
        discussion: "Con --format json scrive tutti i punteggi con le loro spiegazioni. Per la spiegazione di un numero: traguardo explain.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let asJSON = try OutputWriter.textOrJSON(output.format, command: "score")
        let plan = try await database.withStore { store in try await scope.loadPlan(from: store) }
        let scores = PlanScorer.score(plan, period: scope.period)
        let text: String
        if asJSON {
            text = try OutputWriter.json(scores)
        } else {
            text = ScoreReport(plan: plan, scores: scores).text()
        }
        try OutputWriter.write(text, to: output.output)
    }
}

/// The Italian text `traguardo score` prints: the Ente, the tree indented, objectives, managers, totals.
struct ScoreReport {
    let plan: CyclePlan
    let scores: PlanScores

    func text() -> String {
        var lines: [String] = []
        let period = scores.periodCode.map { ", periodo \($0)" } ?? ""
        let methodology = scores.methodology.version.map { "metodologia «\(scores.methodology.name)» v\($0)" }
            ?? "metodologia «\(scores.methodology.name)» (predefinita: l'Ente-anno non ne ha una)"
        lines.append("\(plan.entity.name) — \(plan.cycle.year)\(period); \(methodology)")
        lines.append(row("Ente", scores.entity))
        let children = Dictionary(grouping: plan.nodes, by: { $0.parentID ?? "" })
        func walk(_ parent: String, depth: Int) {
            for node in (children[parent] ?? []).sorted(by: { ($0.sortOrder, $0.code) < ($1.sortOrder, $1.code) }) {
                if let scored = scores.nodes[node.id] {
                    lines.append(row(String(repeating: "  ", count: depth) + node.code + " " + node.title, scored))
                }
                walk(node.id, depth: depth + 1)
            }
        }
        if !plan.nodes.isEmpty {
            lines.append("\nAlbero della performance")
            walk("", depth: 1)
        }
        let objectives = plan.objectives.compactMap { scores.objectives[$0.id] }
        if !objectives.isEmpty {
            lines.append("\nObiettivi")
            for scored in objectives { lines.append(row("  \(scored.subject.code) \(scored.subject.title)", scored)) }
        }
        let managers = scores.managers.values.sorted { $0.subject.title < $1.subject.title }
        if !managers.isEmpty {
            lines.append("\nDirigenti")
            for scored in managers { lines.append(row("  \(scored.subject.title)", scored)) }
        }
        if let charter = scores.serviceCharter { lines.append("\n" + row("Carta dei servizi", charter)) }
        if let procedures = scores.procedureTotal { lines.append(row("Procedimenti monitorati", procedures)) }
        return lines.joined(separator: "\n") + "\n"
    }

    private func row(_ label: String, _ scored: ScoredElement) -> String {
        let clipped = label.count > 70 ? String(label.prefix(69)) + "…" : label
        var value = scored.score.shown
        if let light = scored.score.trafficLight { value += " (\(light.rawValue))" }
        if let points = scored.score.points { value += ", punti \(ItalianFormatting.score(points, digits: nil))" }
        let flags = scored.score.notes.filter { $0.kind == .override || $0.kind == .justifiedDeviation }.isEmpty ? "" : " *"
        return clipped.padding(toLength: max(clipped.count, 72), withPad: " ", startingAt: 0) + " " + value + flags
    }
}
