import Foundation
import Testing
import TraguardoStore
import TraguardoTestSupport

/// `traguardo backup` and `traguardo restore`: a copy restored into a fresh database gives the same scores,
/// the same audit log and the same documents as the original, on either database and across the two.
@Suite("traguardo backup e restore")
struct BackupCommandsTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")

    struct Case: Sendable, CustomStringConvertible {
        var source: TestBackend
        var target: TestBackend
        var format: String
        var description: String { "\(source) → \(target) (\(format))" }
    }

    static let cases = [
        Case(source: .sqlite, target: .sqlite, format: "sqlite"),
        Case(source: .sqlite, target: .sqlite, format: "portabile"),
        Case(source: .postgres, target: .postgres, format: "portabile"),
        Case(source: .postgres, target: .sqlite, format: "portabile"),
        Case(source: .sqlite, target: .postgres, format: "sqlite"),
    ]

    @discardableResult
    static func traguardo(_ arguments: [String], input: String? = nil) async throws -> CommandLineRunner.Result {
        let result = try await CommandLineRunner.run(arguments, input: input)
        #expect(result.status == 0, "\(arguments.prefix(2)): \(result)")
        return result
    }

    /// What the user sees of a database: scores, the Relazione (without the line naming the database kind).
    static func observed(_ database: TestDatabase, in folder: URL) async throws -> (scores: String, relazione: String) {
        let scores = try await traguardo(["score", "--database", database.argument, "--entity", "lucca", "--year", "2018", "--format", "json"]).output
        let file = folder.appendingPathComponent("relazione-\(UUID().uuidString.prefix(6)).html")
        try await traguardo(["report", "relazione", "--database", database.argument, "--entity", "lucca", "--year", "2018", "--format", "html", "-o", file.path])
        let html = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "database SQLite «traguardo.sqlite»", with: "DATABASE")
            .replacingOccurrences(of: "database PostgreSQL", with: "DATABASE")
        return (scores, html)
    }

    static func auditLog(_ database: TestDatabase) async throws -> [AuditEntry] {
        let store = try await database.open(migrate: false)
        let log = try await store.auditLog(AuditQuery(limit: 1_000_000))
        await store.close()
        return log
    }

    @Test(arguments: cases)
    func aRestoredBackupGivesTheSameScoresAuditLogAndRelazione(_ run: Case) async throws {
        try await withTestDatabase(run.source) { original in
            try await withTestDatabase(run.target) { copy in
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-backup-\(UUID().uuidString.prefix(8))")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: folder) }
                // The original: a plan, a user, a change of a measurement, saved scores (four kinds of audited writes).
                try await Self.traguardo(["import", "--database", original.argument, Self.examples.appendingPathComponent("lucca-2018").path])
                try await Self.traguardo(["user", "add", "oiv.prova", "--role", "oiv", "--password-stdin", "--database", original.argument],
                                   input: "una-password-lunga\n")
                try await Self.traguardo(["score", "--database", original.argument, "--entity", "lucca", "--year", "2018", "--period", "ANNO", "--save"])
                let backup = folder.appendingPathComponent(run.format == "sqlite" ? "copia.sqlite" : "copia.jsonl")
                let made = try await Self.traguardo(["backup", "--database", original.argument, "-o", backup.path, "--format", run.format])
                #expect(made.output.contains("scritto in «\(backup.path)»"), "\(made)")
                let restored = try await Self.traguardo(["restore", backup.path, "--database", copy.argument])
                #expect(restored.output.contains("Ripristinato «\(backup.path)»"), "\(restored)")

                let before = try await Self.observed(original, in: folder)
                let after = try await Self.observed(copy, in: folder)
                #expect(after.scores == before.scores)
                #expect(after.relazione == before.relazione)
                #expect(after.relazione.contains("impronta "))
                let log = try await Self.auditLog(original)
                #expect(log.count > 100)
                #expect(try await Self.auditLog(copy) == log)

                // A second restore into the now full database is refused and changes nothing.
                let again = try await CommandLineRunner.run(["restore", backup.path, "--database", copy.argument])
                #expect(again.status == 1)
                #expect(again.errors.contains("non è vuoto"), "\(again)")
                #expect(again.errors.contains("usare --replace"), "\(again)")
                #expect(try await Self.auditLog(copy) == log)
                // New writes on the copy number on after the restored ones (PostgreSQL's identity columns follow).
                try await Self.traguardo(["user", "add", "altro.utente", "--role", "lettore", "--password-stdin", "--database", copy.argument],
                                   input: "una-password-lunga\n")
                #expect(try await Self.auditLog(copy).count == log.count + 1)
            }
        }
    }

    /// `--replace` swaps the whole content; a backup cut short restores nothing.
    @Test(arguments: TestBackend.allCases)
    func replaceSwapsEverythingAndATruncatedBackupRestoresNothing(_ backend: TestBackend) async throws {
        try await withTestDatabase(.sqlite) { original in
            try await withTestDatabase(backend) { target in
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-backup-\(UUID().uuidString.prefix(8))")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: folder) }
                try await Self.traguardo(["import", "--database", original.argument, Self.examples.appendingPathComponent("lucca-2018").path])
                try await Self.traguardo(["import", "--database", target.argument, Self.examples.appendingPathComponent("lucca-2013").path])
                let backup = folder.appendingPathComponent("copia.jsonl")
                try await Self.traguardo(["backup", "--database", original.argument, "-o", backup.path, "--format", "portabile"])
                let targetLog = try await Self.auditLog(target)

                // Cut before the closing line: refused, and the target is as it was.
                let lines = try String(contentsOf: backup, encoding: .utf8).split(separator: "\n")
                let truncated = folder.appendingPathComponent("troncato.jsonl")
                try (lines.dropLast().joined(separator: "\n") + "\n").write(to: truncated, atomically: true, encoding: .utf8)
                let refused = try await CommandLineRunner.run(["restore", truncated.path, "--database", target.argument, "--replace"])
                #expect(refused.status == 1)
                #expect(refused.errors.contains("il file è incompleto (manca la riga finale)"), "\(refused)")
                #expect(refused.errors.contains("Il database non è stato modificato"), "\(refused)")
                #expect(try await Self.auditLog(target) == targetLog)

                let replaced = try await Self.traguardo(["restore", backup.path, "--database", target.argument, "--replace"])
                #expect(replaced.output.contains("Sostituito il contenuto precedente"), "\(replaced)")
                #expect(try await Self.auditLog(target) == (try await Self.auditLog(original)))
                let status = try await Self.traguardo(["status", "--database", target.argument]).output
                #expect(status.contains("2018: "))
                #expect(!status.contains("2013: "), "\(status)")
            }
        }
    }

    @Test func aFileThatIsNotABackupIsRefusedInItalian() async throws {
        try await withTestDatabase(.sqlite) { target in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("non-backup-\(UUID().uuidString.prefix(6)).txt")
            try "buongiorno".write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let result = try await CommandLineRunner.run(["restore", file.path, "--database", target.argument])
            #expect(result.status == 1)
            #expect(result.errors.contains("non è né una copia SQLite né un backup portabile (.jsonl) di Traguardo"), "\(result)")
            let unknownFormat = try await CommandLineRunner.run(["backup", "-o", file.path, "--format", "zip", "--database", target.argument])
            #expect(unknownFormat.status != 0)
            #expect(unknownFormat.errors.contains("formato «zip» non previsto per backup: ammessi sqlite, portabile"), "\(unknownFormat)")
        }
    }
}
