import Foundation
import TraguardoTestSupport

/// The figures of an example's `attesi.yaml`, read with python's YAML reader (independent of Traguardo's).
struct ExpectedFigure: Decodable {
    var ente: String?
    var elemento: String
    var codice: String
    var fase: String?
    var natura: String?
    var colonna: String?
    var formula: String?
    var periodo: String?
    var atteso: String
    var stampato: String?

    static let script = #"""
    import json, sys, yaml
    with open(sys.argv[1], encoding='utf-8') as f:
        data = yaml.safe_load(f)
    out = []
    for entry in data:
        out.append({k: (None if v is None else str(v)) for k, v in entry.items()})
    json.dump(out, sys.stdout)
    """#

    static func read(_ folder: String) throws -> [ExpectedFigure] {
        let file = Examples.root.appendingPathComponent(folder).appendingPathComponent("attesi.yaml")
        return try JSONDecoder().decode([ExpectedFigure].self, from: Python.run(script, arguments: [file.path]))
    }
}
