import Foundation
import Testing
import TraguardoCore

@Suite("Documenti a supporto: nomi, tipi, dimensioni")
struct EvidenceFileTests {
    @Test(arguments: [
        ("verbale.pdf", "verbale.pdf"),
        ("C:\\Documenti\\Ufficio\\relazione finale.docx", "relazione finale.docx"),
        ("../../etc/passwd", "passwd"),
        ("/tmp/a\u{0}b\u{7}.txt", "ab.txt"),
        ("..", "documento"),
        ("", "documento"),
        (".htaccess", "htaccess"),
        ("cartella/", "cartella"),
    ])
    func namesKeepOnlyTheirLastComponent(_ raw: String, _ expected: String) {
        #expect(EvidenceFile.sanitizedName(raw) == expected)
    }

    @Test func longNamesAreCutKeepingTheExtension() {
        let name = EvidenceFile.sanitizedName(String(repeating: "è", count: 300) + ".pdf")
        #expect(name.count == EvidenceFile.maxNameLength)
        #expect(name.hasSuffix("è.pdf"))
        #expect(EvidenceFile.sanitizedName(String(repeating: "a", count: 250)).count == 200)
    }

    @Test func theMediaTypeComesFromTheExtensionNeverFromTheBrowser() {
        #expect(EvidenceFile.mediaType(forFileName: "Relazione.PDF") == "application/pdf")
        #expect(EvidenceFile.mediaType(forFileName: "foto.jpeg") == "image/jpeg")
        #expect(EvidenceFile.mediaType(forFileName: "pagina.html") == "application/octet-stream")
        #expect(EvidenceFile.mediaType(forFileName: "disegno.svg") == "application/octet-stream")
        #expect(EvidenceFile.mediaType(forFileName: "pdf") == "application/octet-stream")
        #expect(EvidenceFile.mediaType(forFileName: "a.pdf.exe") == "application/octet-stream")
    }

    @Test(arguments: [
        (0, "0 byte"), (999, "999 byte"), (1000, "1 kB"), (12_345, "12,3 kB"), (12_350, "12,4 kB"), (999_949, "999,9 kB"),
        (999_999, "1 MB"), (3_000_000, "3 MB"), (4_194_304, "4,2 MB"), (1_500_000_000, "1,5 GB"),
    ])
    func sizesInItalian(_ bytes: Int, _ expected: String) {
        #expect(ItalianFormatting.fileSize(bytes) == expected)
    }
}
