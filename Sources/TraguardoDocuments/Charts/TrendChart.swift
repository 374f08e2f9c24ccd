import Foundation
import TraguardoCore

/// A score over the years: a line through one point per year, each point with its value written above it
/// (`97,51%`) and the year below the axis.
public enum TrendChart {
    public struct Point: Hashable, Sendable {
        public var year: Int
        public var value: Decimal
        /// How many decimals the value is written with (`99,20` has 2, as the engine shows it); nil writes its own
        /// (`96,27`).
        public var fractionDigits: Int?

        public init(year: Int, value: Decimal, fractionDigits: Int? = nil) {
            self.year = year
            self.value = value
            self.fractionDigits = fractionDigits
        }

        /// The value and its text, a number of per cent.
        var figure: TableFigure { TableFigure(value, fractionDigits: fractionDigits ?? value.fractionDigitCount, unit: .percent) }

        /// `96,27%`.
        public var valueText: String { figure.text }
    }

    /// - Parameters:
    ///   - series: what the line is (`Risultato finale dei procedimenti monitorati`).
    ///   - points: in any order; drawn by year.
    public static func figure(caption: String, series: String, points: [Point]) -> DocumentFigure {
        let sorted = points.sorted { $0.year < $1.year }
        let left: Decimal = 70, right: Decimal = 50, top: Decimal = 58, plotHeight: Decimal = 200
        let step: Decimal = 140
        let width = left + right + step * Decimal(max(sorted.count - 1, 1))
        let height = top + plotHeight + 32
        // The vertical scale: 0–100, or from the tens below the lowest value when every value is high.
        let values = sorted.map(\.value)
        let highest = max(values.max() ?? 100, 100)
        let lowest = values.min() ?? 0
        let floorTen = (lowest / 10).rounded(.truncate, digits: 0) * 10
        let bottom: Decimal = lowest >= 50 ? max(floorTen - 10, 0) : min(floorTen, 0)
        let ceiling = ((highest + 9) / 10).rounded(.truncate, digits: 0) * 10
        let span = max(ceiling - bottom, 1)
        func y(_ value: Decimal) -> Decimal { top + plotHeight - plotHeight * (value - bottom) / span }
        func x(_ index: Int) -> Decimal { sorted.count == 1 ? left + step / 2 : left + step * Decimal(index) }

        var canvas = SVGCanvas(width: width, height: height,
                               fingerprint: caption + sorted.map { "\($0.year)=\($0.value)" }.joined(separator: "|"))
        canvas.text(SVGCanvas.shortened(series, limit: 56), x: 10, y: 18, size: 12, bold: true)
        let tickStep = span / 4
        for index in 0...4 {
            let value = bottom + tickStep * Decimal(index)
            canvas.line(x1: left, y1: y(value), x2: width - right / 2, y2: y(value),
                        stroke: index == 0 ? SVGCanvas.axis : SVGCanvas.grid)
            canvas.text(ItalianFormatting.number(value.rounded(.halfUp, digits: 1)) + "%", x: left - 6, y: y(value) + 4,
                        anchor: .end, size: 11, fill: SVGCanvas.axis)
        }
        if sorted.count > 1 {
            let path = sorted.enumerated().map { "\(SVGCanvas.coordinate(x($0.offset))),\(SVGCanvas.coordinate(y($0.element.value)))" }
            canvas.add("<polyline class=\"linea\" points=\"\(path.joined(separator: " "))\" fill=\"none\" "
                + "stroke=\"\(SVGCanvas.trend)\" stroke-width=\"2\"/>")
        }
        for (index, point) in sorted.enumerated() {
            let c = SVGCanvas.coordinate
            canvas.add("<circle class=\"punto\" cx=\"\(c(x(index)))\" cy=\"\(c(y(point.value)))\" r=\"4\" "
                + "fill=\"\(SVGCanvas.trend)\"><title>\(SVGCanvas.escape("\(point.year): \(point.valueText)"))</title></circle>")
            canvas.text(point.valueText, x: x(index), y: y(point.value) - 9, anchor: .middle, size: 12, bold: true,
                        cssClass: "valore")
            canvas.text(String(point.year), x: x(index), y: top + plotHeight + 18, anchor: .middle, size: 12,
                        cssClass: "anno")
        }
        let range = sorted.isEmpty ? "" : " dal \(sorted.first!.year) al \(sorted.last!.year)"
        let description = "Andamento di «\(series)»\(range), scala da \(ItalianFormatting.number(bottom))% a "
            + "\(ItalianFormatting.number(ceiling))%: " + sorted.map { "\($0.year) \($0.valueText)" }.joined(separator: "; ") + "."
        let data = DocumentTable(
            caption: caption, columns: ["Anno", series],
            rows: sorted.map { [TableCell(String($0.year)), .figure($0.figure)] })
        return DocumentFigure(caption: caption, svg: canvas.svg(title: caption, description: description), data: data)
    }

    // MARK: From the scores of several years

    /// The Ente's score in each of the plans given (one per year, N.C. years left out); nil when fewer than two.
    public static func enteScore(_ years: [(plan: CyclePlan, scores: PlanScores)]) -> DocumentFigure? {
        trend(years, series: "Grado di raggiungimento complessivo dell'Ente") { $0.scores.entity }
    }

    /// The procedures' final result in each of the plans given; nil when fewer than two years have one.
    public static func procedureTotal(_ years: [(plan: CyclePlan, scores: PlanScores)]) -> DocumentFigure? {
        trend(years, series: "Risultato finale dei procedimenti monitorati") { $0.scores.procedureTotal }
    }

    private static func trend(
        _ years: [(plan: CyclePlan, scores: PlanScores)], series: String,
        _ element: ((plan: CyclePlan, scores: PlanScores)) -> ScoredElement?
    ) -> DocumentFigure? {
        var byYear: [Int: Point] = [:]
        for year in years {
            guard let scored = element(year), let value = scored.score.shownValue else { continue }
            byYear[year.plan.cycle.year] = Point(
                year: year.plan.cycle.year, value: value, fractionDigits: scored.score.shownFractionDigits)
        }
        guard byYear.count >= 2 else { return nil }
        let points = byYear.values.sorted { $0.year < $1.year }
        let entity = years.first?.plan.entity.name ?? ""
        return figure(caption: "\(series), \(points.first!.year)–\(points.last!.year) – \(entity)", series: series,
                      points: points)
    }
}
