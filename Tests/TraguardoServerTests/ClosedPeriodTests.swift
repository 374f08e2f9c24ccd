import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// A closed period on the web: its documents stay byte for byte the same after later edits of measurements and
/// plan, until it is reopened; the OIV draws its sample on the snapshot (the same seed, the same sample), notes
/// what it found, and downloads the documento di validazione that names the snapshot's fingerprint.
@Suite("Periodi chiusi: istantanee, documenti, campione dell'OIV")
struct ClosedPeriodTests {
    static let relazioneHTML = "/enti/lucca/2018/documenti/relazione.html?periodo=ANNO"
    static let relazioneDOCX = "/enti/lucca/2018/documenti/relazione.docx?periodo=ANNO"
    static let periodState = "/amministrazione/periodi/lucca/2018/stato"

    /// Changes the first numeric measurement of ANNO and the name of its indicator, as a later edit would.
    static func editAfterClosing(_ store: Store) async throws -> String {
        let scope = ServerFixture.lucca2018
        let plan = try #require(try await store.loadPlan(scope))
        let anno = try #require(plan.period(code: "ANNO"))
        var measurement = try #require(plan.measurements.first { $0.periodID == anno.id && $0.value != nil && $0.numerator == nil })
        measurement.value = (measurement.value ?? 0) + 1_234
        measurement.text = nil
        try await store.update(measurement, in: scope, actor: "ufficio.pers")
        let item = try #require(plan.items.first { $0.id == measurement.itemID })
        var indicator = try #require(plan.indicators.first { $0.id == item.indicatorID })
        indicator.name = "Indicatore rinominato dopo la chiusura"
        try await store.update(indicator, in: scope, actor: "controllo")
        return measurement.itemID
    }

    @Test(arguments: TestBackend.allCases)
    func theDocumentsOfAClosedPeriodAreByteIdenticalAfterLaterEdits(_ backend: TestBackend) async throws {
        try await ServerFixture.withSignedIn("controllo", backend: backend) { controller, server in
            try await controller.get("/amministrazione/periodi/lucca/2018")
            #expect(try await controller.post(Self.periodState, [("periodo", "ANNO"), ("azione", "chiudi")]).status == .seeOther)
            let html = try await controller.get(Self.relazioneHTML)
            let docx = try await controller.get(Self.relazioneDOCX)
            #expect(html.status == .ok)
            #expect(docx.status == .ok)
            let frozen = try #require(try await server.store.snapshot(ServerFixture.lucca2018, period: "ANNO"))
            #expect(html.body.contains("impronta \(frozen.dataFingerprint)"))
            // Issue 18: the snapshot names the plan version in force (plan_versions), listed too.
            let planVersion = try #require(try await server.store.planVersions(ServerFixture.lucca2018).last?.number)
            #expect(frozen.planVersion == planVersion)
            #expect(try await server.store.snapshots(in: ServerFixture.lucca2018).map(\.planVersion) == [planVersion])
            #expect(html.body.contains("periodo ANNO chiuso"))

            _ = try await Self.editAfterClosing(server.store)
            // More than the ZIP's two-second clock later: a date of «now» in the DOCX would change its bytes.
            try await Task.sleep(for: .milliseconds(2_100))
            let htmlAfter = try await controller.get(Self.relazioneHTML)
            let docxAfter = try await controller.get(Self.relazioneDOCX)
            #expect(htmlAfter.data == html.data)
            #expect(docxAfter.data == docx.data)
            #expect(!htmlAfter.body.contains("Indicatore rinominato dopo la chiusura"))

            // Reopened, the document is the live data's: the edit shows (so the comparison above could fail).
            try await controller.get("/amministrazione/periodi/lucca/2018")
            #expect(try await controller.post(Self.periodState, [("periodo", "ANNO"), ("azione", "riapri"), ("motivo", "Correzione di un valore dopo la chiusura")]).status == .seeOther)
            let live = try await controller.get(Self.relazioneHTML)
            #expect(live.data != html.data)
            #expect(live.body.contains("Indicatore rinominato dopo la chiusura"))
            // Closed again: a second snapshot version, and the documents are printed from it.
            try await controller.get("/amministrazione/periodi/lucca/2018")
            #expect(try await controller.post(Self.periodState, [("periodo", "ANNO"), ("azione", "chiudi")]).status == .seeOther)
            #expect(try await server.store.snapshots(in: ServerFixture.lucca2018, period: "ANNO").map(\.version) == [1, 2])
            let second = try await controller.get(Self.relazioneHTML)
            #expect(second.body.contains("Indicatore rinominato dopo la chiusura"))
            #expect(second.data != html.data)
        }
    }

