import Foundation
import TraguardoCore
import TraguardoDocuments

/// Horizontal bar charts for the cruscotto, drawn here until the charts of `TraguardoDocuments/Charts`
/// land; they return the same `DocumentFigure` (caption, SVG, data table), so swapping them is one call
/// per chart in `CruscottoPage`. Labels are escaped for XML; every number drawn is also in the table.
public enum InterimBars {
    /// One bar group: a label and one value per series (nil: nothing to draw, «N.C.» in the table).
    public struct Group: Sendable {
        public var label: String
        public var values: [Decimal?]

        public init(label: String, values: [Decimal?]) {
            self.label = label
            self.values = values
        }
    }

    /// Draws `groups` as horizontal bars, one per series in each group, scaled to `maximum` (the largest
    /// value when nil). `format` writes the numbers (`68,49`, `1.418.965,00`).
    public static func figure(
        caption: String, series: [String], groups: [Group], maximum: Decimal? = nil,
        format: @Sendable (Decimal) -> String
    ) -> DocumentFigure {
        let colours = ["#0b4f8a", "#a34700", "#2f6b2f"]
        let labelWidth = 230, barWidth = 300, valueWidth = 110
        let barHeight = 16, gap = 12
        let legendHeight = series.count > 1 ? 24 : 0
        let groupHeight = series.count * barHeight + gap
        let width = labelWidth + barWidth + valueWidth
        let height = legendHeight + groups.count * groupHeight + gap
        let largest = groups.flatMap { $0.values.compactMap { $0 } }.map { Swift.abs($0) }.max() ?? 0
        let scale = maximum ?? largest
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" \
            role="img" aria-label="\(escape(caption))" font-family="sans-serif" font-size="13">
            """
        for (index, name) in series.enumerated() where series.count > 1 {
            let x = labelWidth + index * 150
            svg += "<rect x=\"\(x)\" y=\"4\" width=\"14\" height=\"14\" fill=\"\(colours[index % colours.count])\"/>"
            svg += "<text x=\"\(x + 20)\" y=\"16\" fill=\"#1b1b1b\">\(escape(name))</text>"
        }
        for (row, group) in groups.enumerated() {
            let top = legendHeight + gap + row * groupHeight
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(top + series.count * barHeight / 2 + 5)\" text-anchor=\"end\" fill=\"#1b1b1b\">"
                + escape(shorten(group.label, to: 32)) + "</text>"
            for (index, value) in group.values.enumerated() {
                let y = top + index * barHeight
                guard let value else {
                    svg += "<text x=\"\(labelWidth + 4)\" y=\"\(y + barHeight - 4)\" fill=\"#1b1b1b\">N.C.</text>"
                    continue
                }
                let fraction = scale > 0 ? min(1, Swift.abs(value) / scale) : 0
                let length = Int(truncating: NSDecimalNumber(decimal: fraction * Decimal(barWidth)))
                svg += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(max(length, value == 0 ? 0 : 1))\" height=\"\(barHeight - 2)\" "
                    + "fill=\"\(colours[index % colours.count])\"/>"
                svg += "<text x=\"\(labelWidth + length + 4)\" y=\"\(y + barHeight - 4)\" fill=\"#1b1b1b\">\(escape(format(value)))</text>"
            }
        }
        svg += "</svg>"
        let table = DocumentTable(
            caption: caption, columns: [""] + series,
            rows: groups.map { group in
                [TableCell(group.label)] + group.values.map { TableCell.number($0.map(format) ?? "N.C.") }
            })
        return DocumentFigure(caption: caption, svg: svg, data: table)
    }

    static func shorten(_ text: String, to limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: if c.value >= 0x20 || c == "\n" { out.unicodeScalars.append(c) }
            }
        }
        return out
    }
}
