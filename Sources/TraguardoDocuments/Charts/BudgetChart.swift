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
        /// The page of the voce (a web page's chart); nil in a document.
        public var href: String?
        /// What the pair is called when its whole label goes to the key under the chart (`2E`); empty: none.
        public var code: String

        public init(label: String, planned: Decimal?, actual: Decimal?, href: String? = nil, code: String = "") {
            self.code = code
            self.label = label
            self.planned = planned
            self.actual = actual
            self.href = href
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
        let labelWidth = AchievementChart.labelWidth, barArea = AchievementChart.barArea, size = AchievementChart.labelSize
        let valueWidth: Decimal = 170
        let top: Decimal = 48, barHeight: Decimal = 14, gap: Decimal = 2, padding: Decimal = 14
        let width = labelWidth + barArea + valueWidth + 20
        let chartLabels = ChartLabels(pairs.map { ($0.code, $0.label) }, columnWidth: labelWidth - 10, keyWidth: width - 20, size: size)
        let labels = chartLabels.lines
        let rowHeights = labels.map { max(barHeight * 2 + gap, SVGCanvas.lineHeight(size) * Decimal($0.count)) + padding }
        let rowTops = rowHeights.indices.map { index in top + rowHeights[..<index].reduce(0, +) }
        let barsBottom = top + rowHeights.reduce(0, +) + 6
        let height = barsBottom + chartLabels.keyHeight(size: size) + (chartLabels.key.isEmpty ? 0 : 6)
        let amounts = pairs.flatMap { [$0.planned, $0.actual] }.compactMap { $0 }.map { $0 < 0 ? -$0 : $0 }
        let scale = amounts.max() ?? 0
        var canvas = SVGCanvas(width: width, height: height, fingerprint: caption + pairs.map {
            "\($0.label)=\($0.planned?.description ?? "-")/\($0.actual?.description ?? "-")"
        }.joined(separator: "|"))
        let left = labelWidth + 10
        // Legend, above the bars: each series with its colour, its letter and its name.
        let legendGap = SVGCanvas.width(of: "B – " + plannedLabel, size: size) + 40
        canvas.rect(x: left, y: 10, width: 14, height: 14, fill: SVGCanvas.planned, cssClass: "legenda")
        canvas.text("B – \(plannedLabel)", x: left + 20, y: 22, size: size)
        canvas.rect(x: left + legendGap, y: 10, width: 14, height: 14, fill: SVGCanvas.actual, cssClass: "legenda")
        canvas.text("C – \(actualLabel)", x: left + legendGap + 20, y: 22, size: size)
        canvas.line(x1: left, y1: top - 6, x2: left, y2: barsBottom - 4, stroke: SVGCanvas.axis)
        for (index, pair) in pairs.enumerated() {
            let y = rowTops[index]
            let lines = labels[index]
            let textTop = y + barHeight + gap / 2 - SVGCanvas.lineHeight(size) * Decimal(lines.count - 1) / 2
                + size * Decimal(string: "0.35")!
            let draw: (inout SVGCanvas) -> Void = { canvas in
                canvas.lines(lines, x: labelWidth, y: textTop, anchor: .end, size: size, cssClass: "etichetta")
                for (offset, series) in [(pair.planned, plannedLabel), (pair.actual, actualLabel)].enumerated() {
                    let barY = y + (barHeight + gap) * Decimal(offset)
                    let magnitude = series.0.map { $0 < 0 ? -$0 : $0 } ?? 0
                    let length = scale == 0 ? 0 : barArea * magnitude / scale
                    let text = series.0.map(ItalianFormatting.euro) ?? "non indicato"
                    canvas.rect(x: left, y: barY, width: length, height: barHeight,
                                fill: offset == 0 ? SVGCanvas.planned : SVGCanvas.actual, cssClass: "barra",
                                title: "\(pair.label), \(series.1.lowercased()): \(text)")
                    canvas.text("\(offset == 0 ? "B" : "C") \(text)", x: left + length + 6, y: barY + 11,
                                size: 12, cssClass: "valore")
                }
            }
            if let href = pair.href {
                let said = "\(pair.label): \(plannedLabel.lowercased()) \(pair.planned.map(ItalianFormatting.euro) ?? "non indicato"), "
                    + "\(actualLabel.lowercased()) \(pair.actual.map(ItalianFormatting.euro) ?? "non indicato")"
                canvas.link(href: href, label: said, draw)
            } else {
                draw(&canvas)
            }
        }
        chartLabels.drawKey(on: &canvas, x: 10, y: barsBottom + 6, size: size)
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
    /// - Parameter link: the page of a node (its code), for a chart whose bars open it; nil in a document.
    public static func byNode(_ kind: ResourceKind, plan: CyclePlan, link: ((String) -> String)? = nil) -> DocumentFigure? {
        let resources = plan.resources.filter { $0.kind == kind && $0.year == plan.cycle.year }
        let withActual = Set(resources.filter { $0.phase == .consuntivo }.map(\.nodeID))
        let plannedPhase: BudgetPhase = resources.contains { $0.phase == .aggiornato } ? .aggiornato : .preventivo
        let withPlanned = Set(resources.filter { $0.phase == plannedPhase }.map(\.nodeID))
        let nodes = plan.nodes.inTreeOrder().filter { withActual.contains($0.id) && withPlanned.contains($0.id) }
        let all = nodes.map { node in
            Pair(label: node.title.isEmpty ? node.code : "\(node.code) – \(node.title)",
                 planned: BudgetTotals.resources(kind, plannedPhase, of: node.code, in: plan),
                 actual: BudgetTotals.resources(kind, .consuntivo, of: node.code, in: plan), href: link?(node.code), code: node.code)
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
