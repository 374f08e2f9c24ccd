import Foundation
import Testing
import TraguardoCore
import TraguardoDocuments
import TraguardoExchange
import TraguardoSpreadsheet
import TraguardoTestSupport

/// The Relazione of the example datasets written as DOCX (`DOCXWriter` + `DOCXPackage`) and opened with
/// python-docx: the structure Word shows (styles, chapters, tables, A4, header, footer) and the engine's figures.
@Suite("Relazione sulla performance in DOCX", .enabled(if: PythonDocx.shouldRun))
struct RelazioneDOCXTests {
    struct Built {
        var plan: CyclePlan
        var scores: PlanScores
        var document: Document
        var parsed: DOCXReader.Parsed
    }

    static let createdAt = Date(timeIntervalSince1970: 1_764_770_400)  // 2025-12-03T14:00:00Z

    static func write(_ document: Document) throws -> DOCXReader.Parsed {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("relazione.docx")
        try DOCXPackage.write(parts: DOCXWriter.parts(document, createdAt: createdAt), to: url)
        // Only the file itself: the temporary name it was written under is gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["relazione.docx"])
        return try DOCXReader.parse(docx: url)
    }

    static func build(_ folder: String) throws -> Built {
        let plan = try Examples.plan(folder)
        let scores = PlanScorer.score(plan)
        let document = RelazioneBuilder.build(plan: plan, scores: scores, source: "Examples/\(folder)")
        return Built(plan: plan, scores: scores, document: document, parsed: try write(document))
    }

    @Test func lucca2013HasTheChaptersAndTheEnginesFigures() throws {
        let built = try Self.build("lucca-2013")
        let parsed = built.parsed
        let chapters = parsed.headings("Heading 1")
        #expect(chapters.contains("Sintesi dei risultati 2013"))
        #expect(chapters.contains { $0.hasPrefix("Allegato n.") && $0.contains("Procedimenti") })
        #expect(chapters.contains { $0.hasPrefix("Allegato n.") && $0.contains("dirigenti") })
        #expect(parsed.headings("Heading 2").contains { $0.hasPrefix("SG-4 – ") })
        #expect(parsed.headings("Title") == ["Relazione sulla performance 2013"])
        #expect(parsed.headings("Subtitle") == ["Risultati 2013"])
        #expect(chapters == built.document.headings.filter { $0.level == 1 }.map(\.text))

        // Procedures: the total row shows the engine's 97,51.
        let total = try #require(built.scores.procedureTotal).score.shown
        #expect(total == "97,51")
        let procedures = try #require(parsed.table(caption: "Procedimenti monitorati"))
        let totalRow = try #require(procedures.texts.last)
        #expect(totalRow.first == "Risultato finale complessivo")
        #expect(totalRow.contains(total))
        #expect(procedures.rows.last?.first?.span == 3)
        #expect(procedures.rows.count == built.plan.procedures.count + 2)

        // SG-4 in the managers' summary (allegato n. 4): the engine's value. The seed printed 68,49; from the
        // example's data (SG-4/a 98,73, not the printed 98,99) the engine gives 68,43, as attesi.yaml records.
        let sg4 = try #require(built.scores.objective(code: "SG-4")).score.shown
        #expect(sg4 == "68,43")
        let summary = try #require(parsed.table(caption: "Proposta di % di raggiungimento"))
        let row = try #require(summary.rows.first { $0.first?.text == "SG-4" })
        #expect(row[2].text == sg4)
        #expect(row[2].alignment == "right")
    }

    @Test func lucca2018HasTheCartaDeiServizi() throws {
        let built = try Self.build("lucca-2018")
        let parsed = built.parsed
        #expect(parsed.headings("Heading 1").contains { $0.hasPrefix("Allegato n.") && $0.contains("Carta dei servizi") })
        let charter = try #require(built.scores.serviceCharter).score.shown
        #expect(charter == "99,22")
        let table = try #require(parsed.table(caption: "Carta dei servizi"))
        #expect(table.texts.last?.first == "Totale")
        #expect(table.texts.last?.contains(charter) == true)
        // A justified deviation is shaded; an N.C. row is italic.
        let justified = try #require(table.rows.first { $0.first?.text == "3.3.1.b" })
        #expect(justified[4].fill != nil)
        let notComputable = try #require(table.rows.first { $0.first?.text == "3.1.2" })
        #expect(notComputable[4].text.hasPrefix("N.C.: "))
        #expect(notComputable[4].italic)
        let sg1 = try #require(built.scores.objective(code: "SG-1")).score.shown
        let summary = try #require(parsed.table(caption: "Proposta di % di raggiungimento"))
        #expect(summary.rows.first { $0.first?.text == "SG-1" }?[2].text == sg1)
    }

