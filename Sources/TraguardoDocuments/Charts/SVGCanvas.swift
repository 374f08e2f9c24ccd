import Foundation
import TraguardoCore

/// The pieces every chart's `<svg>` is made of, written the same way each time: the opening element with its
/// accessible name (`role="img"`, `<title>`, `<desc>`), coordinates as plain decimals with a dot (SVG's own
/// syntax, never a locale's), and every text escaped for XML.
///
/// Geometry is computed in `Decimal` and rounded to one decimal, so the same data always gives the same bytes.
struct SVGCanvas {
    let width: Decimal
    let height: Decimal
    /// Unique enough within a document: derived from the chart's content, so it is the same on every run.
    let identifier: String
    private(set) var body: [String] = []

    init(width: Decimal, height: Decimal, fingerprint: String) {
        self.width = width
        self.height = height
        identifier = "grafico-" + Self.hash(fingerprint)
    }

    /// `12.5`, `300`, `-4.2`: an SVG coordinate, one decimal at most.
    static func coordinate(_ value: Decimal) -> String {
        let rounded = value.rounded(.halfUp, digits: 1)
        return rounded == 0 ? "0" : rounded.description
    }

    static func escape(_ text: String) -> String { HTMLEscaping.text(text) }

    mutating func add(_ element: String) { body.append(element) }

    mutating func rect(x: Decimal, y: Decimal, width: Decimal, height: Decimal, fill: String, cssClass: String,
                       title: String? = nil) {
        let c = Self.coordinate
        var element = "<rect class=\"\(cssClass)\" x=\"\(c(x))\" y=\"\(c(y))\" width=\"\(c(max(width, 0)))\" "
            + "height=\"\(c(max(height, 0)))\" fill=\"\(fill)\""
        if let title {
            element += "><title>\(Self.escape(title))</title></rect>"
        } else {
            element += "/>"
        }
        add(element)
    }

    mutating func line(x1: Decimal, y1: Decimal, x2: Decimal, y2: Decimal, stroke: String, width: Decimal = 1,
                       dashed: Bool = false) {
        let c = Self.coordinate
        add("<line x1=\"\(c(x1))\" y1=\"\(c(y1))\" x2=\"\(c(x2))\" y2=\"\(c(y2))\" stroke=\"\(stroke)\" "
            + "stroke-width=\"\(c(width))\"" + (dashed ? " stroke-dasharray=\"3 3\"" : "") + "/>")
    }

    enum Anchor: String { case start, middle, end }

