import Foundation
import TraguardoCore

/// Budget against actual: for each area or objective a pair of bars, the budget (preventivo or aggiornato) and
/// the consuntivo, on one euro scale, each with its amount written in Italian (`699.900,00 €`).
public enum BudgetChart {
    public struct Pair: Hashable, Sendable {
        public var label: String
        /// The budget; nil when the plan has none for this voce.
        public var planned: Decimal?
        public var actual: Decimal?

        public init(label: String, planned: Decimal?, actual: Decimal?) {
            self.label = label
            self.planned = planned
            self.actual = actual
        }

        /// Consuntivo − budget; nil when either is missing.
        public var difference: Decimal? {
            guard let planned, let actual else { return nil }
            return actual - planned
        }
    }

    /// `- plannedLabel`: what the first bar of each pair is (`Budget aggiornato`, `Preventivo`).
    public static func figure(caption: String, pairs: [Pair], plannedLabel: String = "Budget aggiornato",
                              actualLabel: String = "Consuntivo") -> DocumentFigure {
        let labelWidth: Decimal = 260, barArea: Decimal = 300, valueWidth: Decimal = 140
        let top: Decimal = 44, barHeight: Decimal = 12, gap: Decimal = 2, rowHeight: Decimal = 40
        let width = labelWidth + barArea + valueWidth + 20
        let height = top + rowHeight * Decimal(pairs.count) + 16
        let amounts = pairs.flatMap { [$0.planned, $0.actual] }.compactMap { $0 }.map { $0 < 0 ? -$0 : $0 }
        let scale = amounts.max() ?? 0
        var canvas = SVGCanvas(width: width, height: height, fingerprint: caption + pairs.map {
            "\($0.label)=\($0.planned?.description ?? "-")/\($0.actual?.description ?? "-")"
        }.joined(separator: "|"))
        let left = labelWidth + 10
        // Legend: the two series, each with its colour and its name.
        canvas.rect(x: left, y: 8, width: 12, height: 12, fill: SVGCanvas.planned, cssClass: "legenda")
        canvas.text(plannedLabel, x: left + 18, y: 18, size: 12)
        canvas.rect(x: left + 170, y: 8, width: 12, height: 12, fill: SVGCanvas.actual, cssClass: "legenda")
        canvas.text(actualLabel, x: left + 188, y: 18, size: 12)
        canvas.line(x1: left, y1: top - 6, x2: left, y2: height - 10, stroke: SVGCanvas.axis)
        for (index, pair) in pairs.enumerated() {
            let y = top + rowHeight * Decimal(index)
            canvas.text(SVGCanvas.shortened(pair.label, limit: 38), x: labelWidth, y: y + barHeight + 4, anchor: .end,
                        size: 11, cssClass: "etichetta")
            for (offset, series) in [(pair.planned, plannedLabel), (pair.actual, actualLabel)].enumerated() {
                let barY = y + (barHeight + gap) * Decimal(offset)
                let magnitude = series.0.map { $0 < 0 ? -$0 : $0 } ?? 0
                let length = scale == 0 ? 0 : barArea * magnitude / scale
                let text = series.0.map(ItalianFormatting.euro) ?? "non indicato"
                canvas.rect(x: left, y: barY, width: length, height: barHeight,
                            fill: offset == 0 ? SVGCanvas.planned : SVGCanvas.actual, cssClass: "barra",
                            title: "\(pair.label), \(series.1.lowercased()): \(text)")
                canvas.text("\(series.1 == plannedLabel ? "B" : "C") \(text)", x: left + length + 6, y: barY + 10,
                            size: 10, cssClass: "valore")
            }
        }
        let description = "Per ogni voce due barre orizzontali sulla stessa scala in euro: \(plannedLabel.lowercased()) "
            + "(B, grigia) e \(actualLabel.lowercased()) (C, blu), con l'importo scritto accanto. "
            + pairs.map { pair in
                "\(pair.label): \(plannedLabel.lowercased()) \(pair.planned.map(ItalianFormatting.euro) ?? "non indicato"), "
                    + "\(actualLabel.lowercased()) \(pair.actual.map(ItalianFormatting.euro) ?? "non indicato")"
            }.joined(separator: "; ") + "."
        let data = DocumentTable(
            caption: caption, columns: ["Voce", plannedLabel, actualLabel, "Differenza"],
            rows: pairs.map { pair in
                [TableCell(pair.label), .number(pair.planned, fractionDigits: 2, unit: .euro, missing: "—"),
                 .number(pair.actual, fractionDigits: 2, unit: .euro, missing: "—"),
                 .number(pair.difference, fractionDigits: 2, unit: .euro, missing: "—")]
            })
        return DocumentFigure(caption: caption, svg: canvas.svg(title: caption, description: description), data: data)
    }

    // MARK: From the plan

    /// The nodes of the level the budget is attributed at (`BudgetTotals`), with the budget of `kind` (aggiornato,
    /// else preventivo) against the consuntivo, in the tree's order; voci all zero left out; nil when nothing is left.
    public static func byNode(_ kind: ResourceKind, plan: CyclePlan) -> DocumentFigure? {
        let resources = plan.resources.filter { $0.kind == kind && $0.year == plan.cycle.year }
        let withActual = Set(resources.filter { $0.phase == .consuntivo }.map(\.nodeID))
        let plannedPhase: BudgetPhase = resources.contains { $0.phase == .aggiornato } ? .aggiornato : .preventivo
        let withPlanned = Set(resources.filter { $0.phase == plannedPhase }.map(\.nodeID))
        let nodes = plan.nodes.inTreeOrder().filter { withActual.contains($0.id) && withPlanned.contains($0.id) }
        let all = nodes.map { node in
            Pair(label: node.title.isEmpty ? node.code : "\(node.code) – \(node.title)",
                 planned: BudgetTotals.resources(kind, plannedPhase, of: node.code, in: plan),
                 actual: BudgetTotals.resources(kind, .consuntivo, of: node.code, in: plan))
        }
        // Voci with a zero budget and a zero consuntivo are not drawn; nothing at all when every amount is zero.
        let pairs = all.filter { ($0.planned ?? 0) != 0 || ($0.actual ?? 0) != 0 }
        guard !pairs.isEmpty else { return nil }
        let plannedLabel = plannedPhase == .aggiornato ? "Budget aggiornato" : "Preventivo"
        var figure = figure(caption: "\(kind.label) \(plan.cycle.year): \(plannedLabel.lowercased()) e consuntivo",
                            pairs: pairs, plannedLabel: plannedLabel)
        let omitted = all.count - pairs.count
        if omitted > 0 {
            let note = omitted == 1 ? "1 voce con importi nulli non è disegnata." : "\(omitted) voci con importi nulli non sono disegnate."
            figure.svg = figure.svg.replacingOccurrences(of: "</desc>", with: " " + note + "</desc>")
            figure.data.caption = (figure.data.caption ?? figure.caption) + " (" + note.dropLast() + ")"
        }
        return figure
    }
}
