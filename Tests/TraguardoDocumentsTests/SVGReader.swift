import Foundation
import TraguardoTestSupport

/// An independent reader for the charts' SVG: python3's `xml.etree.ElementTree`, which rejects anything that is
/// not well-formed XML. It answers with the root's attributes, the title and description, the bars (by class),
/// the points of a line, the texts drawn, and every attribute that points outside the drawing.
enum SVGReader {
    struct Parsed: Decodable {
        var root: String
        var attributes: [String: String]
        var title: String
        var description: String
        /// The ids the root's `aria-labelledby` names, and whether each exists.
        var labelledByExists: [Bool]
        /// `rect` elements by their class (`barra`, `legenda`), with their width and their own `<title>`.
        var rects: [Rect]
        var circles: Int
        var polylines: Int
        /// Text elements: class (or empty) and text.
        var texts: [Text]
        /// Attributes naming something outside the drawing (`href`, `url(`, `http` other than the namespace).
        var external: [String]
        /// The circles (points of a line): centre and own `<title>`.
        var points: [Point]
        /// The `<a>` elements: where they lead, their accessible name, and the classes of the shapes inside.
        var links: [Link]

        struct Point: Decodable {
            var cx: Double
            var cy: Double
            var title: String
        }

        struct Link: Decodable {
            var href: String
            var label: String
            var contents: [String]
        }

        struct Rect: Decodable {
            var cssClass: String
            var width: Double
            var title: String
            var x: Double
            var y: Double
        }

        struct Text: Decodable {
            var cssClass: String
            /// The lines joined by a space.
            var text: String
            /// Each line (`<tspan>`) as drawn; one when the text has no `<tspan>`.
            var lines: [String]
            var x: Double
            var y: Double
            var fontSize: Double
            var anchor: String
        }

        func texts(_ cssClass: String) -> [String] { texts.filter { $0.cssClass == cssClass }.map(\.text) }
        func textElements(_ cssClass: String) -> [Text] { texts.filter { $0.cssClass == cssClass } }
        func rects(_ cssClass: String) -> [Rect] { rects.filter { $0.cssClass == cssClass } }
    }

    static let script = #"""
    import json, sys
    import xml.etree.ElementTree as ET
    NS = '{http://www.w3.org/2000/svg}'
    root = ET.fromstring(open(sys.argv[1], encoding='utf-8').read())
    def local(tag):
        return tag.rsplit('}', 1)[-1] if isinstance(tag, str) else ''
    def own_title(el):
        t = el.find(NS + 'title')
        return ''.join(t.itertext()) if t is not None else ''
    ids = {el.get('id') for el in root.iter() if el.get('id')}
    out = {'root': root.tag, 'attributes': dict(root.attrib), 'title': '', 'description': '',
           'labelledByExists': [i in ids for i in (root.get('aria-labelledby') or '').split()],
           'rects': [], 'circles': 0, 'polylines': 0, 'texts': [], 'external': [], 'points': [], 'links': []}
    t = root.find(NS + 'title'); d = root.find(NS + 'desc')
    out['title'] = ''.join(t.itertext()) if t is not None else ''
    out['description'] = ''.join(d.itertext()) if d is not None else ''
    for el in root.iter():
        name = local(el.tag)
        for key, value in el.attrib.items():
            if 'href' in key or 'url(' in value or ('http' in value and value != 'http://www.w3.org/2000/svg'):
                out['external'].append(key + '=' + value)
        if name == 'rect' and el.get('class'):
            out['rects'].append({'cssClass': el.get('class'), 'width': float(el.get('width')), 'title': own_title(el),
                                 'x': float(el.get('x')), 'y': float(el.get('y'))})
        elif name == 'circle':
            out['circles'] += 1
            out['points'].append({'cx': float(el.get('cx')), 'cy': float(el.get('cy')), 'title': own_title(el)})
        elif name == 'a':
            out['links'].append({'href': el.get('href') or '', 'label': el.get('aria-label') or '',
                                 'contents': [c.get('class') or local(c.tag) for c in el.iter() if c is not el and local(c.tag) in ('rect', 'circle', 'text')]})
        elif name == 'polyline':
            out['polylines'] += 1
        elif name == 'text':
            spans = [s for s in el if local(s.tag) == 'tspan']
            lines = [''.join(s.itertext()) for s in spans] if spans else [''.join(el.itertext())]
            out['texts'].append({'cssClass': el.get('class') or '', 'text': ' '.join(lines), 'lines': lines,
                                 'x': float(el.get('x')), 'y': float(el.get('y')), 'fontSize': float(el.get('font-size')),
                                 'anchor': el.get('text-anchor') or 'start'})
        elif name in ('script', 'foreignObject', 'image', 'use', 'style'):
            out['external'].append('<' + name + '>')
    json.dump(out, sys.stdout)
    """#

    static func parse(svg: String) throws -> Parsed {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-grafico-\(UUID().uuidString).svg")
        try Data(svg.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try Python.run(script, arguments: [file.path])
        return try JSONDecoder().decode(Parsed.self, from: output)
    }
}
