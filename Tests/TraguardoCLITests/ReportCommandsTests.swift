import Foundation
import Testing
import TraguardoTestSupport

/// `traguardo report`: the Relazione in HTML from the database; the documents and formats not yet built
/// answer in Italian with what exists.
@Suite("traguardo report")
struct ReportCommandsTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-report-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func relazioneIsWrittenAsHTML() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("traguardo.sqlite").path
        let imported = try CommandLineRunner.run(["import", "--database", database, Self.examples.appendingPathComponent("lucca-2018").path])
        #expect(imported.status == 0, "\(imported)")
        let file = folder.appendingPathComponent("relazione.html")
        let result = try CommandLineRunner.run([
            "report", "relazione", "--database", database, "--entity", "lucca", "--year", "2018", "--format", "html", "-o", file.path,
        ])
        #expect(result.status == 0, "\(result)")
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("lang=\"it\""))
        #expect(html.contains("Relazione sulla performance 2018"))
        #expect(html.contains(">99,22<"))
        #expect(html.contains("database SQLite «traguardo.sqlite»"))
    }

    @Test func otherDocumentsAndFormatsAreNotYetAvailable() throws {
        let planned = try CommandLineRunner.run(["report", "rpp", "--entity", "lucca", "--year", "2018"])
        #expect(planned.status != 0)
        #expect(planned.errors.contains("il documento «rpp» non è ancora disponibile"), "\(planned)")
        #expect(planned.errors.contains("«relazione»"))
        let format = try CommandLineRunner.run(["report", "relazione", "--entity", "lucca", "--year", "2018", "--format", "docx"])
        #expect(format.status != 0)
        #expect(format.errors.contains("il formato «docx» non è ancora disponibile"), "\(format)")
        #expect(format.errors.contains("«html»"))
        let unknown = try CommandLineRunner.run(["report", "bilancio", "--entity", "lucca", "--year", "2018"])
        #expect(unknown.errors.contains("documento «bilancio» sconosciuto"), "\(unknown)")
    }
}
