import Foundation
import TraguardoTestSupport

/// An independent reader for the HTML Traguardo writes: python3's `xml.etree.ElementTree` (a strict XML
/// parser), run for one file, answering on stdout with JSON: the title, the headings, the tables' cell texts
/// and every text node. If the markup were not well-formed XML the parser would fail and so would the test.
enum XMLReader {
    struct Parsed: Decodable {
        var title: String
        var headings: [String]
        /// Tables → rows (thead and tbody) → cell texts.
        var tables: [[[String]]]
        var captions: [String]
        var texts: [String]
        var lang: String?
        /// The figures' captions (`<figcaption>`), in order.
        var figures: [String]
        /// Each inline `<svg>` of the page, as its own text (to be read again with `SVGReader`).
        var drawings: [String]
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let script = #"""
    import json, sys
    import xml.etree.ElementTree as ET
    root = ET.parse(sys.argv[1]).getroot()
    def local(tag):
        return tag.rsplit('}', 1)[-1] if isinstance(tag, str) else ''
    def text(el):
        return ' '.join(''.join(el.itertext()).split())
    out = {'title': '', 'headings': [], 'tables': [], 'captions': [], 'texts': [],
           'lang': root.get('lang'), 'figures': [], 'drawings': []}
    XHTML = '{http://www.w3.org/1999/xhtml}'
    SVG = '{http://www.w3.org/2000/svg}'
    ET.register_namespace('', 'http://www.w3.org/2000/svg')
    for el in root.iter():
        name = local(el.tag)
        if el.tag == SVG + 'svg':
            out['drawings'].append(ET.tostring(el, encoding='unicode'))
        if isinstance(el.tag, str) and el.tag.startswith(SVG):
            continue  # the drawings' own titles and texts are read by SVGReader
        if name == 'title':
            out['title'] = text(el)
        elif name == 'figcaption':
            out['figures'].append(text(el))
        elif name in ('h1', 'h2', 'h3', 'h4', 'h5', 'h6'):
            out['headings'].append(text(el))
        elif name == 'table':
            rows = []
            for tr in el.iter():
                if local(tr.tag) == 'tr':
                    rows.append([text(c) for c in tr if local(c.tag) in ('td', 'th')])
            out['tables'].append(rows)
            out['captions'].append(next((text(c) for c in el if local(c.tag) == 'caption'), ''))
        elif name in ('p', 'td', 'th', 'caption'):
            out['texts'].append(text(el))
    json.dump(out, sys.stdout)
    """#

    static func parse(html: String) throws -> Parsed {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("traguardo-documenti-\(UUID().uuidString).html")
        try Data(html.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let output: Data
        do { output = try Python.run(script, arguments: [file.path]) } catch {
            throw Failure(description: "il parser XML ha rifiutato il file: \(error)")
        }
        return try JSONDecoder().decode(Parsed.self, from: output)
    }
}
