import Foundation
import Testing
import TraguardoCore
import TraguardoTestSupport

/// `traguardo score --methodology … [--compare]` and `traguardo check` on a database holding Lucca 2017 and 2018.
@Suite("Riga di comando: metodologie a confronto e verifiche fra gli anni")
struct MethodologyCommandTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")

    func database() async throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-metodologia-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("traguardo.sqlite").path
        for year in ["lucca-2017", "lucca-2018"] {
            let imported = try await CommandLineRunner.run(["import", "--database", path, Self.examples.appendingPathComponent(year).path])
            #expect(imported.status == 0, "\(imported)")
        }
        return (folder, path)
    }

    @Test func compareAndCheckOnTheStoredLuccaYears() async throws {
        let (folder, path) = try await database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scope = ["--database", path, "--entity", "lucca", "--year", "2018"]

        let compared = try await CommandLineRunner.run(["score"] + scope + ["--methodology", "lucca-2013", "--compare"])
        #expect(compared.status == 0, "\(compared)")
        #expect(compared.output.hasPrefix("Confronto di metodologie — lucca 2018, periodo ANNO"))
        #expect(compared.output.contains("arrotondamento degli indicatori derivati: arrotonda a 0 decimali → nessuno"))
        #expect(compared.output.contains("Indicatore ENTE-1/1: 99 → 99,22 (+0,22)"))
        #expect(compared.output.contains("Dirigenti per fascia di punteggio"))

        // Under a methodology file: the same scores as the preset it names.
        let file = folder.appendingPathComponent("bozza.yaml")
        try "metodologia:\n  preset: lucca-2013\n".write(to: file, atomically: true, encoding: .utf8)
        let fromFile = try await CommandLineRunner.run(["score"] + scope + ["--methodology", file.path])
        let fromPreset = try await CommandLineRunner.run(["score"] + scope + ["--methodology", "lucca-2013"])
        #expect(fromFile.status == 0, "\(fromFile)")
        #expect(fromFile.output == fromPreset.output)
        #expect(fromPreset.output.contains("metodologia «SMVP CCIAA Lucca 2013 (ricostruito)» v1"))

        let unknown = try await CommandLineRunner.run(["score"] + scope + ["--methodology", "v7"])
        #expect(unknown.status != 0)
        #expect(unknown.errors.contains("metodologia «v7» sconosciuta"))
        #expect(unknown.errors.contains("v1"))

        // check: the procedures' total, and the codes that change from 2017 without a variation.
        let checked = try await CommandLineRunner.run(["check"] + scope)
        #expect(checked.output.contains("ERRORE VALORE-DICHIARATO totale procedimenti: Il documento stampa 98,84"))
        #expect(checked.output.contains("il valore ricalcolato dagli elementi è 99,00"))
        #expect(checked.output.contains("AVVISO ANNI-DISCORDANTI nodo 3B"))
    }
}
