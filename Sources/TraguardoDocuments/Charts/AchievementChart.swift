import Foundation
import TraguardoCore

/// Horizontal bars of achievement, 0–100 %: one bar per area, objective or manager, filled with the colour of
/// its traffic light, with the value as the engine shows it (`68,49%`) and the light's name written beside it.
public enum AchievementChart {
    /// One bar: what it is, the value drawn (nil when N.C.: no bar, `N.C.` written), the text shown and the light.
    public struct Bar: Hashable, Sendable {
        public var label: String
        public var value: Decimal?
        /// As the engine shows it: `68,49`, `100`, `N.C.`.
        public var shown: String
        /// How many decimals `shown` has (`Score.shownFractionDigits`); nil: the value's own.
        public var fractionDigits: Int?
        public var trafficLight: TrafficLight?
        /// The page of what the bar is (a web page's chart); nil in a document.
        public var href: String?
        /// What the bar is called when its whole label goes to the key under the chart (`SG-1`); empty: none.
        public var code: String

        public init(
            label: String, value: Decimal?, shown: String, fractionDigits: Int? = nil, trafficLight: TrafficLight? = nil,
            href: String? = nil, code: String = ""
        ) {
            self.code = code
            self.label = label
            self.value = value
            self.shown = shown
            self.fractionDigits = fractionDigits
            self.trafficLight = trafficLight
            self.href = href
        }

        /// A bar from a scored element: its shown value and light, labelled `label` (or the element's code and title).
        public init(_ element: ScoredElement, label: String? = nil, href: String? = nil) {
            let code = element.subject.code, title = element.subject.title
            self.init(
                label: label ?? (code.isEmpty ? title : title.isEmpty ? code : "\(code) – \(title)"),
                value: element.score.shownValue, shown: element.score.shown,
                fractionDigits: element.score.shownFractionDigits, trafficLight: element.score.trafficLight, href: href,
                code: label == nil ? code : "")
        }

        /// `68,49%`, or `N.C.`.
        public var valueText: String { value == nil ? shown : shown + "%" }

        /// The value as a cell: `68,49%` and its number, or `N.C.` as text.
        var valueCell: TableCell {
            value.map { .percent($0, fractionDigits: fractionDigits) } ?? .trailing(shown)
        }

        /// `68,49% (giallo)`: the value and, when there is one, the light in words.
        public var labelText: String {
            guard let light = TrafficLightStyle.label(trafficLight) else { return valueText }
            return "\(valueText) (\(light))"
        }
    }

    /// The drawing's measures: the label column (labels wrap inside it, never cut), the bar area for 0–100 %,
    /// the room for the value beside the longest bar.
    static let labelWidth: Decimal = 330, barArea: Decimal = 400, valueWidth: Decimal = 150, labelSize: Decimal = 13

    public static func figure(caption: String, bars: [Bar]) -> DocumentFigure {
        let labelWidth = labelWidth, barArea = barArea, size = labelSize
        let top: Decimal = 40, barHeight: Decimal = 18, padding: Decimal = 10
        let width = labelWidth + barArea + valueWidth + 20
        // Each row is as tall as its label's lines (at least the bar).
        let chartLabels = ChartLabels(bars.map { ($0.code, $0.label) }, columnWidth: labelWidth - 10, keyWidth: width - 20, size: size)
        let labels = chartLabels.lines
        let rowHeights = labels.map { max(barHeight, SVGCanvas.lineHeight(size) * Decimal($0.count)) + padding }
        let rowTops = rowHeights.indices.map { index in top + rowHeights[..<index].reduce(0, +) }
        let axisBottom = top + rowHeights.reduce(0, +) + 30
        let height = axisBottom + chartLabels.keyHeight(size: size) + (chartLabels.key.isEmpty ? 0 : 6)
        var canvas = SVGCanvas(width: width, height: height,
                               fingerprint: caption + bars.map { "\($0.label)=\($0.shown)" }.joined(separator: "|"))
        let left = labelWidth + 10
        // Grid and axis: 0, 25, 50, 75, 100 %.
        for tick in [0, 25, 50, 75, 100] {
            let x = left + barArea * Decimal(tick) / 100
            canvas.line(x1: x, y1: top - 6, x2: x, y2: axisBottom - 24, stroke: tick == 0 ? SVGCanvas.axis : SVGCanvas.grid)
            canvas.text("\(tick)%", x: x, y: axisBottom - 10, anchor: .middle, size: 12, fill: SVGCanvas.axis)
        }
        canvas.text("Grado di raggiungimento (0–100%)", x: left, y: 18, size: 13, bold: true)
        for (index, bar) in bars.enumerated() {
            let y = rowTops[index]
            let lines = labels[index]
            // The label's block centred on the bar.
            let textTop = y + barHeight / 2 - SVGCanvas.lineHeight(size) * Decimal(lines.count - 1) / 2 + size * Decimal(string: "0.35")!
            let drawn = min(max(bar.value ?? 0, 0), 100)
            let length = barArea * drawn / 100
            let draw: (inout SVGCanvas) -> Void = { canvas in
                canvas.lines(lines, x: labelWidth, y: textTop, anchor: .end, size: size, cssClass: "etichetta")
                canvas.rect(x: left, y: y, width: length, height: barHeight, fill: TrafficLightStyle.fill(bar.trafficLight),
                            cssClass: "barra", title: "\(bar.label): \(bar.labelText)")
                canvas.text(bar.labelText, x: left + length + 6, y: y + 14, size: size, cssClass: "valore")
            }
            if let href = bar.href {
                canvas.link(href: href, label: "\(bar.label): \(bar.labelText)", draw)
            } else {
                draw(&canvas)
            }
        }
        chartLabels.drawKey(on: &canvas, x: 10, y: axisBottom + 6, size: size)
        let lights = Set(bars.compactMap(\.trafficLight))
        var description = "Barre orizzontali da 0 a 100%, una per voce (\(bars.count) in tutto); accanto a ogni barra "
            + "il valore"
        description += lights.isEmpty ? "." : " e il colore del semaforo scritto per esteso (verde, giallo, rosso)."
        description += " " + bars.map { "\($0.label): \($0.labelText)" }.joined(separator: "; ") + "."
        let data = DocumentTable(
            caption: caption, columns: ["Voce", "% di raggiungimento", "Semaforo"],
            rows: bars.map { bar in
                [TableCell(bar.label), bar.valueCell, TableCell(TrafficLightStyle.label(bar.trafficLight) ?? "—")]
            })
        return DocumentFigure(caption: caption, svg: canvas.svg(title: caption, description: description), data: data)
    }

