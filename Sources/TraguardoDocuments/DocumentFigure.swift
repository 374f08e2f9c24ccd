import Foundation

/// A chart in a document: its caption, the drawing as a complete `<svg>` element, and the same figures as a
/// table (what a screen reader, a DOCX or an XLSX gets; the drawing never carries a number the table lacks).
public struct DocumentFigure: Hashable, Sendable {
    /// `Grado di raggiungimento per area strategica`.
    public var caption: String
    /// A self-contained `<svg xmlns="http://www.w3.org/2000/svg" …>…</svg>`, no external reference.
    public var svg: String
    /// The data drawn, in Italian text as the rest of the document.
    public var data: DocumentTable

    public init(caption: String, svg: String, data: DocumentTable) {
        self.caption = caption
        self.svg = svg
        self.data = data
    }
}
