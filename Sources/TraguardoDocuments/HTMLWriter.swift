import Foundation

/// A document as one self-contained HTML5 file: inline CSS, no script, no external resource, `lang="it"`.
/// Print CSS for A4 (margins, each chapter on a new page, a running header with the Ente and the year where
/// the browser supports `@page` margin boxes). The markup is well-formed XML (XHTML-compatible): every tag
/// closed, every text escaped, so any XML parser reads it.
public enum HTMLWriter {
    public static func html(_ document: Document) -> String {
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
        out += "<p class=\"generated-from\">\(HTMLEscaping.text(document.generatedFrom))</p>\n"
        if let snapshot = document.snapshot {
            out += "<p class=\"snapshot\">\(HTMLEscaping.text(snapshot.text))</p>\n"
        }
        out += "</header>\n<main>\n"
        var afterBreak = false
        var chapters = 0
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
                out += "<\(tag)\(cls)>\(HTMLEscaping.text(text))</\(tag)>\n"
            case let .paragraph(text):
                out += "<p>\(HTMLEscaping.text(text))</p>\n"
            case let .note(text):
                out += "<p class=\"note\">\(HTMLEscaping.text(text))</p>\n"
            case .pageBreak:
                out += "<div class=\"page-break\"></div>\n"
            case let .table(table):
                out += self.table(table)
            case let .figure(figure):
                out += self.figure(figure)
            }
            if case .pageBreak = block { afterBreak = true } else { afterBreak = false }
        }
        out += "</main>\n"
        out += "<footer class=\"document-footer\"><p>\(HTMLEscaping.text(document.generatedFrom))</p></footer>\n"
        out += "</body>\n</html>\n"
        return out
    }

    /// The drawing inline (it is self-contained SVG), its caption, and the data table folded under it.
    static func figure(_ figure: DocumentFigure) -> String {
        var out = "<figure class=\"chart\">\n" + figure.svg + "\n"
        out += "<figcaption>\(HTMLEscaping.text(figure.caption))</figcaption>\n"
        out += "<details class=\"chart-data\"><summary>Dati del grafico</summary>\n" + table(figure.data) + "</details>\n"
        return out + "</figure>\n"
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
            .chart-data summary { color: #444; font-size: 0.9em; cursor: pointer; }
            .note { border-left: 3px solid var(--rule); padding-left: 0.6em; color: #333; font-size: 0.95em; }
            .document-footer { border-top: 1px solid var(--rule); margin-top: 2rem; }
            @page {
              size: A4;
              margin: 20mm 18mm 22mm 18mm;
              @top-center { content: "\(running)"; font-size: 8pt; color: #555; }
              @bottom-right { content: "Pagina " counter(page) " di " counter(pages); font-size: 8pt; color: #555; }
            }
            @media print {
              body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
              h2.chapter { page-break-before: always; break-before: page; }
              h2.chapter.no-break { page-break-before: auto; break-before: auto; }
              .page-break { page-break-before: always; break-before: page; height: 0; }
              h2, h3, h4, caption { page-break-after: avoid; break-after: avoid; }
              a { color: inherit; text-decoration: none; }
            }
            """
    }
}