    // MARK: From the scores

    /// The top level of the tree (the strategic areas), in the plan's order; nil when the plan has no scored node.
    /// - Parameter link: the page of a node (its code), for a chart whose bars open it; nil in a document.
    public static func byArea(plan: CyclePlan, scores: PlanScores, link: ((String) -> String)? = nil) -> DocumentFigure? {
        let roots = plan.nodes.filter { $0.parentID == nil }.stableSortedByOrder()
        let bars = roots.compactMap { node in scores.nodes[node.id].map { Bar($0, href: link?(node.code)) } }
        guard !bars.isEmpty else { return nil }
        let level = plan.levels.min { $0.depth < $1.depth }?.label ?? "area strategica"
        return figure(caption: "Grado di raggiungimento per \(level.lowercased()) \(plan.cycle.year)", bars: bars)
    }

    /// Every individual objective of the managers, in the plan's order; nil when there is none scored.
    public static func byObjective(
        plan: CyclePlan, scores: PlanScores, kind: ObjectiveKind = .individual, link: ((String) -> String)? = nil
    ) -> DocumentFigure? {
        let objectives = plan.objectives.filter { $0.kind == kind }.stableSortedByOrder()
        let bars = objectives.compactMap { objective in
            scores.objectives[objective.id].map { Bar($0, href: link?(objective.code)) }
        }
        guard !bars.isEmpty else { return nil }
        let what = kind == .ente ? "obiettivo di Ente" : "obiettivo individuale"
        return figure(caption: "Grado di raggiungimento per \(what) \(plan.cycle.year)", bars: bars)
    }
}

extension Array where Element == PlanNode {
    /// Depth first, each node before its children, siblings by `sortOrder` then code (as `PlanScores.listed(in:)`).
    func inTreeOrder() -> [PlanNode] {
        let children = Dictionary(grouping: self, by: { $0.parentID ?? "" })
        let ids = Set(map(\.id))
        var out: [PlanNode] = []
        var visited: Set<String> = []
        func walk(_ parent: String) {
            for node in (children[parent] ?? []).sorted(by: { ($0.sortOrder, $0.code) < ($1.sortOrder, $1.code) })
            where visited.insert(node.id).inserted {
                out.append(node)
                walk(node.id)
            }
        }
        walk("")
        // Nodes whose parent is missing from the plan: after the tree, in their own order.
        for node in stableSortedByOrder() where !visited.contains(node.id) && !(node.parentID.map(ids.contains) ?? false) {
            visited.insert(node.id)
            out.append(node)
            walk(node.id)
        }
        return out
    }

    func stableSortedByOrder() -> [PlanNode] {
        enumerated().sorted { ($0.element.sortOrder, $0.offset) < ($1.element.sortOrder, $1.offset) }.map(\.element)
    }
}

extension Array where Element == Objective {
    func stableSortedByOrder() -> [Objective] {
        enumerated().sorted { ($0.element.sortOrder, $0.offset) < ($1.element.sortOrder, $1.offset) }.map(\.element)
    }
}
