import Foundation
import Testing
import TraguardoCore
import TraguardoDocuments

/// Issue 22: the Relazione prints «Utilizzo delle risorse per area» (aggiornato, consuntivo, utilizzo %,
/// scostamento). Figures worked out by hand from Lucca 2018's seed (righe 132-142, 356-366, 388-398).
@Suite("Relazione: utilizzo delle risorse per area")
struct RelazioneBudgetUseTests {
    @Test func lucca2018PrintsTheUseOfArea2() throws {
        let built = try RelazioneHTMLTests.build("lucca-2018")
        let table = try RelazioneHTMLTests.table(built.parsed, caption: "Utilizzo delle risorse per area 2018")
        // Oneri of area 2: aggiornato 699.900,00 + 0,00 + 750.820,00, consuntivo 595.088,48 + 0,00 + 712.779,73;
        // 1.307.868,21 / 1.450.720,00 = 90,153…% → 90,15%; scostamento −142.851,79.
        let oneri = try #require(table.first { $0.first == "2 Area strategica 2" && $0.dropFirst().first == "Oneri" })
        #expect(oneri[2] == "1.450.720,00")
        #expect(oneri[3] == "1.307.868,21")
        #expect(oneri[4] == "90,15%")
        #expect(oneri[5].hasSuffix("142.851,79") && oneri[5].count == "-142.851,79".count, "\(oneri[5])")
        #expect(table.contains { $0.first == "Ente" })
    }
}