    /// The package: every part there, intact (CRC) and well-formed; A4; header, footer, properties, styles.
    @Test(arguments: ["lucca-2013", "lucca-2018"])
    func thePackageIsAWordDocument(_ folder: String) throws {
        let built = try Self.build(folder)
        let parsed = built.parsed
        #expect(Set(parsed.parts) == [
            "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
            "word/styles.xml", "word/settings.xml", "word/header1.xml", "word/footer1.xml",
            "docProps/core.xml", "docProps/app.xml",
        ])
        #expect(parsed.badPart == nil)
        #expect(parsed.malformed.isEmpty, "\(parsed.malformed)")
        #expect(parsed.pageWidth == 11906 && parsed.pageHeight == 16838)
        #expect(parsed.leftMargin == 1134)
        #expect(parsed.headerText == "\(built.document.entityName) – \(built.document.title)")
        #expect(parsed.footerFields.contains("PAGE"))
        #expect(parsed.footerFields.contains("NUMPAGES"))
        #expect(parsed.footerText.hasPrefix("Pagina "))
        #expect(parsed.title == built.document.title)
        #expect(parsed.author == "Traguardo")
        #expect(parsed.created == "2025-12-03T14:00:00Z")
        #expect(parsed.language == "it-IT")
        #expect(parsed.heading1OutlineLevel == "0")
        for style in ["Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Caption", "Nota"] {
            #expect(parsed.styleNames.contains(style), "manca lo stile \(style)")
        }

        // Every table of the document, captioned, full width, its header row repeated on each page.
        #expect(parsed.tables.count == built.document.tablesWithChartData.count)
        for (table, written) in zip(parsed.tables, built.document.tablesWithChartData) {
            #expect(table.caption == (written.caption ?? ""))
            #expect(table.widthType == "pct" && table.width == "5000")
            #expect(table.headerRows.first == true)
            #expect(table.headerRows.filter { $0 }.count == written.header.count)
            #expect(table.rows.first?.allSatisfy(\.bold) == true)
        }

        // Each chapter on a new page: by its own page break or one right before it, never both; the first one
        // after the table of contents' page break.
        let chapters = parsed.paragraphs.filter { $0.style == "Heading 1" }
        #expect(chapters.count > 2)
        #expect(chapters.first?.pageBreakBefore == false && chapters.first?.afterPageBreak == true)
        for chapter in chapters.dropFirst() {
            #expect(chapter.pageBreakBefore != chapter.afterPageBreak, "«\(chapter.text)»")
        }
        // The cover: Ente, title, and the line with year, period and methodology.
        #expect(parsed.paragraphs.first?.text == built.document.entityName)
        #expect(parsed.paragraphs.contains { $0.text.hasPrefix("Anno \(built.document.year) · ") && $0.text.hasSuffix(built.document.methodologyLabel) })
        #expect(parsed.paragraphs.contains { $0.text == built.document.publishedFrom })
    }

    /// Markup characters stay text, characters XML 1.0 forbids are dropped, cells keep span and emphasis, a
    /// figure is its caption and data table.
    @Test func textIsTextAndCellsKeepTheirLook() throws {
        let nasty = "<b>&</b> \"virgolette\" 'apici' ]]> <w:t>"
        let document = Document(
            title: "Titolo <b>&", subtitle: nasty, entityName: "Ente \"&\"", entityCode: "x", year: 2013,
            methodologyName: "M <&>", generatedFrom: "fonte\u{1}\u{B} pulita",
            blocks: [
                .heading(level: 1, text: "Capitolo <b>&"),
                .paragraph("  spazi  iniziali e finali  "),
                .note(nasty),
                .heading(level: 7, text: "Livello profondo"),
                .table(DocumentTable(
                    caption: "Tabella <b>&", columns: ["A<b>", "&", "C"],
                    rows: [
                        [TableCell(nasty), .trailing("1 < 2", emphasis: .strong), TableCell("n.c.", emphasis: .muted)],
                        [TableCell("Totale", emphasis: .flagged, columnSpan: 2), .number(3)],
                        [TableCell("corta")],
                    ])),
                .pageBreak,
                .heading(level: 1, text: "Dopo l'interruzione"),
                .figure(DocumentFigure(
                    caption: "Grafico <&>", svg: "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
                    data: DocumentTable(columns: ["Area", "%"], rows: [[TableCell("A"), .number(50)]]))),
            ])
        let parsed = try Self.write(document)
        #expect(parsed.malformed.isEmpty)
        #expect(parsed.title == "Titolo <b>&")
        #expect(parsed.headerText == "Ente \"&\" – Titolo <b>&")
        #expect(parsed.headings("Heading 1") == ["Capitolo <b>&", "Dopo l'interruzione"])
        #expect(parsed.headings("Heading 4") == ["Livello profondo"])
        #expect(parsed.headings("Nota") == [nasty])
        #expect(parsed.paragraphs.contains { $0.text == "  spazi  iniziali e finali  " })
        #expect(parsed.paragraphs.contains { $0.text == "fonte pulita" })
        #expect(parsed.paragraphs.contains { $0.text.contains("metodologia «M <&>» (predefinita)") })

        #expect(parsed.tables.count == 2)
        let table = try #require(parsed.table(caption: "Tabella <b>&"))
        #expect(table.gridColumns == 3)
        #expect(table.texts == [["A<b>", "&", "C"], [nasty, "1 < 2", "n.c."], ["Totale", "3"], ["corta", ""]])
        #expect(table.headerRows == [true, false, false, false])
        let body = table.rows[1]
        #expect(body[1].alignment == "right" && body[1].bold)
        #expect(body[2].italic && !body[2].bold)
        #expect(body[0].alignment == nil && !body[0].bold && body[0].fill == nil)
        #expect(table.rows[2][0].span == 2 && table.rows[2][0].fill != nil)
        #expect(table.rows[3][1].span == 2, "a short row is completed by one cell spanning the rest")

        let figure = try #require(parsed.tables.last)
        #expect(figure.caption == "Grafico <&>")
        #expect(figure.texts == [["Area", "%"], ["A", "50"]])
        let chapters = parsed.paragraphs.filter { $0.style == "Heading 1" }
        #expect(chapters.map(\.pageBreakBefore) == [false, false])
        #expect(chapters.map(\.afterPageBreak) == [false, true])
    }

    @Test func aFailedWriteLeavesNoFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("doppio.docx")
        let part = DOCXPart(path: "[Content_Types].xml", data: Data("<Types/>".utf8))
        #expect(throws: SpreadsheetError.self) { try DOCXPackage.write(parts: [part, part], to: url) }
        let missing = folder.appendingPathComponent("manca/relazione.docx")
        #expect(throws: SpreadsheetError.self) { try DOCXPackage.write(parts: [part], to: missing) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
