import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoExchange
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport
import TraguardoWeb

/// The rilevazione form, the JSON API and the sheets read an entry with the one rule of the core
/// (`MeasurementEntry`): they refuse the same values with the same Italian message, and the form accepts back
/// what it wrote itself.
@Suite("Rilevazione: una sola regola per modulo, API e schede")
struct MeasurementEntryEdgesTests {
    static let item = "SG-2/2/1"

    /// The form fields a browser would post for the page as rendered: every text input and textarea with its
    /// value, the check boxes that are ticked; no file inputs, no CSRF token (the browser adds it).
    static func renderedFields(_ html: String) -> [(String, String)] {
        func attribute(_ name: String, in tag: Substring) -> String? {
            tag.firstMatch(of: try! Regex(" \(name)=\"([^\"]*)\"")).map { unescape(String($0.output[1].substring ?? "")) }
        }
        var fields: [(String, String)] = []
        for match in html.matches(of: /<input\b[^>]*>/) {
            let tag = html[match.range]
            guard let name = attribute("name", in: tag), name != FormFields.csrf else { continue }
            let type = attribute("type", in: tag) ?? "text"
            if type == "file" || type == "submit" { continue }
            if type == "checkbox" && !tag.contains(" checked") { continue }
            fields.append((name, attribute("value", in: tag) ?? ""))
        }
        for match in html.matches(of: /<textarea\b([^>]*)>([^<]*)<\/textarea>/) {
            guard let name = attribute("name", in: match.output.1) else { continue }
            var text = unescape(String(match.output.2))
            if text.hasPrefix("\n") { text.removeFirst() }
            fields.append((name, text))
        }
        return fields
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#x2F;", with: "/")
            .replacingOccurrences(of: "&#x3D;", with: "=").replacingOccurrences(of: "&#x60;", with: "`")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Blocker of the web trial: the 2013 form of a dirigente (98 items imported from the 2013 documents, with
    /// texts such as «28-mag» or «n. 3704 ore formazione») posted exactly as rendered, with one value changed, is
    /// saved, and only that measurement changes (one audit row).
    @Test(arguments: ["dirigente.promozione", "controllo"])
    func theImportedYearsFormIsSavedAsRenderedWithOneValueChanged(_ username: String) async throws {
        try await ServerFixture.withSignedIn(username) { browser, server in
            let path = "/enti/lucca/2013/rilevazione/ANNO/APS"
            let before = try #require(try await server.store.loadPlan(ServerFixture.lucca2013))
            let period = try #require(before.period(code: "ANNO"))
            let form = try await browser.get(path)
            #expect(form.status == .ok)
            var fields = Self.renderedFields(form.body)
            let offices = before.responsibleUnits()
            let aps = try #require(before.unit(named: "APS"))
            let own = Set(before.items(enteredBy: aps).map(\.id))
            // The page shows texts its own reader would not take (what made the trial's dirigente stuck).
            let unreadable = before.measurements(in: period).filter {
                own.contains($0.itemID) && $0.text.map { (try? EnteredValue.parse($0, year: 2013)) == nil } == true
            }
            #expect(!unreadable.isEmpty, "il 2013 ha testi stampati che il lettore non legge")
            let target = try #require(before.measurements(in: period).first { (m: TraguardoCore.Measurement) -> Bool in
                let typed = m.value != nil && m.numerator == nil && !m.isNotComputable
                return typed && own.contains(m.itemID) && m.text != nil && offices[m.itemID] != nil
            })
            let name = FormFields.Rilevazione.value(target.itemID)
            let index = try #require(fields.firstIndex { $0.0 == name })
            #expect(fields[index].1 == target.enteredText, "il modulo mostra il valore canonico")
            let changed = (target.value ?? 0) + 1
            fields[index].1 = changed.italian
            let audit = try await server.store.auditLog(AuditQuery(table: "measurements", limit: 100_000)).count

            let saved = try await browser.post(path, fields)
            #expect(saved.status == .ok, "\(saved.body.prefix(2000))")
            #expect(saved.body.contains("Rilevazioni salvate."))
            let after = try #require(try await server.store.loadPlan(ServerFixture.lucca2013))
            #expect(try await server.store.auditLog(AuditQuery(table: "measurements", limit: 100_000)).count == audit + 1)
            let written = try #require(after.measurement(of: target.itemID, in: period))
            #expect(written.value == changed && written.author == username)
            let others = { (plan: CyclePlan) in plan.measurements.filter { $0.id != target.id }.sorted { $0.id < $1.id } }
            #expect(others(after) == others(before))

            // The same page posted again as rendered now: nothing to write.
            let again = try await browser.get(path)
            #expect(try await browser.post(path, Self.renderedFields(again.body)).status == .ok)
            #expect(try await server.store.auditLog(AuditQuery(table: "measurements", limit: 100_000)).count == audit + 1)
        }
    }

