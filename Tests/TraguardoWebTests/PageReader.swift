import Foundation
import TraguardoTestSupport

/// An independent reader for the pages: python3's `xml.etree.ElementTree`, a strict XML parser (a page
/// that is not well-formed fails here), answering with what the tests look at: the title and language,
/// every form with its CSRF field, every input with whether a `<label for>` names it, the tables' rows,
/// the fieldsets' legends and ids referenced by `aria-describedby` that do not exist.
enum PageReader {
    struct Page: Decodable {
        var doctype: Bool
        var lang: String?
        var title: String
        var h1: [String]
        var forms: [Form]
        var inputs: [Input]
        var tables: [[[String]]]
        var legends: [String]
        var missingDescribedBy: [String]
        var duplicateIDs: [String]
        var text: String
        var mainID: String?
        var skipLink: Bool
        var navLinks: [String]
        var scripts: Int
        var externalReferences: [String]
    }

    struct Form: Decodable {
        var method: String
        var action: String
        var enctype: String
        var csrf: String?
    }

    struct Input: Decodable {
        var tag: String
        var type: String
        var name: String
        var id: String
        var labelled: Bool
        var invalid: Bool
        var describedBy: String
    }

    static let script = #"""
    import json, sys
    import xml.etree.ElementTree as ET
    raw = open(sys.argv[1], encoding='utf-8').read()
    root = ET.fromstring(raw)
    def local(tag):
        return tag.rsplit('}', 1)[-1] if isinstance(tag, str) else ''
    def text(el):
        return ' '.join(''.join(el.itertext()).split())
    els = list(root.iter())
    ids = [e.get('id') for e in els if e.get('id')]
    labels_for = set(e.get('for') for e in els if local(e.tag) == 'label' and e.get('for'))
    out = {'doctype': raw.lstrip().startswith('<!DOCTYPE html>'), 'lang': root.get('lang'), 'title': '', 'h1': [],
           'forms': [], 'inputs': [], 'tables': [], 'legends': [], 'missingDescribedBy': [],
           'duplicateIDs': sorted(set(i for i in ids if ids.count(i) > 1)), 'text': text(root), 'mainID': None,
           'skipLink': False, 'navLinks': [], 'scripts': 0, 'externalReferences': []}
    for el in els:
        name = local(el.tag)
        if name == 'title' and not out['title']: out['title'] = text(el)  # the head's; SVG titles come later
        elif name == 'h1': out['h1'].append(text(el))
        elif name == 'main': out['mainID'] = el.get('id')
        elif name == 'script': out['scripts'] += 1
        elif name == 'legend': out['legends'].append(text(el))
        elif name == 'a' and el.get('href') == '#contenuto': out['skipLink'] = True
        elif name == 'nav':
            out['navLinks'] += [text(a) for a in el.iter() if local(a.tag) == 'a']
        elif name == 'form':
            csrf = [i.get('value') for i in el.iter() if local(i.tag) == 'input' and i.get('type') == 'hidden' and i.get('name') == 'csrf']
            out['forms'].append({'method': el.get('method', ''), 'action': el.get('action', ''),
                                 'enctype': el.get('enctype', ''), 'csrf': csrf[0] if csrf else None})
        elif name in ('input', 'select', 'textarea'):
            kind = el.get('type', name)
            if kind in ('hidden', 'submit'): continue
            out['inputs'].append({'tag': name, 'type': kind, 'name': el.get('name', ''), 'id': el.get('id', ''),
                                  'labelled': el.get('id') in labels_for, 'invalid': el.get('aria-invalid') == 'true',
                                  'describedBy': el.get('aria-describedby', '')})
        elif name == 'table':
            out['tables'].append([[text(c) for c in tr if local(c.tag) in ('td', 'th')] for tr in el.iter() if local(tr.tag) == 'tr'])
        for ref in (el.get('aria-describedby') or '').split():
            if ref not in ids: out['missingDescribedBy'].append(ref)
        for attr in ('src', 'href'):
            v = el.get(attr) or ''
            if name in ('link', 'img', 'script', 'iframe', 'source') and (v.startswith('http') or v.startswith('//')):
                out['externalReferences'].append(v)
    json.dump(out, sys.stdout)
    """#

    static func read(_ html: String) throws -> Page {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-pagina-\(UUID().uuidString).html")
        try Data(html.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try JSONDecoder().decode(Page.self, from: try Python.run(script, arguments: [file.path]))
    }
}
