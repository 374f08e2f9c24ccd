import Foundation
import SQLKit
import Testing
import TraguardoCore
@testable import TraguardoStore
import TraguardoTestSupport

/// What happens to the database and the temporary folder when imports are killed or collide.
@Suite("Robustezza delle scritture: import interrotti, scritture concorrenti")
struct WriteRobustnessTests {
    /// A plan of `indicators` indicators with one item each, quarterly, in one office.
    static func largePlan(indicators: Int) -> String {
        var lines = [
            "formato: traguardo/1", "ente: {codice: grande, nome: Camera di Commercio Grande}", "anno: 2020", "periodi: trimestri",
            "unita:", "  - {codice: RAG, nome: Ragioneria, tipo: ufficio}",
            "albero:", "  - codice: A", "    tipo: area-strategica", "    titolo: Area", "    figli:",
            "      - codice: A1", "        tipo: obiettivo-strategico", "        titolo: Obiettivo", "        indicatori:",
        ]
        for n in 1...indicators {
            lines.append("          - {codice: \"\(n)\", nome: Indicatore \(n), ufficio: RAG, item: "
                + "[{codice: a, descrizione: Pratiche \(n), comparatore: \">=\", valore_target: 10, regola: proporzionale}]}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The four quarterly sheets of that plan, every row filled.
    static func sheets(indicators: Int, in folder: URL) async throws -> [String] {
        try ["T1", "T2", "T3", "ANNO"].map { period in
            var lines = ["Scheda di rilevazione;x", "Ente;grande", "Anno;2020", "Periodo;\(period)", "Ufficio;tutti", "",
                         "Codice;Obiettivo o nodo;Indicatore;Item;Target;Unità di misura;Valore periodo precedente;Valore;Motivo N.C.;Scostamento giustificato;Note"]
            lines += (1...indicators).map { "A1/\($0)/a;;;;;;;\($0 % 17);;;" }
            let url = folder.appendingPathComponent("scheda-\(period).csv")
            try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
    }

    static func count(_ sql: String, in database: TestDatabase) async throws -> Int {
        let store = try await database.open(migrate: false)
        defer { Task { await store.close() } }
        return try await store.backend.withConnection { db in
            try await db.raw(SQLQueryString(sql)).first()!.decode(column: "n", as: Int.self)
        }
    }

    /// `kill -9` in the middle of writing a large import: the database has all of it or none of it, is intact,
    /// takes the same import again, and no spool file is left in the temporary folder.
    @Test(arguments: TestBackend.allCases)
    func anImportKilledWhileWritingLeavesAllOrNothingAndNoTemporaryFile(_ backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-kill-\(UUID().uuidString.prefix(8))")
            let temporary = folder.appendingPathComponent("tmp")
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let indicators = 3000
            let plan = folder.appendingPathComponent("piano.yaml")
            try Self.largePlan(indicators: indicators).write(to: plan, atomically: true, encoding: .utf8)
            let planImport = try await CommandLineRunner.run(["import", "--database", database.argument, plan.path])
            try #require(planImport.status == 0, "\(planImport)")
            let sheets = try await Self.sheets(indicators: indicators, in: folder)
            let auditBefore = try await Self.count("SELECT COUNT(*) AS n FROM audit_log", in: database)

            let running = try RunningProcess.traguardo(
                ["import", "--database", database.argument] + sheets, environment: ["TMPDIR": temporary.path])
            try await running.waitFor("Scrittura:")
            running.kill9()

            let measurements = try await Self.count("SELECT COUNT(*) AS n FROM measurements", in: database)
            // Since migration 24 an imported measurement names its file's «importazione» row of the registro.
            let audited = try await Self.count(
                "SELECT COUNT(*) AS n FROM measurements m JOIN audit_log a ON a.id = m.import_id WHERE a.action = 'importazione'",
                in: database)
            let importRows = try await Self.count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'importazione'", in: database)
            #expect([0, 4 * indicators].contains(measurements), "tutto o niente: \(measurements) rilevazioni")
            #expect(audited == measurements, "ogni rilevazione scritta rimanda alla riga «importazione» della sua scheda")
            #expect(importRows == (measurements == 0 ? 0 : 4), "una riga «importazione» per scheda scritta: \(importRows)")
            if measurements == 0 {
                #expect(try await Self.count("SELECT COUNT(*) AS n FROM audit_log", in: database) == auditBefore)
            }
            let left = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
            #expect(left.isEmpty, "file temporanei lasciati dall'import interrotto: \(left)")
            if case .sqlite(let path) = database.location {
                let check = try Python.text(
                    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                        + "print(c.execute('PRAGMA integrity_check').fetchone()[0], len(c.execute('PRAGMA foreign_key_check').fetchall()))",
                    arguments: [path])
                #expect(check.trimmingCharacters(in: .whitespacesAndNewlines) == "ok 0")
            }
            let again = try await CommandLineRunner.run(["import", "--database", database.argument] + sheets, environment: ["TMPDIR": temporary.path])
            #expect(again.status == 0, "\(again)")
            #expect(try await Self.count("SELECT COUNT(*) AS n FROM measurements", in: database) == 4 * indicators)
            #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
        }
    }

    /// Another process holds the write lock: `status` answers at once; a write waits its turn, says so, and
    /// after `TRAGUARDO_ATTESA_SCRITTURA` seconds gives up with an Italian message, having written nothing.
    @Test func statusAnswersAndAWriteWaitsInLineWhileAnotherProcessWrites() async throws {
        try await SheetFixture.withDatabase(.sqlite) { database, _ in
            guard case .sqlite(let path) = database.location else { return }
            let holder = try await SQLiteWriteLockHolder(path: path)
            do {
                let status = try await CommandLineRunner.run(
                    ["status", "--database", path], environment: [WriterWait.environmentVariable: "2"])
                #expect(status.status == 0, "\(status)")
                #expect(status.output.contains("prova — Camera di Commercio di Prova"), "\(status)")

                let add = try await CommandLineRunner.run(
                    ["user", "add", "nuovo.utente", "--role", "lettore", "--password-stdin", "--database", path],
                    environment: [WriterWait.environmentVariable: "2"], input: "una-password-lunga\n")
                #expect(add.status == 1, "\(add)")
                #expect(add.errors.contains("è occupato da un'altra operazione di scrittura: attendo il turno (al massimo 2 secondi)…"), "\(add)")
                #expect(add.errors.contains("atteso il proprio turno per 2 secondi, senza esito. Nulla è stato scritto"), "\(add)")
                #expect(!add.errors.contains("database is locked"))
            } catch {
                await holder.release()
                throw error
            }
            await holder.release()
            let users = try await CommandLineRunner.run(["user", "list", "--database", path])
            #expect(!users.output.contains("nuovo.utente"), "\(users)")
        }
    }
}