    /// The values only the sheet used to refuse: the form and the API now refuse them too, with the core's words.
    @Test func theFormTheAPIAndTheSheetRefuseTheSameValuesWithTheSameMessage() async throws {
        let cases: [(value: String, reason: String)] = [
            ("1.000.000.000.000.000", ""), ("95", "nessuna richiesta"), ("N.C.", ""), ("tanto", ""), ("3/0", ""),
        ]
        try await ServerFixture.withSignedIn("ufficio.pers") { office, server in
            let token = try await APITests.token(for: "ufficio.pers", in: server.store, scope: .write)
            let plan = try #require(try await server.store.loadPlan(ServerFixture.lucca2018))
            let period = try #require(plan.period(code: "ANNO"))
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("voci-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            for (value, reason) in cases {
                let entry = MeasurementEntry(value: value, notComputableReason: reason)
                guard case .problems(let problems) = entry.read(
                    item: Self.item, period: period, existing: plan.measurement(of: Self.item, in: period), year: 2018)
                else { Issue.record("il core accetta «\(value)»"); continue }
                let problem = try #require(problems.first)

                // The API: 422 with the sentence.
                let body = try JSONSerialization.data(withJSONObject: ["item": Self.item, "periodo": "ANNO", "valore": value, "motivoNC": reason])
                let api = try await office.client.executeRequest(
                    uri: "/api/v1/enti/lucca/2018/rilevazioni", method: .post,
                    headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: ByteBuffer(data: body))
                #expect(api.status == .unprocessableContent, "\(value)")
                let answer = try #require(try JSONSerialization.jsonObject(with: Data(buffer: api.body)) as? [String: Any])
                #expect(answer["errore"] as? String == problem.sentence, "\(value)")

                // The form: 422 with the sentence beside the field.
                try await office.get("/enti/lucca/2018/rilevazione/ANNO/PERS")
                let form = try await office.post("/enti/lucca/2018/rilevazione/ANNO/PERS", [
                    (FormFields.Rilevazione.value(Self.item), value), (FormFields.Rilevazione.notComputableReason(Self.item), reason),
                ])
                #expect(form.status == .unprocessableContent, "\(value)")
                #expect(Self.unescape(form.body).contains(problem.sentence), "\(value): \(problem.sentence)")

                // The sheet: the same message after the file, row and column.
                let sheet = folder.appendingPathComponent("scheda.csv")
                try ImportTests.sheet(["\(Self.item);;;;;;;\(value);\(reason);;"]).write(to: sheet, atomically: true, encoding: .utf8)
                do {
                    _ = try MeasurementSheetReader.read(sheet, plan: plan, sink: { _ in })
                    Issue.record("la scheda accetta «\(value)»")
                } catch let error as SheetProblems {
                    #expect(error.problems.map(\.message) == problems.map(\.message), "\(value)")
                }
            }
            #expect(try await server.store.loadPlan(ServerFixture.lucca2018)?.measurements == plan.measurements)
        }
    }
}
