import Foundation
import Testing
import TraguardoTestSupport

/// A small Ente-year with two offices, quarterly periods and a first-quarter measurement: what the
/// *schede di rilevazione* tests export, fill and import.
enum SheetFixture {
    static let plan = """
        formato: traguardo/1
        ente: {codice: prova, nome: Camera di Commercio di Prova}
        anno: 2019
        periodi: trimestri
        unita:
          - codice: SG
            nome: Segreteria Generale
            tipo: segreteria-generale
            unita:
              - {codice: PROG, nome: Ufficio Programmazione, tipo: ufficio}
              - {codice: RAG, nome: Ragioneria, tipo: ufficio}
        albero:
          - codice: A
            tipo: area-strategica
            titolo: Competitività dell'Ente
            figli:
              - codice: A1
                tipo: obiettivo-strategico
                titolo: Tempi e qualità dei servizi
                indicatori:
                  - codice: "1"
                    nome: Servizi nei tempi
                    ufficio: PROG
                    item:
                      - codice: a
                        descrizione: Pratiche evase entro 5 giorni (%)
                        comparatore: ">="
                        valore_target: 90
                        regola: soglia
                        unita_misura: "%"
                        rilevazioni:
                          - {periodo: T1, valore: 87, testo: "87%"}
                      - codice: b
                        descrizione: Pubblicazione della Carta dei servizi
                        comparatore: entro
                        scadenza: 2019-06-30
                        testo_target: entro giugno 2019
                        regola: scadenza
                      - codice: c
                        descrizione: Reclami gestiti in 30 giorni (casi)
                        regola: quota-entro-standard
                  - codice: "2"
                    nome: Pagamenti
                    ufficio: RAG
                    item:
                      - codice: a
                        descrizione: Fatture pagate nei termini
                        comparatore: ">="
                        valore_target: 10
                        regola: proporzionale
        """

    /// A fresh database of `backend` holding the fixture.
    static func withDatabase(_ backend: TestBackend, _ body: (TestDatabase, URL) async throws -> Void) async throws {
        try await withTestDatabase(backend) { database in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-schede-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("piano.yaml")
            try plan.write(to: file, atomically: true, encoding: .utf8)
            let imported = try await CommandLineRunner.run(["import", "--database", database.argument, file.path])
            try #require(imported.status == 0, "\(imported)")
            try await body(database, folder)
        }
    }
}
