import Foundation
import Testing
import TraguardoDocuments

@Suite("HTML: ogni testo è testo")
struct EscapingTests {
    @Test func markupInTextStaysText() throws {
        let nasty = "<b>&</b> \"virgolette\" 'apici' <script>alert(1)</script>"
        let document = Document(
            title: "Titolo <b>&", subtitle: nasty, entityName: "Ente <i>&amp;", entityCode: "x", year: 2013,
            methodologyName: "M \"</style>", generatedFrom: nasty,
            blocks: [
                .heading(level: 1, text: "Capitolo <b>&"),
                .paragraph(nasty),
                .note(nasty),
                .table(DocumentTable(caption: "Tabella <b>&", columns: ["A<b>", "&"], rows: [[TableCell(nasty), .trailing("1 < 2")]])),
            ])
        let html = HTMLWriter.html(document)
        #expect(!html.contains("<b>"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<i>"))
        let parsed = try XMLReader.parse(html: html)
        #expect(parsed.title == "Titolo <b>& – Ente <i>&amp;")
        #expect(parsed.headings.contains("Titolo <b>&"))
        #expect(parsed.headings.contains("Capitolo <b>&"))
        #expect(parsed.captions == ["Tabella <b>&"])
        #expect(parsed.tables == [[["A<b>", "&"], [nasty, "1 < 2"]]])
        #expect(parsed.texts.contains(nasty))
    }
}