    @Test(arguments: TestBackend.allCases)
    func theOIVDrawsNotesAndPrintsTheValidationDocument(_ backend: TestBackend) async throws {
        let scope = ServerFixture.lucca2018
        try await ServerFixture.withSignedIn(
            "oiv", backend: backend, prepare: { store in try await store.closePeriod("ANNO", in: scope, actor: "controllo") }
        ) { oiv, server in
            let path = "/enti/lucca/2018/campione/ANNO"
            let empty = try await oiv.get(path)
            #expect(empty.status == .ok)
            #expect(empty.body.contains("Estrai il campione"))
            #expect(try await oiv.post(path, [("dimensione", "6"), ("seme", "42")]).location == path + "?fatto=estratto")
            let first = try #require(try await server.store.oivSample(scope, period: "ANNO"))
            #expect(first.entries.count == 6)
            #expect(first.seed == 42)
            // The same seed on the same snapshot: the same sample.
            try await oiv.get(path)
            #expect(try await oiv.post(path, [("dimensione", "6"), ("seme", "42")]).status == .seeOther)
            #expect(try await server.store.oivSample(scope, period: "ANNO")?.entries == first.entries)
            // A seed that is not a number is refused, nothing drawn.
            try await oiv.get(path)
            #expect(try await oiv.post(path, [("dimensione", "6"), ("seme", "abc")]).status == .badRequest)
            #expect(try await oiv.post(path, [("dimensione", "0"), ("seme", "1")]).status == .badRequest)

            let page = try await oiv.get(path)
            let entry = try #require(first.entries.first)
            #expect(page.body.contains(entry.path))
            #expect(page.body.contains("Salva l&#39;esito") || page.body.contains("Salva l'esito"))
            let noted = try await oiv.post(path + "/nota", [("item", entry.itemID), ("esito", "confermato con rilievi"), ("nota", "Manca il verbale firmato")])
            #expect(noted.location == path + "?fatto=nota")
            let stored = try #require(try await server.store.oivSample(scope, period: "ANNO"))
            #expect(stored.entries.first?.outcome == .remarks)
            #expect(stored.entries.first?.note == "Manca il verbale firmato")
            // With an outcome recorded, the sample is not drawn again.
            try await oiv.get(path)
            #expect(try await oiv.post(path, [("dimensione", "6"), ("seme", "7")]).status == .conflict)

            let frozen = try #require(try await server.store.snapshot(scope, period: "ANNO"))
            let html = try await oiv.get(path + "/validazione.html")
            #expect(html.status == .ok)
            #expect(html.body.contains(frozen.dataFingerprint))
            #expect(html.body.contains("seme 42"))
            #expect(html.body.contains("Versione del piano") && frozen.planVersion != nil)
            #expect(html.body.contains("Manca il verbale firmato"))
            let docx = try await oiv.get(path + "/validazione.docx")
            #expect(docx.status == .ok)
            let text = try DocumentDownloadTests.unzip(docx.data, member: "word/document.xml")
            #expect(text.contains(frozen.dataFingerprint))
            #expect(text.contains("Documento di validazione"))
            #expect(text.contains(entry.path))
            #expect(text.contains("confermato con rilievi"))
            #expect(try await oiv.get(path + "/validazione.txt").status == .notFound)
            // The Documenti page of the closed period links the sample.
            #expect(try await oiv.get("/enti/lucca/2018/documenti?periodo=ANNO").body.contains("href=\"\(path)\""))
        }
    }

    /// Issue 18: a period imported already closed (the plan file says «chiuso») has no snapshot. It is not frozen
    /// at import (the import is not a close: a corrected file is imported again, and the first import must not
    /// become what the documents print for ever); the periods page and its documents say so, and the controller
    /// freezes it with one button when the data are final. From then on its documents do not move.
    @Test func aPeriodImportedAlreadyClosedSaysItHasNoSnapshotUntilFrozen() async throws {
        let scope = ServerFixture.lucca2018
        try await ServerFixture.withSignedIn("controllo", prepare: { store in
            var period = try #require(try await store.loadPlan(scope)?.periods.first { $0.code == "ANNO" })
            period.status = .closed
            try await store.update(period, in: scope, actor: "import")
        }) { controller, server in
            #expect(try await server.store.snapshots(in: scope).isEmpty)
            let page = try await controller.get("/amministrazione/periodi/lucca/2018")
            #expect(page.body.contains("chiuso senza istantanea"))
            #expect(page.body.contains("Congela l&#39;istantanea di ANNO") || page.body.contains("Congela l'istantanea di ANNO"))
            let live = try await controller.get(Self.relazioneHTML)
            #expect(live.body.contains("periodo ANNO chiuso senza istantanea"))
            // An open period is not frozen by this button.
            #expect(try await controller.post(Self.periodState, [("periodo", "ANNO"), ("azione", "riapri"), ("motivo", "Prova")]).status == .seeOther)
            try await controller.get("/amministrazione/periodi/lucca/2018")
            #expect(try await controller.post(Self.periodState, [("periodo", "ANNO"), ("azione", "congela")]).status == .badRequest)
            #expect(try await server.store.snapshots(in: scope).isEmpty)
            // Closed again as imported, then frozen with the button: one snapshot, and the documents stand still.
            var period = try #require(try await server.store.loadPlan(scope)?.periods.first { $0.code == "ANNO" })
            period.status = .closed
            try await server.store.update(period, in: scope, actor: "import")
            try await controller.get("/amministrazione/periodi/lucca/2018")
            #expect(try await controller.post(Self.periodState, [("periodo", "ANNO"), ("azione", "congela")]).status == .seeOther)
            let frozen = try #require(try await server.store.snapshot(scope, period: "ANNO"))
            #expect(frozen.version == 1)
            let html = try await controller.get(Self.relazioneHTML)
            #expect(html.body.contains("periodo ANNO chiuso;") && html.body.contains("impronta \(frozen.dataFingerprint)"))
            #expect(!(try await controller.get("/amministrazione/periodi/lucca/2018")).body.contains("chiuso senza istantanea"))
            _ = try await Self.editAfterClosing(server.store)
            #expect(try await controller.get(Self.relazioneHTML).data == html.data)
        }
    }
}
