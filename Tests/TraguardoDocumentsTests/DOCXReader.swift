import Foundation
import TraguardoTestSupport

/// An independent reader for the DOCX Traguardo writes: python-docx for what Word shows (paragraph styles,
/// tables, sections, header, footer, core properties), python's `zipfile` (`testzip`, the CRC of every part)
/// and `xml.etree.ElementTree` (every part well-formed XML). Answers on stdout with JSON.
enum DOCXReader {
    struct Paragraph: Decodable {
        var style: String
        var text: String
        var pageBreakBefore: Bool
        /// The paragraph right before it is nothing but a page break.
        var afterPageBreak: Bool
    }

    struct Cell: Decodable {
        var text: String
        var span: Int
        var alignment: String?
        var bold: Bool
        var italic: Bool
        var fill: String?
    }

    struct Table: Decodable {
        /// The text of the Caption paragraph right above the table, empty when there is none.
        var caption: String
        var rows: [[Cell]]
        /// Per row, whether it is marked `w:tblHeader` (repeated on each page).
        var headerRows: [Bool]
        var width: String
        var widthType: String
        var gridColumns: Int

        var texts: [[String]] { rows.map { $0.map(\.text) } }
    }

    struct Parsed: Decodable {
        var parts: [String]
        /// `zipfile.testzip()`: nil when every part's CRC is right.
        var badPart: String?
        /// Parts ElementTree could not parse, with the reason.
        var malformed: [String]
        var paragraphs: [Paragraph]
        var tables: [Table]
        var pageWidth: Int
        var pageHeight: Int
        var leftMargin: Int
        var headerText: String
        var footerText: String
        var footerFields: [String]
        var title: String
        var author: String
        var created: String
        var language: String?
        var styleNames: [String]
        var heading1OutlineLevel: String?

        func headings(_ style: String) -> [String] { paragraphs.filter { $0.style == style }.map(\.text) }

        /// The table whose caption contains `caption`.
        func table(caption: String) -> Table? { tables.first { $0.caption.contains(caption) } }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let script = #"""
    import json, sys, zipfile
    import xml.etree.ElementTree as ET
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    path = sys.argv[1]
    out = {'malformed': []}
    with zipfile.ZipFile(path) as z:
        out['parts'] = z.namelist()
        out['badPart'] = z.testzip()
        for name in z.namelist():
            try:
                ET.fromstring(z.read(name))
            except ET.ParseError as e:
                out['malformed'].append(name + ': ' + str(e))
        styles = ET.fromstring(z.read('word/styles.xml'))
    W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
    lang = styles.find(W + 'docDefaults/' + W + 'rPrDefault/' + W + 'rPr/' + W + 'lang')
    out['language'] = lang.get(W + 'val') if lang is not None else None

    d = docx.Document(path)
    out['styleNames'] = [s.name for s in d.styles]
    h1 = d.styles['Heading 1'].element.find(qn('w:pPr') + '/' + qn('w:outlineLvl'))
    out['heading1OutlineLevel'] = h1.get(qn('w:val')) if h1 is not None else None

    def is_page_break(p):
        runs = p.findall(qn('w:r'))
        brs = p.findall('.//' + qn('w:br'))
        return bool(brs) and all(b.get(qn('w:type')) == 'page' for b in brs) and not ''.join(p.itertext()).strip()

    paragraphs, tables = [], []
    previous = None
    for child in d.element.body.iterchildren():
        if child.tag == qn('w:p'):
            p = Paragraph(child, d)
            if not is_page_break(child):
                paragraphs.append({'style': p.style.name, 'text': p.text,
                                   'pageBreakBefore': bool(p.paragraph_format.page_break_before),
                                   'afterPageBreak': previous is not None and previous.tag == qn('w:p') and is_page_break(previous)})
        elif child.tag == qn('w:tbl'):
            t = Table(child, d)
            caption = ''
            if previous is not None and previous.tag == qn('w:p'):
                pp = Paragraph(previous, d)
                if pp.style.name == 'Caption':
                    caption = pp.text
            rows, header_rows = [], []
            for tr in child.findall(qn('w:tr')):
                trPr = tr.find(qn('w:trPr'))
                header_rows.append(trPr is not None and trPr.find(qn('w:tblHeader')) is not None)
                cells = []
                for tc in tr.findall(qn('w:tc')):
                    tcPr = tc.find(qn('w:tcPr'))
                    span = tcPr.find(qn('w:gridSpan')) if tcPr is not None else None
                    shd = tcPr.find(qn('w:shd')) if tcPr is not None else None
                    paras = [Paragraph(p, d) for p in tc.findall(qn('w:p'))]
                    runs = [r for p in paras for r in p.runs]
                    jc = paras[0].paragraph_format.alignment if paras else None
                    cells.append({'text': '\n'.join(p.text for p in paras),
                                  'span': int(span.get(qn('w:val'))) if span is not None else 1,
                                  'alignment': jc.name.lower() if jc is not None else None,
                                  'bold': bool(runs) and all(r.bold for r in runs),
                                  'italic': bool(runs) and all(r.italic for r in runs),
                                  'fill': shd.get(qn('w:fill')) if shd is not None else None})
                rows.append(cells)
            tblW = child.find(qn('w:tblPr') + '/' + qn('w:tblW'))
            tables.append({'caption': caption, 'rows': rows, 'headerRows': header_rows,
                           'width': tblW.get(qn('w:w')), 'widthType': tblW.get(qn('w:type')),
                           'gridColumns': len(child.findall(qn('w:tblGrid') + '/' + qn('w:gridCol')))})
        previous = child
    out['paragraphs'] = paragraphs
    out['tables'] = tables

    section = d.sections[-1]
    out['pageWidth'] = section.page_width.twips
    out['pageHeight'] = section.page_height.twips
    out['leftMargin'] = section.left_margin.twips
    out['headerText'] = '\n'.join(p.text for p in section.header.paragraphs)
    out['footerText'] = '\n'.join(p.text for p in section.footer.paragraphs)
    footer = section.footer._element
    out['footerFields'] = [i.text.strip() for i in footer.iter(qn('w:instrText'))] \
        + [f.get(qn('w:instr')).strip() for f in footer.iter(qn('w:fldSimple'))]
    core = d.core_properties
    out['title'] = core.title
    out['author'] = core.author
    out['created'] = core.created.strftime('%Y-%m-%dT%H:%M:%SZ') if core.created else ''
    json.dump(out, sys.stdout)
    """#

    static func parse(docx url: URL) throws -> Parsed {
        let output: Data
        do { output = try Python.run(script, arguments: [url.path]) } catch {
            throw Failure(description: "python-docx non ha letto il documento: \(error)")
        }
        return try JSONDecoder().decode(Parsed.self, from: output)
    }
}
