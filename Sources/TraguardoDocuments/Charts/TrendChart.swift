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
        /// The page of that year (a web page's chart); nil in a document.
        public var href: String?

        public init(year: Int, value: Decimal, fractionDigits: Int? = nil, href: String? = nil) {
            self.year = year
            self.value = value
            self.fractionDigits = fractionDigits
            self.href = href
        }

        /// The value and its text, a number of per cent.
        var figure: TableFigure { TableFigure(value, fractionDigits: fractionDigits ?? value.fractionDigitCount, unit: .percent) }

        /// `96,27%`.
        public var valueText: String { figure.text }
    }

    /// - Parameters:
    ///   - series: what the line is (`Risultato finale dei procedimenti monitorati`).
    ///   - points: in any order; drawn by year.
    /// The width of the time axis: the first year at its start, the last at its end, every year between at its
    /// proportional place (2013, 2017, 2018: the gap of the three years without data is seen as a gap).
    static let plotWidth: Decimal = 640
    static let left: Decimal = 70

    /// Where `year` sits on the axis from `first` to `last`.
    static func x(_ year: Int, first: Int, last: Int) -> Decimal {
        last == first ? left + plotWidth / 2 : left + plotWidth * Decimal(year - first) / Decimal(last - first)
    }

    public static func figure(caption: String, series: String, points: [Point]) -> DocumentFigure {
        let sorted = points.sorted { $0.year < $1.year }
        let left = left, right: Decimal = 50, top: Decimal = 74, plotHeight: Decimal = 200
        let width = left + plotWidth + right
        let height = top + plotHeight + 36
        // The vertical scale starts at 0 (a dip of 3 points looks like 3 points), up to 100 or the tens above the highest.
        let values = sorted.map(\.value)
        let highest = max(values.max() ?? 100, 100)
        let lowest = min(values.min() ?? 0, 0)
        let bottom: Decimal = lowest < 0 ? ((lowest - 9) / 10).rounded(.truncate, digits: 0) * 10 : 0
        let ceiling = ((highest + 9) / 10).rounded(.truncate, digits: 0) * 10
        let span = max(ceiling - bottom, 1)
        let first = sorted.first?.year ?? 0, last = sorted.last?.year ?? 0
        func y(_ value: Decimal) -> Decimal { top + plotHeight - plotHeight * (value - bottom) / span }
        func x(_ year: Int) -> Decimal { Self.x(year, first: first, last: last) }

        var canvas = SVGCanvas(width: width, height: height,
                               fingerprint: caption + sorted.map { "\($0.year)=\($0.value)" }.joined(separator: "|"))
        canvas.text(SVGCanvas.wrapped(series, width: width - 20, size: 13, maxLines: 1)[0], x: 10, y: 18, size: 13, bold: true)
        canvas.text("Scala da \(ItalianFormatting.number(bottom))% a \(ItalianFormatting.number(ceiling))%", x: 10, y: 38,
                    size: 12, cssClass: "scala", fill: SVGCanvas.axis)
        let tickStep = span / 4
        for index in 0...4 {
            let value = bottom + tickStep * Decimal(index)
            canvas.line(x1: left, y1: y(value), x2: width - right / 2, y2: y(value),
                        stroke: index == 0 ? SVGCanvas.axis : SVGCanvas.grid)
            canvas.text(ItalianFormatting.number(value.rounded(.halfUp, digits: 1)) + "%", x: left - 6, y: y(value) + 4,
                        anchor: .end, size: 12, fill: SVGCanvas.axis)
        }
        // A small mark for each year, labelled or not: the axis counts years, not points.
        if last > first {
            for year in first...last {
                canvas.line(x1: x(year), y1: top + plotHeight, x2: x(year), y2: top + plotHeight + 5, stroke: SVGCanvas.axis)
            }
        }
        // Consecutive years joined by a solid line; across years without data the line is dashed.
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            let c = SVGCanvas.coordinate
            let dashed = b.year - a.year > 1
            canvas.add("<line class=\"\(dashed ? "linea salto" : "linea")\" x1=\"\(c(x(a.year)))\" y1=\"\(c(y(a.value)))\" "
                + "x2=\"\(c(x(b.year)))\" y2=\"\(c(y(b.value)))\" stroke=\"\(SVGCanvas.trend)\" stroke-width=\"2\""
                + (dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>")
        }
        for point in sorted {
            let c = SVGCanvas.coordinate
            let draw: (inout SVGCanvas) -> Void = { canvas in
                canvas.add("<circle class=\"punto\" cx=\"\(c(x(point.year)))\" cy=\"\(c(y(point.value)))\" r=\"5\" "
                    + "fill=\"\(SVGCanvas.trend)\"><title>\(SVGCanvas.escape("\(point.year): \(point.valueText)"))</title></circle>")
                canvas.text(point.valueText, x: x(point.year), y: y(point.value) - 10, anchor: .middle, size: 13, bold: true,
                            cssClass: "valore")
                canvas.text(String(point.year), x: x(point.year), y: top + plotHeight + 22, anchor: .middle, size: 13,
                            cssClass: "anno")
            }
            if let href = point.href {
                canvas.link(href: href, label: "\(series), \(point.year): \(point.valueText)", draw)
            } else {
                draw(&canvas)
            }
        }
        let range = sorted.isEmpty ? "" : " dal \(first) al \(last)"
        let present = Set(sorted.map(\.year))
        let missingYears = last > first ? (first...last).filter { !present.contains($0) } : []
        var description = "Andamento di «\(series)»\(range), scala da \(ItalianFormatting.number(bottom))% a "
            + "\(ItalianFormatting.number(ceiling))%, anni alla loro distanza: "
            + sorted.map { "\($0.year) \($0.valueText)" }.joined(separator: "; ") + "."
        if !missingYears.isEmpty {
            description += " Senza dato (linea tratteggiata): " + missingYears.map(String.init).joined(separator: ", ") + "."
        }
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
