import Foundation

/// One block of a document, in reading order.
public enum DocumentBlock: Hashable, Sendable {
    /// Level 1 is a chapter (an allegato, the results of a manager): it starts a new page in print.
    case heading(level: Int, text: String)
    case paragraph(String)
    case table(DocumentTable)
    /// A chart: drawn as SVG in HTML and PDF, given as its data table where a format cannot draw it (DOCX, XLSX).
    case figure(DocumentFigure)
    /// A remark set apart from the text (an N.C. reason, a justified deviation, a source).
    case note(String)
    /// Forces a new page in print.
    case pageBreak
}
