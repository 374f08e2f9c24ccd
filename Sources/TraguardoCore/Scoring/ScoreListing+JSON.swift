/// The listing as the JSON `traguardo score --format json` prints: byte for byte what `JSONEncoder` writes with
/// `.prettyPrinted`, `.sortedKeys` and `.withoutEscapingSlashes` (a test holds them equal on every example), written
/// by hand because the encoder's generic path was a tenth of scoring 10.000 indicators.
extension ScoreListing {
    public var prettyJSON: String {
        var out = JSONText()
        out.object(indent: 0) { o in
            o.field("anno", String(anno))
            o.field("ente", JSONText.string(ente))
            o.object("metodologia") { m in
                if let id = metodologia.id { m.field("id", JSONText.string(id)) }
                m.field("nome", JSONText.string(metodologia.nome))
                if let versione = metodologia.versione { m.field("versione", String(versione)) }
            }
            o.field("nomeEnte", JSONText.string(nomeEnte))
            if let periodo { o.field("periodo", JSONText.string(periodo)) }
            o.array("punteggi", punteggi) { r, row in
                r.field("codice", JSONText.string(row.codice))
                if let esatto = row.esatto { r.field("esatto", JSONText.string(esatto)) }
                r.field("formula", JSONText.string(row.formula))
                r.field("id", JSONText.string(row.id))
                r.field("livello", String(row.livello))
                r.field("mostrato", JSONText.string(row.mostrato))
                if let nc = row.nc { r.field("nc", JSONText.string(nc)) }
                r.array("note", row.note) { n, note in
                    if let da = note.da { n.field("da", JSONText.string(da)) }
                    n.field("testo", JSONText.string(note.testo))
                    n.field("tipo", JSONText.string(note.tipo))
                }
                r.field("percorso", JSONText.string(row.percorso))
                if let punti = row.punti { r.field("punti", JSONText.string(punti)) }
                if let semaforo = row.semaforo { r.field("semaforo", JSONText.string(semaforo)) }
                r.field("tipo", JSONText.string(row.tipo))
                r.field("titolo", JSONText.string(row.titolo))
                if let valore = row.valore { r.field("valore", JSONText.string(valore)) }
            }
        }
        return out.text + "\n"
    }
}

/// Indented JSON as `JSONEncoder`'s `.prettyPrinted` lays it out: two spaces a level, `"key" : value`, an empty
/// array as `[`, an empty line and `]`.
private struct JSONText {
    var text = ""
    private var indent = 0
    private var first = true

    static func string(_ value: String) -> String { MeasurementJSON.string(value) }

    private static func spaces(_ n: Int) -> String { String(repeating: " ", count: n) }

    /// Starts a member of the object being written: the comma after the previous one, the new line, the key.
    private mutating func key(_ name: String) {
        text += first ? "\n" : ",\n"
        first = false
        text += Self.spaces(indent) + "\"" + name + "\" : "
    }

    mutating func field(_ name: String, _ value: String) {
        key(name)
        text += value
    }

    /// An object whose members `body` writes, at the current position.
    mutating func object(indent outer: Int, _ body: (inout JSONText) -> Void) {
        let (savedIndent, savedFirst) = (indent, first)
        indent = outer + 2
        first = true
        text += "{"
        body(&self)
        text += first ? "\n\n" + Self.spaces(outer) + "}" : "\n" + Self.spaces(outer) + "}"
        (indent, first) = (savedIndent, savedFirst)
    }

    mutating func object(_ name: String, _ body: (inout JSONText) -> Void) {
        key(name)
        object(indent: indent, body)
    }

    /// An array of objects, each written by `body`.
    mutating func array<T>(_ name: String, _ elements: [T], _ body: (inout JSONText, T) -> Void) {
        key(name)
        let outer = indent
        text += "["
        if elements.isEmpty {
            text += "\n\n" + Self.spaces(outer) + "]"
            return
        }
        for (index, element) in elements.enumerated() {
            text += (index == 0 ? "\n" : ",\n") + Self.spaces(outer + 2)
            object(indent: outer + 2) { body(&$0, element) }
        }
        text += "\n" + Self.spaces(outer) + "]"
    }
}
