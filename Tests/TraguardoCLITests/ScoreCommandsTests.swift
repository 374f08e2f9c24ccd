import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

@Suite("Riga di comando: score ed explain sui dati del database")
struct ScoreCommandsTests {
    /// A database file holding the sample plan.
    func storedSample() async throws -> (folder: URL, path: String, plan: CyclePlan) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-score-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("traguardo.sqlite").path
        let store = try await Store.open(.sqlite(path: path))
        let plan = SamplePlan.make()
        try await store.savePlan(plan, actor: "prova")
        await store.close()
        return (folder, path, plan)
    }

    /// The sample plan, saved in a test database.
    static func storeSample(in database: TestDatabase) async throws -> CyclePlan {
        let plan = SamplePlan.make()
        let store = try await Store.open(database.location)
        try await store.savePlan(plan, actor: "prova")
        await store.close()
        return plan
    }

    /// What `traguardo check` must report: the catalogue fed with the engine's scores.
    static func findings(_ plan: CyclePlan) -> [Finding] {
        CheckCatalogue.findings(in: plan, period: nil)
    }

    @Test func scorePrintsWhatTheEngineComputesFromTheStoredPlan() async throws {
        let (folder, path, plan) = try await storedSample()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await CommandLineRunner.run(["score", "--database", path, "--entity", "lucca", "--year", "2013"])
        #expect(result.status == 0, "\(result)")
        let expected = PlanScorer.score(plan)
        #expect(result.output.hasPrefix("Camera di Commercio di Lucca — 2013"))
        #expect(result.output.contains("metodologia «SMVP di prova» v1"))
        let lines = result.output.split(separator: "\n").map(String.init)
        let entityLine = try #require(lines.first { $0.hasPrefix("Ente ") })
        #expect(entityLine.contains(expected.entity.score.shown))
        let node = try #require(expected.node(code: "G1"))
        #expect(lines.contains { $0.contains("G1 Migliorare la comunicazione") && $0.contains(node.score.shown) })

        let table = try await CommandLineRunner.run(["score", "--database", path, "--entity", "lucca", "--year", "2013", "--format", "table"])
        #expect(table.output == result.output)

        let json = try await CommandLineRunner.run(["score", "--database", path, "--entity", "lucca", "--year", "2013", "--format", "json"])
        let decoded = try JSONDecoder().decode(ScoreListing.self, from: Data(json.output.utf8))
        #expect(decoded == ScoreListing(plan: plan, scores: expected))
        // Scores are decimal strings, never binary floating point; N.C. carries its reason.
        let raw = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let rows = try #require(raw["punteggi"] as? [[String: Any]])
        let g1 = try #require(rows.first { $0["codice"] as? String == "G1" })
        #expect(g1["valore"] as? String == node.score.value?.description)
        #expect(g1["titolo"] as? String == "Migliorare la comunicazione")
        for row in rows where row["mostrato"] as? String == "N.C." {
            #expect(row["nc"] is String, "\(row)")
        }
    }

    @Test func whatIfScoresHypothesesWithoutStoringThem() async throws {
        let (folder, path, plan) = try await storedSample()
        defer { try? FileManager.default.removeItem(at: folder) }
        let status = try await CommandLineRunner.run(["status", "--database", path]).output
        let result = try await CommandLineRunner.run(["score", "--database", path, "--entity", "lucca", "--year", "2013",
                                                "--what-if", "G1/I1/a=50"])
        #expect(result.status == 0, "\(result)")
        #expect(result.output.hasPrefix("Simulazione (nulla è registrato). Ipotesi: G1/I1/a=50"))
        let hypothetical = try WhatIf.score(plan, hypotheses: [Hypothesis.parse("G1/I1/a=50", year: 2013)])
        let before = PlanScorer.score(plan)
        let node = try #require(hypothetical.scores.node(code: "G1"))
        #expect(node.score.shown != before.node(code: "G1")!.score.shown, "l'ipotesi deve cambiare il nodo G1")
        #expect(result.output.contains("Nodo G1: \(before.node(code: "G1")!.score.shown) → \(node.score.shown)"), "\(result)")
        #expect(try await CommandLineRunner.run(["status", "--database", path]).output == status)
        let store = try await Store.open(.sqlite(path: path))
        let stored = try await store.loadPlan(CycleScope(entityCode: "lucca", year: 2013))
        await store.close()
        #expect(stored == plan)

        let bad = try await CommandLineRunner.run(["score", "--database", path, "--entity", "lucca", "--year", "2013",
                                             "--what-if", "G1/I1/a=#DIV/0!", "--what-if", "G1/I1/a=tanto"])
        #expect(bad.status == 1)
        #expect(bad.errors.contains("ipotesi per G1/I1/a: valore «#DIV/0!» non leggibile: è un errore del foglio di calcolo"), "\(bad)")
        #expect(bad.errors.contains("valore «tanto» non leggibile"), "\(bad)")
        let unknown = try await CommandLineRunner.run(["score", "--database", path, "--entity", "lucca", "--year", "2013", "--what-if", "Z9/1/a=3"])
        #expect(unknown.errors.contains("ipotesi per «Z9/1/a»: nessun item con questo percorso"), "\(unknown)")
    }

    @Test(arguments: TestBackend.allCases)
    func savedScoresRecordTheMethodologyVersion(_ backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let plan = try await Self.storeSample(in: database)
            let result = try await CommandLineRunner.run(["score", "--database", database.argument, "--entity", "lucca", "--year", "2013", "--save"])
            #expect(result.status == 0, "\(result)")
            #expect(result.errors.contains("metodologia «SMVP di prova» v1"), "\(result)")
            let reopened = try await Store.open(database.location)
            let stored = try #require(try await reopened.storedScores(CycleScope(entityCode: "lucca", year: 2013), period: "ANNO"))
            let audit = try await reopened.auditLog(AuditQuery(table: "score_results"))
            await reopened.close()
            let listing = ScoreListing(plan: plan, scores: PlanScorer.score(plan))
            #expect(stored.rows == listing.punteggi)
            #expect(stored.methodologyVersion == 1 && stored.methodologyName == "SMVP di prova")
            #expect(audit.count == 1 && audit[0].after?.contains("\"punteggi\":\(listing.punteggi.count)") == true, "\(audit)")
            // Scoring again replaces the recorded scores, never adds a second copy.
            #expect(try await CommandLineRunner.run(["score", "--database", database.argument, "--entity", "lucca", "--year", "2013", "--save"]).status == 0)
            let again = try await Store.open(database.location)
            let count = try await again.storedScores(CycleScope(entityCode: "lucca", year: 2013), period: "ANNO")?.rows.count
            await again.close()
            #expect(count == listing.punteggi.count)
        }
    }

    @Test func explainPrintsTheExplanationTree() async throws {
        let (folder, path, plan) = try await storedSample()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await CommandLineRunner.run(["explain", "--database", path, "--entity", "lucca", "--year", "2013", "G1"])
        #expect(result.status == 0, "\(result)")
        let expected = try #require(PlanScorer.score(plan).element(path: "G1"))
        var text = expected.explanation.rendered(titleLimit: 80, maxDepth: nil)
        if !text.hasSuffix("\n") { text += "\n" }
        #expect(result.output == text)
        #expect(result.output.contains("Nodo G1"))
        #expect(result.output.contains("Item"))  // followed down to the item
    }

    @Test func missingScopeAndUnknownCodesAreExplainedInItalian() async throws {
        let (folder, path, _) = try await storedSample()
        defer { try? FileManager.default.removeItem(at: folder) }
        let noScope = try await CommandLineRunner.run(["score", "--database", path])
        #expect(noScope.status == 1)
        #expect(noScope.errors.contains("indicare l'Ente e l'anno"))
        let wrongYear = try await CommandLineRunner.run(["score", "--database", path, "--entity", "lucca", "--year", "2019"])
        #expect(wrongYear.errors.contains("non è nel database (anni presenti: 2013)"), "\(wrongYear)")
        let wrongPeriod = try await CommandLineRunner.run(["score", "--database", path, "--entity", "lucca", "--year", "2013", "--period", "T7"])
        #expect(wrongPeriod.errors.contains("il periodo «T7» non esiste"), "\(wrongPeriod)")
        let unknown = try await CommandLineRunner.run(["explain", "--database", path, "--entity", "lucca", "--year", "2013", "Z9"])
        #expect(unknown.status == 1)
        #expect(unknown.errors.contains("nessun elemento «Z9» in lucca 2013"), "\(unknown)")
    }

    @Test func checkReportsTheFindingsOfTheCatalogueAndFailsOnErrors() async throws {
        let (folder, path, plan) = try await storedSample()
        defer { try? FileManager.default.removeItem(at: folder) }
        let expected = Self.findings(plan)
        try #require(!expected.isEmpty, "il piano di prova dichiara cifre che il calcolo non conferma")
        let result = try await CommandLineRunner.run(["check", "--database", path, "--entity", "lucca", "--year", "2013"])
        #expect(result.status == (expected.contains { $0.severity == .error } ? 1 : 0), "\(result)")
        for finding in expected {
            #expect(result.output.contains("\(finding.code) \(finding.elementKind) \(finding.elementCode): \(finding.message)"))
        }
        let json = try await CommandLineRunner.run(["check", "--database", path, "--entity", "lucca", "--year", "2013", "--format", "json"])
        struct Report: Decodable { var ente: String; var anno: Int; var aperti: [Finding] }
        let reports = try JSONDecoder().decode([Report].self, from: Data(json.output.utf8))
        #expect(reports.count == 1 && reports[0].aperti == expected && reports[0].ente == "lucca")
    }

    @Test(arguments: TestBackend.allCases)
    func anAcknowledgedFindingStopsRepeatingAndCanBeReopened(_ backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let plan = try await Self.storeSample(in: database)
            let base = ["check", "--database", database.argument, "--entity", "lucca", "--year", "2013"]
            let first = try await CommandLineRunner.run(base)
            let findings = Self.findings(plan)
            let error = try #require(findings.first { $0.severity == .error }, "il piano di prova ha un errore")
            let name = "\(error.code) \(error.elementKind) \(error.elementCode)"
            #expect(first.output.contains(name))
            let noReason = try await CommandLineRunner.run(base + ["--acknowledge", name])
            #expect(noReason.status != 0 && noReason.errors.contains("--acknowledge vuole il motivo"), "\(noReason)")
            let unknown = try await CommandLineRunner.run(base + ["--acknowledge", "CONTI-SOMMA conto ZZZ", "--reason", "x"])
            #expect(unknown.status == 1 && unknown.errors.contains("nessun rilievo «CONTI-SOMMA conto ZZZ»"), "\(unknown)")
            let ack = try await CommandLineRunner.run(base + ["--acknowledge", name, "--reason", "cifra del documento, verificata con l'ufficio"])
            #expect(ack.errors.contains("Rilievo «\(name)» riconosciuto"), "\(ack)")
            #expect(!ack.output.contains("\(name):"), "il rilievo riconosciuto non si ripete")
            #expect(ack.output.contains("1 rilievi riconosciuti non sono ripetuti (--all per vederli)."))
            let listed = try await CommandLineRunner.run(base + ["--all"])
            #expect(listed.output.contains("«cifra del documento, verificata con l'ufficio»"), "\(listed)")
            let reopened = try await CommandLineRunner.run(base + ["--unacknowledge", name])
            #expect(reopened.output.contains("\(name):") && reopened.status == first.status, "\(reopened)")
            let audit = try await Store.open(database.location)
            let entries = try await audit.auditLog(AuditQuery(table: "check_acknowledgements"))
            await audit.close()
            #expect(entries.map(\.action) == [.delete, .insert])
        }
    }
}
