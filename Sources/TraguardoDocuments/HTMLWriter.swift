import Foundation

/// A document as one self-contained HTML5 file: inline CSS, no script, no external resource, `lang="it"`.
/// Print CSS for A4 (margins, each chapter on a new page, a running header with the Ente and the year where
/// the browser supports `@page` margin boxes). The markup is well-formed XML (XHTML-compatible): every tag
/// closed, every text escaped, so any XML parser reads it.
public enum HTMLWriter {
    /// - Parameter pages: the printed page of each entry of the table of contents (`contents(of:)`), once a
    ///   first print has found them (`PrintedContents`); nil: the entries have no number (on screen, or the
    ///   first print, where the number's room is kept empty so that nothing moves when it is filled).
    public static func html(_ document: Document, pages: [Int]? = nil) -> String {
        var out = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="it" xml:lang="it">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta name="generator" content="Traguardo"/>
            <title>\(HTMLEscaping.text("\(document.title) – \(document.entityName)"))</title>
            <style>
            \(css(document))
            </style>
            </head>
            <body>

            """
        out += "<header class=\"document-header\">\n"
        out += "<p class=\"ente\">\(HTMLEscaping.text(document.entityName))</p>\n"
        out += "<h1 class=\"document-title\">\(HTMLEscaping.text(document.title))</h1>\n"
        if let subtitle = document.subtitle {
            out += "<p class=\"subtitle\">\(HTMLEscaping.text(subtitle))</p>\n"
        }
        var facts = ["Anno \(document.year)"]
        if let period = document.period { facts.append("periodo \(period)") }
        // A programming document (the RPP) is not scored: no methodology to name.
        if !document.methodologyName.isEmpty { facts.append(document.methodologyLabel) }
        out += "<p class=\"facts\">\(HTMLEscaping.text(facts.joined(separator: " · ")))</p>\n"
        out += generatedFrom(document)
        if let snapshot = document.snapshot {
            out += "<p class=\"snapshot\">\(HTMLEscaping.text(snapshot.text))</p>\n"
        }
        out += "</header>\n"
        let entries = contents(of: document)
        if !entries.isEmpty { out += tableOfContents(entries, pages: pages) }
        out += "<main>\n"
        var afterBreak = false
        var chapters = 0
        var headingIndex = 0
        var figures: [DocumentFigure] = []
        for block in document.blocks {
            switch block {
            case let .heading(level, text):
                let tag = "h\(min(max(level, 1), 5) + 1)"
                var classes: [String] = []
                if level <= 1 {
                    // Chapters start a new page in print, except the first and those right after an explicit break.
                    classes.append(chapters > 0 && !afterBreak ? "chapter" : "chapter no-break")
                    chapters += 1
                }
                let cls = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                out += "<\(tag)\(cls) id=\"\(anchor(headingIndex))\">\(HTMLEscaping.text(text))</\(tag)>\n"
                headingIndex += 1
            case let .paragraph(text):
                out += "<p>\(HTMLEscaping.text(text))</p>\n"
            case let .note(text):
                out += "<p class=\"note\">\(HTMLEscaping.text(text))</p>\n"
            case .pageBreak:
                out += "<div class=\"page-break\"></div>\n"
            case let .table(table):
                out += self.table(table)
            case let .figure(figure):
                figures.append(figure)
                out += self.figure(figure, number: figures.count)
            }
            if case .pageBreak = block { afterBreak = true } else { afterBreak = false }
        }
        if !figures.isEmpty { out += chartDataAppendix(figures) }
        out += "</main>\n"
        out += "<footer class=\"document-footer\">" + generatedFrom(document) + "</footer>\n"
        out += "</body>\n</html>\n"
        return out
    }

    /// What the document was made from: on screen with the database or folder read, in print without it.
    static func generatedFrom(_ document: Document) -> String {
        guard document.publishedFrom != document.generatedFrom else {
            return "<p class=\"generated-from\">\(HTMLEscaping.text(document.generatedFrom))</p>\n"
        }
        return "<p class=\"generated-from screen-only\">\(HTMLEscaping.text(document.generatedFrom))</p>\n"
            + "<p class=\"generated-from print-only\">\(HTMLEscaping.text(document.publishedFrom))</p>\n"
    }

    // MARK: Table of contents

    /// One line of the table of contents: a chapter (level 1) or a section (level 2), and its heading's anchor.
    public struct ContentsEntry: Hashable, Sendable {
        public var level: Int
        public var text: String
        public var anchor: String
    }

    /// The chapters and sections of `document`, in order; empty for a document of fewer than three chapters
    /// (nothing to find in it). The appendix of the charts' data closes the list when there are charts.
    public static func contents(of document: Document) -> [ContentsEntry] {
        let headings = document.headings
        guard headings.filter({ $0.level <= 1 }).count >= 3 else { return [] }
        var entries = headings.enumerated().compactMap { index, heading in
            heading.level <= 2 ? ContentsEntry(level: heading.level, text: heading.text, anchor: anchor(index)) : nil
        }
        if document.blocks.contains(where: { if case .figure = $0 { true } else { false } }) {
            entries.append(ContentsEntry(level: 1, text: chartDataTitle, anchor: "dati-dei-grafici"))
        }
        return entries
    }

    static func anchor(_ headingIndex: Int) -> String { "sezione-\(headingIndex + 1)" }

    /// The line closing the printed table of contents: the first print looks for it to know where the
    /// contents end (the headings are looked for after it).
    public static let contentsEnd = "I numeri sono quelli delle pagine stampate."

    static func tableOfContents(_ entries: [ContentsEntry], pages: [Int]?) -> String {
        var out = "<nav class=\"toc\" aria-labelledby=\"indice\">\n<h2 id=\"indice\" class=\"toc-title\">Indice</h2>\n<ol>\n"
        for (index, entry) in entries.enumerated() {
            let page = pages.flatMap { index < $0.count ? String($0[index]) : nil } ?? ""
            out += "<li class=\"toc-\(entry.level <= 1 ? "chapter" : "section")\"><a href=\"#\(entry.anchor)\">"
                + "<span class=\"toc-text\">\(HTMLEscaping.text(entry.text))</span><span class=\"toc-dots\"></span>"
                + "<span class=\"toc-page\">\(page)</span></a></li>\n"
        }
        out += "</ol>\n"
        out += "<p class=\"toc-end\">\(contentsEnd)</p>\n"
        return out + "</nav>\n"
    }

    // MARK: Charts

    static let chartDataTitle = "Appendice – Dati dei grafici"

    /// The drawing inline (it is self-contained SVG) and its caption; its data are in the appendix, table A.n.
    static func figure(_ figure: DocumentFigure, number: Int) -> String {
        var out = "<figure class=\"chart\">\n" + figure.svg + "\n"
        out += "<figcaption>Figura \(number) – \(HTMLEscaping.text(figure.caption)) "
            + "<span class=\"chart-source\">(dati nella <a href=\"#dati-grafico-\(number)\">tabella A.\(number)</a>)</span></figcaption>\n"
        return out + "</figure>\n"
    }

    /// The figures each chart draws, one table per chart, at the end of the document (a printed page has no
    /// folding «Dati del grafico»).
    static func chartDataAppendix(_ figures: [DocumentFigure]) -> String {
        var out = "<section class=\"chart-appendix\">\n<h2 id=\"dati-dei-grafici\" class=\"chapter\">\(chartDataTitle)</h2>\n"
        for (index, figure) in figures.enumerated() {
            var data = figure.data
            data.caption = "Tabella A.\(index + 1) – " + (data.caption ?? figure.caption)
            out += "<div id=\"dati-grafico-\(index + 1)\">\n" + table(data) + "</div>\n"
        }
        return out + "</section>\n"
    }

    static func table(_ table: DocumentTable) -> String {
        var out = "<table>\n"
        if let caption = table.caption { out += "<caption>\(HTMLEscaping.text(caption))</caption>\n" }
        if !table.header.isEmpty {
            out += "<thead>\n"
            for row in table.header { out += "<tr>" + row.map { cell($0, tag: "th") }.joined() + "</tr>\n" }
            out += "</thead>\n"
        }
        out += "<tbody>\n"
        for row in table.rows { out += "<tr>" + row.map { cell($0, tag: "td") }.joined() + "</tr>\n" }
        out += "</tbody>\n</table>\n"
        return out
    }

    static func cell(_ cell: TableCell, tag: String) -> String {
        var classes: [String] = []
        switch cell.alignment {
        case .leading: break
        case .center: classes.append("center")
        case .trailing: classes.append("number")
        }
        switch cell.emphasis {
        case .none: break
        case .strong: classes.append("strong")
        case .muted: classes.append("muted")
        case .flagged: classes.append("flagged")
        }
        var attributes = ""
        if tag == "th" { attributes += " scope=\"col\"" }
        if !classes.isEmpty { attributes += " class=\"\(classes.joined(separator: " "))\"" }
        if cell.columnSpan > 1 { attributes += " colspan=\"\(cell.columnSpan)\"" }
        return "<\(tag)\(attributes)>\(HTMLEscaping.text(cell.text))</\(tag)>"
    }

    /// The style sheet: screen and print (A4). No `<`, `&` or `>` outside CSS escapes, so it is also valid XML text.
    static func css(_ document: Document) -> String {
        let running = HTMLEscaping.cssString("\(document.entityName) – \(document.title)")
        return """
            :root { --ink: #1a1a1a; --rule: #9aa3ad; --soft: #eef1f4; --flag: #fff4d6; }
            html { font-family: "Titillium Web", "Helvetica Neue", Arial, sans-serif; color: var(--ink); }
            body { margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.45; font-size: 11pt; }
            .document-header { border-bottom: 2px solid var(--ink); margin-bottom: 1.5rem; }
            .document-header .ente { font-variant: small-caps; font-size: 1.1em; margin: 0; }
            .document-title { font-size: 1.8em; margin: 0.2em 0; }
            .subtitle { font-size: 1.2em; margin: 0 0 0.4em 0; }
            .facts, .generated-from, .snapshot, .document-footer { color: #444; font-size: 0.9em; }
            h2 { font-size: 1.4em; margin-top: 2em; border-bottom: 1px solid var(--rule); }
            h3 { font-size: 1.15em; margin-top: 1.4em; }
            h4, h5, h6 { font-size: 1em; }
            table { border-collapse: collapse; width: 100%; margin: 0.8em 0 1.2em 0; font-size: 0.95em; }
            caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
            th, td { border: 1px solid var(--rule); padding: 0.25em 0.45em; vertical-align: top; text-align: left; }
            thead th { background: var(--soft); }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; break-inside: avoid; }
            td.number, th.number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
            td.center, th.center { text-align: center; }
            .strong { font-weight: bold; }
            .muted { color: #555; font-style: italic; }
            .flagged { background: var(--flag); }
            figure.chart { margin: 1em 0 1.4em 0; break-inside: avoid; page-break-inside: avoid; }
            figure.chart svg { max-width: 100%; height: auto; display: block; }
            figcaption { font-weight: bold; padding: 0.3em 0; }
            .print-only { display: none; }
            .chart-source { font-weight: normal; color: #444; font-size: 0.9em; }
            nav.toc ol { list-style: none; padding: 0; margin: 0 0 1em 0; }
            nav.toc li.toc-chapter { margin-top: 0.5em; font-weight: bold; }
            nav.toc li.toc-section { padding-left: 1.5em; font-size: 0.92em; }
            nav.toc a { display: flex; align-items: flex-end; color: inherit; text-decoration: none; }
            nav.toc a:hover .toc-text, nav.toc a:focus .toc-text { text-decoration: underline; }
            nav.toc .toc-text { flex: 0 1 auto; }
            nav.toc .toc-dots { flex: 1 1 2em; border-bottom: 1px dotted #888; margin: 0 0.3em 0.3em 0.3em; min-width: 2em; }
            nav.toc .toc-page { flex: 0 0 2.5em; text-align: right; font-variant-numeric: tabular-nums; }
            .toc-end { color: #444; font-size: 0.9em; }
            .note { border-left: 3px solid var(--rule); padding-left: 0.6em; color: #333; font-size: 0.95em; }
            .document-footer { border-top: 1px solid var(--rule); margin-top: 2rem; }
            @page {
              size: A4;
              margin: 20mm 18mm 22mm 18mm;
              @top-center { content: "\(running)"; font-size: 8pt; color: #555; }
              @bottom-right { content: "Pagina " counter(page) " di " counter(pages); font-size: 8pt; color: #555; }
            }
            @page :first {
              @top-center { content: none; }
              @bottom-right { content: none; }
            }
            @media print {
              body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
              .screen-only { display: none; }
              .print-only { display: block; }
              .document-header { min-height: 230mm; display: flex; flex-direction: column; justify-content: center;
                border-bottom: none; margin: 0; break-after: page; page-break-after: always; }
              .document-header .ente { font-size: 1.6em; }
              .document-title { font-size: 2.6em; margin: 0.4em 0; }
              .document-header .subtitle { font-size: 1.5em; }
              .document-header .facts { margin-top: 3em; font-size: 1.1em; }
              nav.toc { break-after: page; page-break-after: always; }
              nav.toc h2 { margin-top: 0; }
              nav.toc li { break-inside: avoid; }
              figure.chart svg { max-height: 215mm; width: auto; margin: 0 auto; }
              figure.chart figcaption a { color: inherit; }
              .chart-appendix table { break-inside: auto; }
              h2.chapter { page-break-before: always; break-before: page; }
              h2.chapter.no-break { page-break-before: auto; break-before: auto; }
              .page-break { page-break-before: always; break-before: page; height: 0; }
              h2, h3, h4, caption { page-break-after: avoid; break-after: avoid; }
              p:has(+ figure.chart) { break-after: avoid; }
              a { color: inherit; text-decoration: none; }
            }
            """
    }
}
