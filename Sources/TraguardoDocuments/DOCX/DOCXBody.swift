/// `word/document.xml`: the cover block, the blocks in reading order, and the A4 section with its running
/// header and footer.
enum DOCXBody {
    static func xml(_ document: Document) -> String {
        var out = WordXML.declaration + "<w:document \(WordXML.namespaces)><w:body>"
        out += cover(document)
        let contents = HTMLWriter.contents(of: document).filter { $0.anchor.hasPrefix("sezione-") }
        if !contents.isEmpty { out += tableOfContents(contents) }
        var afterBreak = false
        var chapters = 0
        for block in document.blocks {
            switch block {
            case let .heading(level, text):
                var properties = ""
                if level <= 1 {
                    // Chapters start a new page, except the first and one right after an explicit break.
                    if chapters > 0 && !afterBreak { properties = "<w:pageBreakBefore/>" }
                    chapters += 1
                }
                out += WordXML.paragraph(style: DOCXStyles.ID.heading(level), properties: properties, runs: WordXML.run(text))
            case let .paragraph(text):
                out += WordXML.paragraph(style: nil, runs: WordXML.run(text))
            case let .note(text):
                out += WordXML.paragraph(style: DOCXStyles.ID.note, runs: WordXML.run(text))
            case .pageBreak:
                out += #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#
            case let .table(table):
                out += self.table(table, caption: table.caption)
            case let .figure(figure):
                // Word cannot be relied on to draw SVG: the figure is its caption and the data it draws.
                var data = figure.data
                let dataCaption = data.caption.flatMap { $0 == figure.caption ? nil : $0 }
                data.caption = nil
                out += WordXML.paragraph(style: DOCXStyles.ID.caption, runs: WordXML.run(figure.caption))
                out += self.table(data, caption: nil)
                if let dataCaption { out += WordXML.paragraph(style: DOCXStyles.ID.note, runs: WordXML.run(dataCaption)) }
            }
            if case .pageBreak = block { afterBreak = true } else { afterBreak = false }
        }
        out += sectionProperties
        return out + "</w:body></w:document>"
    }

    /// Ente, title, subtitle, the facts line (`Anno 2013 · periodo ANNO · metodologia «…» v1`) and the source.
    static func cover(_ document: Document) -> String {
        var out = WordXML.paragraph(style: DOCXStyles.ID.entity, runs: WordXML.run(document.entityName))
        out += WordXML.paragraph(style: DOCXStyles.ID.title, runs: WordXML.run(document.title))
        if let subtitle = document.subtitle {
            out += WordXML.paragraph(style: DOCXStyles.ID.subtitle, runs: WordXML.run(subtitle))
        }
        var facts = ["Anno \(document.year)"]
        if let period = document.period { facts.append("periodo \(period)") }
        facts.append(document.methodologyLabel)
        out += WordXML.paragraph(style: DOCXStyles.ID.coverDetail, runs: WordXML.run(facts.joined(separator: " · ")))
        out += WordXML.paragraph(style: DOCXStyles.ID.coverDetail, runs: WordXML.run(document.publishedFrom))
        if let snapshot = document.snapshot {
            out += WordXML.paragraph(style: DOCXStyles.ID.coverDetail, runs: WordXML.run(snapshot.text))
        }
        return out
    }

    /// After the cover, on a page of its own: «Indice» and Word's TOC field over the headings of levels 1–2,
    /// its result already holding the entries (Word and LibreOffice fill in the page numbers when the field is
    /// updated, which `updateFields` in the settings asks for on opening).
    static func tableOfContents(_ entries: [HTMLWriter.ContentsEntry]) -> String {
        var out = #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#
        out += WordXML.paragraph(style: DOCXStyles.ID.tocHeading, runs: WordXML.run("Indice"))
        let begin = #"<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>"#
            + #"<w:r><w:instrText xml:space="preserve"> TOC \o "1-2" \h \z \u </w:instrText></w:r>"#
            + #"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"#
        let end = #"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#
        for (index, entry) in entries.enumerated() {
            var runs = index == 0 ? begin : ""
            runs += WordXML.run(entry.text)
            if index == entries.count - 1 { runs += end }
            out += WordXML.paragraph(style: DOCXStyles.ID.toc(entry.level), runs: runs)
        }
        out += WordXML.paragraph(style: DOCXStyles.ID.note, runs: WordXML.run(
            "Se i numeri di pagina non compaiono, aggiornare l'indice (in Word: clic destro › Aggiorna campo)."))
        return out + #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#
    }

    /// The caption above (style Caption, kept with the table), the table, then an empty paragraph: two tables
    /// in a row would otherwise merge into one, and a body must not end with a table.
    static func table(_ table: DocumentTable, caption: String?) -> String {
        var out = ""
        if let caption { out += WordXML.paragraph(style: DOCXStyles.ID.caption, runs: WordXML.run(caption)) }
        let grid = DOCXTable.xml(table)
        guard !grid.isEmpty else { return out }
        return out + grid + #"<w:p><w:pPr><w:spacing w:after="120"/></w:pPr></w:p>"#
    }

    static var sectionProperties: String {
        let margin = DOCXPackageParts.margin
        return "<w:sectPr>"
            + #"<w:headerReference w:type="default" r:id="\#(DOCXPackageParts.headerRelationship)"/>"#
            + #"<w:footerReference w:type="default" r:id="\#(DOCXPackageParts.footerRelationship)"/>"#
            + #"<w:pgSz w:w="\#(DOCXPackageParts.pageWidth)" w:h="\#(DOCXPackageParts.pageHeight)"/>"#
            + #"<w:pgMar w:top="\#(margin)" w:right="\#(margin)" w:bottom="\#(margin)" w:left="\#(margin)" w:header="567" w:footer="567" w:gutter="0"/>"#
            + #"<w:cols w:space="708"/><w:docGrid w:linePitch="360"/>"#
            + "</w:sectPr>"
    }
}
