import Foundation
import Yams

/// The figures of an example's `attesi.yaml` (what the engine must reproduce, with what the document printed).
struct ExpectedFigure: Decodable {
    var elemento: String
    var codice: String
    var atteso: String
    var stampato: String?
    var fase: String?
    var natura: String?

    static func all(_ folder: String) throws -> [ExpectedFigure] {
        let file = Examples.root.appendingPathComponent(folder).appendingPathComponent("attesi.yaml")
        return try YAMLDecoder().decode([ExpectedFigure].self, from: String(contentsOf: file, encoding: .utf8))
    }
}
