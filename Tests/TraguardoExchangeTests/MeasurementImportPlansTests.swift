import Foundation
import Testing
import TraguardoCore
import TraguardoExchange

/// The import holds one plan at a time: the sheets of 250 Ente-years kept 250 plans in memory (339 MB at
/// 1.000.000 rows). A plan is asked again when the Ente-year changes, and the sheets are checked as before.
@Suite("Import delle schede: un piano alla volta")
struct MeasurementImportPlansTests {
    static func plan(_ entity: String, _ year: Int) -> String {
        """
        formato: traguardo/1
        ente: {codice: \(entity), nome: Camera di Commercio \(entity)}
        anno: \(year)
        periodi: trimestri
        unita:
          - {codice: SG, nome: Segreteria Generale, tipo: segreteria-generale}
        albero:
          - codice: A1
            tipo: obiettivo-strategico
            titolo: Servizi
            indicatori:
              - codice: "1"
                nome: Pratiche
                ufficio: SG
                item:
                  - {codice: a, descrizione: Pratiche evase, comparatore: ">=", valore_target: 10, regola: proporzionale}
        """
    }

    static func sheet(_ entity: String, _ year: Int, _ period: String, value: Int) -> String {
        [
            "Scheda di rilevazione;x", "Ente;\(entity)", "Anno;\(year)", "Periodo;\(period)", "Ufficio;tutti", "",
            "Codice;Obiettivo o nodo;Indicatore;Item;Target;Unità di misura;Valore periodo precedente;Valore;Motivo N.C.;Scostamento giustificato;Note",
            "A1/1/a;;;;;;;\(value);;;",
        ].joined(separator: "\n")
    }

    @Test func aPlanIsAskedAgainWhenTheEnteYearChangesAndEverySheetIsChecked() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-piani-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let plans = try PlanFileReader.read(texts: [("a.yaml", Self.plan("alfa", 2020)), ("b.yaml", Self.plan("beta", 2020))])
        let order = [("alfa", "T1", 1), ("alfa", "T2", 2), ("beta", "T1", 3), ("alfa", "T3", 4), ("gamma", "T1", 5)]
        var sheets: [MeasurementImport.Sheet] = []
        for (index, (entity, period, value)) in order.enumerated() {
            let url = folder.appendingPathComponent("scheda-\(index)-\(entity)-\(period).csv")
            try Self.sheet(entity, 2020, period, value: value).write(to: url, atomically: true, encoding: .utf8)
            sheets.append(.init(url: url, name: url.lastPathComponent))
        }
        var asked: [String] = []
        let checked = try await MeasurementImport(author: "prova", recordedAt: Date()).check(sheets) { entity, year in
            asked.append(entity)
            return plans.first { $0.entity.code == entity && $0.cycle.year == year }
        }
        #expect(asked == ["alfa", "beta", "alfa", "gamma"])
        #expect(checked.report.count == 4, "\(checked.report)")
        #expect(checked.problems == ["scheda-4-gamma-T1.csv: la scheda è di gamma 2020, che non è nel database: importare prima il piano"])
        #expect(checked.spool.count == 4)
    }
}
