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

    /// The whole `<svg>` element: title and description first (what a screen reader announces), then the drawing.
    func svg(title: String, description: String) -> String {
        let c = Self.coordinate
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
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

    /// Cuts a label to `limit` characters with an ellipsis (the full text stays in the bar's `<title>` and the table).
    static func shortened(_ text: String, limit: Int) -> String {
        let clean = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return clean.count > limit ? String(clean.prefix(limit - 1)) + "…" : clean
    }
}