    mutating func text(_ text: String, x: Decimal, y: Decimal, anchor: Anchor = .start, size: Decimal = 12,
                       bold: Bool = false, cssClass: String? = nil, fill: String = SVGCanvas.ink) {
        let c = Self.coordinate
        var attributes = "x=\"\(c(x))\" y=\"\(c(y))\" font-size=\"\(c(size))\" fill=\"\(fill)\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { attributes += " font-weight=\"bold\"" }
        if let cssClass { attributes = "class=\"\(cssClass)\" " + attributes }
        add("<text \(attributes)>\(Self.escape(text))</text>")
    }

    /// A text of several lines (`wrapped`), each a `<tspan>` under the first: `y` is the first line's baseline.
    mutating func lines(_ lines: [String], x: Decimal, y: Decimal, anchor: Anchor = .start, size: Decimal,
                        cssClass: String, fill: String = SVGCanvas.ink) {
        guard lines.count > 1 else {
            text(lines.first ?? "", x: x, y: y, anchor: anchor, size: size, cssClass: cssClass, fill: fill)
            return
        }
        let c = Self.coordinate
        var attributes = "class=\"\(cssClass)\" x=\"\(c(x))\" y=\"\(c(y))\" font-size=\"\(c(size))\" fill=\"\(fill)\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        let spans = lines.enumerated().map { index, line in
            "<tspan x=\"\(c(x))\"" + (index == 0 ? "" : " dy=\"\(c(Self.lineHeight(size)))\"") + ">\(Self.escape(line))</tspan>"
        }
        add("<text \(attributes)>" + spans.joined() + "</text>")
    }

    /// Elements that open `href` when clicked or activated from the keyboard (an SVG `<a>` is focusable), named
    /// by `label` for a screen reader. The chart that has one is a group of links, not a flat image.
    mutating func link(href: String, label: String, _ draw: (inout SVGCanvas) -> Void) {
        hasLinks = true
        add("<a class=\"collegamento\" href=\"\(Self.escape(href))\" aria-label=\"\(Self.escape(label))\">")
        draw(&self)
        add("</a>")
    }

    private(set) var hasLinks = false

    /// The whole `<svg>` element: title and description first (what a screen reader announces), then the drawing.
    /// A chart without links is one image (`role="img"`); with links it is a group whose links a keyboard reaches.
    func svg(title: String, description: String) -> String {
        let c = Self.coordinate
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"\(hasLinks ? "group" : "img")\" "
            + "aria-labelledby=\"\(identifier)-titolo \(identifier)-descrizione\" "
            + "viewBox=\"0 0 \(c(width)) \(c(height))\" width=\"\(c(width))\" height=\"\(c(height))\" "
            + "font-family=\"sans-serif\">\n"
        out += "<title id=\"\(identifier)-titolo\">\(Self.escape(title))</title>\n"
        out += "<desc id=\"\(identifier)-descrizione\">\(Self.escape(description))</desc>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(c(width))\" height=\"\(c(height))\" fill=\"#ffffff\"/>\n"
        for element in body { out += element + "\n" }
        return out + "</svg>"
    }

    // MARK: Colours (on white, each with a text label beside it: colour is never the only carrier)

    static let ink = "#1a1a1a"
    static let axis = "#5f6b76"
    static let grid = "#d5dae0"
    static let planned = "#7a8a99"
    static let actual = "#1f4e79"
    static let trend = "#1f4e79"

    /// FNV-1a of the text, as 8 hex digits: a stable, short identifier.
    static func hash(_ text: String) -> String {
        var value: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            value ^= UInt32(byte)
            value = value &* 16_777_619
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    // MARK: Text measure (no font file is read: a generous estimate, so a line never runs out of its box)

    /// The widest a sans-serif text of `size` can be, per character: 0,6 em (DejaVu Sans and Arial average about
    /// 0,55 em on Italian text; capitals and digits up to 0,6–0,7, so the estimate is kept for whole lines).
    static let characterWidth: Decimal = Decimal(string: "0.6")!

    /// The estimated width of `text` at `size`.
    static func width(of text: String, size: Decimal) -> Decimal { Decimal(text.count) * size * characterWidth }

    /// The distance between two lines of `size`.
    static func lineHeight(_ size: Decimal) -> Decimal { (size * Decimal(string: "1.25")!).rounded(.halfUp, digits: 1) }

    /// `text` broken at spaces into lines no wider than `width` at `size` (a word longer than a line is cut
    /// into pieces), at most `maxLines`; what is left over ends the last line with «…» (the full text stays in
    /// the link's name, the bar's `<title>` and the data table).
    static func wrapped(_ text: String, width: Decimal, size: Decimal, maxLines: Int = 3) -> [String] {
        let perLine = max(Int(truncating: NSDecimalNumber(decimal: width / (size * characterWidth))), 4)
        var lines: [String] = []
        var current = ""
        for word in text.split(whereSeparator: \.isWhitespace).map(String.init) {
            var word = word
            while word.count > perLine {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(word.prefix(perLine)))
                word = String(word.dropFirst(perLine))
            }
            if current.isEmpty {
                current = word
            } else if current.count + 1 + word.count <= perLine {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        kept[maxLines - 1] = shortened(kept[maxLines - 1] + " " + lines[maxLines], limit: perLine)
        return kept
    }

    /// Cuts a label to `limit` characters with an ellipsis (the full text stays in the bar's `<title>` and the table).
    static func shortened(_ text: String, limit: Int) -> String {
        let clean = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return clean.count > limit ? String(clean.prefix(limit - 1)) + "…" : clean
    }
}

/// What a chart writes beside its bars: each label wrapped in the label column when every label fits there in
/// three lines; otherwise only the codes beside the bars and, under the chart, a key with each code and its whole
/// title over the chart's width (never a cut title).
struct ChartLabels {
    /// The lines beside each bar.
    var lines: [[String]]
    /// The key under the chart, one entry (its lines) per bar; empty when the labels are whole beside the bars.
    var key: [[String]]

    static let maxLines = 3

    init(_ labels: [(code: String, text: String)], columnWidth: Decimal, keyWidth: Decimal, size: Decimal) {
        let whole = labels.map { SVGCanvas.wrapped($0.text, width: columnWidth, size: size, maxLines: .max) }
        if whole.allSatisfy({ $0.count <= Self.maxLines }) || labels.contains(where: { $0.code.isEmpty }) {
            lines = labels.map { SVGCanvas.wrapped($0.text, width: columnWidth, size: size, maxLines: Self.maxLines) }
            key = []
        } else {
            lines = labels.map { [$0.code] }
            key = labels.map { SVGCanvas.wrapped($0.text, width: keyWidth, size: size, maxLines: .max) }
        }
    }

    /// The height the key takes from its top (a heading line, then its entries with a small gap).
    func keyHeight(size: Decimal) -> Decimal {
        guard !key.isEmpty else { return 0 }
        let line = SVGCanvas.lineHeight(size)
        // The heading line, the entries, and room under the last line's descenders.
        return line * 2 + key.reduce(0) { $0 + line * Decimal($1.count) + 4 } + size
    }

    /// Draws the key from `y` (its top) at `x`.
    func drawKey(on canvas: inout SVGCanvas, x: Decimal, y: Decimal, size: Decimal) {
        guard !key.isEmpty else { return }
        let line = SVGCanvas.lineHeight(size)
        canvas.text("Legenda", x: x, y: y + size, size: size, bold: true)
        var top = y + line * 2
        for entry in key {
            canvas.lines(entry, x: x, y: top + size, size: size, cssClass: "legenda-voce")
            top += line * Decimal(entry.count) + 4
        }
    }
}
