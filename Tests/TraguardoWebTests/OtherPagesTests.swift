import Foundation
import Testing
import TraguardoCore
import TraguardoWeb

@Suite("Documenti, verifiche, registro, amministrazione")
struct OtherPagesTests {
    @Test func documentsLinkToEveryFormat() throws {
        let plan = try Examples.plan("lucca-2018")
        let page = DocumentiPage.make(plan: plan)
        let (html, parsed) = try PageChecks.render(page)
        for kind in WebDocumentKind.allCases {
            #expect(parsed.text.contains(kind.label(year: 2018)))
            for format in kind.formats {
                #expect(html.contains("href=\"/enti/lucca/2018/documenti/\(kind.rawValue).\(format.rawValue)\""))
            }
        }
        #expect(WebDocumentKind.opendata.formats == [.csv, .json])
        #expect(WebDocumentKind.allCases.allSatisfy { ($0.document == nil) == ($0 == .opendata) },
                "ogni documento della pagina, tranne i dati aperti, è nel catalogo di TraguardoDocuments")
    }

    @Test func documentsAreComputedForThePeriodChosen() throws {
        var plan = try Examples.plan("lucca-2018")
        plan.periods.append(MonitoringPeriod(
            id: "lucca-2018-S1", entityCode: "lucca", year: 2018, code: "S1", name: "Primo semestre 2018", kind: .halfYear,
            endsOn: CivilDate(year: 2018, month: 6, day: 30), sequence: 0))
        let byDefault = DocumentiPage.make(plan: plan)
        #expect(byDefault.periodNote == "Calcolati per Consuntivo annuale 2018 (ANNO), periodo chiuso.")
        #expect(byDefault.periods.map(\.label) == ["Primo semestre 2018 (S1)", "Consuntivo annuale 2018 (ANNO)"])
        let half = DocumentiPage.make(plan: plan, period: "S1")
        let (html, _) = try PageChecks.render(half)
        #expect(html.contains("href=\"/enti/lucca/2018/documenti/relazione.pdf?periodo=S1\""))
        #expect(html.contains("Calcolati per Primo semestre 2018 (S1), periodo aperto: i numeri possono ancora cambiare."))
        #expect(html.contains("aria-current=\"page\">Primo semestre 2018 (S1)"))
        #expect(DocumentiPage.make(plan: plan, period: "X9").documents[0].links[0].href == "/enti/lucca/2018/documenti/relazione.html",
                "un periodo che non c'è non passa nei collegamenti")
    }

    @Test func findingsOfTheChecksWithAcknowledgementForms() throws {
        let plan = try Examples.plan("lucca-2013")
        let scores = PlanScorer.score(plan)
        let values = Dictionary(scores.all.map { ($0.subject.id, $0.score.value) }, uniquingKeysWith: { a, _ in a })
        let findings = CheckCatalogue.run(CheckContext(plan: plan, computedScore: { values[$0] ?? nil }))
        #expect(!findings.isEmpty, "le anomalie di Lucca 2013 sono trovate dalle verifiche")
        let first = try #require(findings.first)
        let ack = Acknowledgement(findingKey: first.key, reason: "già corretto nella delibera <n. 85>", acknowledgedBy: "controllo")
        let page = VerifichePage.make(plan: plan, findings: findings, acknowledgements: [ack], canAcknowledge: true, showing: .all)
        let (html, parsed) = try PageChecks.render(page)
        let byDefault = VerifichePage.make(plan: plan, findings: findings, acknowledgements: [ack], canAcknowledge: true)
        #expect(byDefault.open.count == findings.filter { $0.key != first.key && $0.severity != .suggestion }.count,
                "di norma errori e avvisi; i suggerimenti a richiesta")
        #expect(byDefault.filterNote?.contains("di \(page.open.count)") == true)
        #expect(page.open.count == findings.filter { $0.key != first.key }.count)
        #expect(parsed.forms.count == page.open.count + 1, "un modulo per segnalazione aperta, più «Esci»")
        let acknowledged = try #require(parsed.tables.last)
        #expect(acknowledged.dropFirst().first?.first == first.code)
        #expect(html.contains("già corretto nella delibera &lt;n. 85&gt;"))
        let open = try #require(parsed.tables.first)
        let second = try #require(findings.first { $0.key != first.key })
        #expect(open[1][0] == second.code && open[1][3].hasPrefix(VerifichePage.withoutCommandHint(second.message).split(whereSeparator: \.isWhitespace).joined(separator: " ")))

        let readOnly = VerifichePage.make(plan: plan, findings: findings, acknowledgements: [], canAcknowledge: false)
        let (_, readParsed) = try PageChecks.render(readOnly, chrome: PageChecks.chrome(role: .evaluator))
        #expect(readParsed.forms.count == 1, "l'OIV legge soltanto: solo «Esci»")
    }

    @Test func findingsLinkToTheElementsPageNotToACommandOrASourceFile() throws {
        let plan = try Examples.plan("lucca-2013")
        let scores = PlanScorer.score(plan)
        let values = Dictionary(scores.all.map { ($0.subject.id, $0.score.value) }, uniquingKeysWith: { a, _ in a })
        let findings = CheckCatalogue.run(CheckContext(plan: plan, computedScore: { values[$0] ?? nil }))
        #expect(findings.contains { $0.message.contains("`traguardo explain") }, "il messaggio della CLI nomina il comando")
        #expect(findings.contains { $0.provenance?.source.hasPrefix("seeds/") == true })
        let page = VerifichePage.make(plan: plan, findings: findings, acknowledgements: [], canAcknowledge: false, showing: .all)
        let (html, parsed) = try PageChecks.render(page)
        #expect(!parsed.text.contains("traguardo explain"))
        #expect(!parsed.text.contains("seeds/"))
        let nodeCodes = Set(plan.nodes.map(\.code))
        let node = try #require(findings.first { $0.elementKind == "nodo" && nodeCodes.contains($0.elementCode) })
        #expect(html.contains("<a href=\"/enti/lucca/2013/nodi/\(WebRoutes.segment(node.elementCode))\">\(node.elementCode)</a>"))
        let indicator = try #require(page.open.first { $0.elementKind == "indicatore" && $0.hasElementHref })
        #expect(indicator.elementHref.contains("#indicatore-"))
        #expect(page.open.filter(\.hasElementHref).count > page.open.count / 2, "quasi ogni segnalazione porta all'elemento")
    }

    @Test func auditLogFilterReadsItalianDatesAndShowsErrorsBesideTheFields() throws {
        let good = RegistroFilter.read([FormFields.Registro.from: "01/12/2026", FormFields.Registro.to: "31/12/2026",
                                        FormFields.Registro.actor: "ROSSI"])
        #expect(good.isValid && good.from == CivilDate(year: 2026, month: 12, day: 1))
        let at = try #require(ISO8601DateFormatter().date(from: "2026-12-03T14:04:00Z"))
        // The days are Italian days: 1 December 00:00 in Rome is 30 November 23:00 UTC; «al» includes its day.
        #expect(good.instants.from == ISO8601DateFormatter().date(from: "2026-11-30T23:00:00Z"))
        #expect(good.instants.until == ISO8601DateFormatter().date(from: "2026-12-31T23:00:00Z"))
        #expect(good.href() == "/registro?autore=ROSSI&dal=01%2F12%2F2026&al=31%2F12%2F2026")
        #expect(good.href(page: 3).hasSuffix("&pagina=3") && good.href(csv: true).hasSuffix("&formato=csv"))

        let bad = RegistroFilter.read([FormFields.Registro.from: "ieri", FormFields.Registro.to: "01/01/2020"])
        #expect(!bad.isValid)
        let entries = [RegistroPage.Entry(at: at, actor: "mrossi", action: "modifica", kindLabel: "Rilevazioni",
                                          scope: "lucca 2013", recordID: "item-1@ANNO", before: "{\"valore\":90}", after: "{\"valore\":95}")]
        let page = RegistroPage.make(
            entries: entries, total: 1, kinds: [(value: "measurements", label: "Rilevazioni")],
            cycles: [(value: "lucca/2013", label: "lucca 2013")], filter: bad)
        let (_, parsed) = try PageChecks.render(page)
        let from = try #require(parsed.inputs.first { $0.name == FormFields.Registro.from })
        #expect(from.invalid)
        #expect(parsed.text.contains("«ieri» non è una data"))
        let table = try #require(parsed.tables.first)
        #expect(Array(table[1].prefix(6)) == ["03/12/2026 15:04", "mrossi", "modifica", "Rilevazioni", "lucca 2013", "item-1@ANNO"])
        #expect(table[1][6].contains("valore") && table[1][6].contains("90 → 95"), "\(table[1])")
        #expect(!parsed.text.contains("{\"valore\""), "niente JSON grezzo")
        // A date the record stores as seconds since 2001 reads as a date and time.
        let dated = AuditChange.changes(before: nil, after: "{\"recordedAt\":818257296,\"done\":true}")
        #expect(dated.map(\.field) == ["realizzato", "registrato il"])
        #expect(dated.map(\.after) == ["sì", "06/12/2026 14:41"])
    }

    @Test func administrationPagesHaveLabelledFormsAndMultipartUploads() throws {
        let plan = try Examples.plan("lucca-2013")
        let scope = WebScope(entityCode: "lucca", entityName: "CCIAA Lucca", year: 2013, openPeriodCode: "ANNO")
        let users = AdminUsersPage.make(
            users: [.init(username: "mrossi", displayName: "Maria Rossi", role: .officeHead, unitName: "Ufficio Programmazione")],
            units: plan.units.map { UnitChoice(entityCode: "lucca", code: $0.code ?? $0.id, name: $0.name) }, role: .administrator, scope: scope,
            typed: [FormFields.Utente.username: "x y"], errors: [FormFields.Utente.username: "Il nome utente non può contenere spazi."])
        let (usersHTML, usersParsed) = try PageChecks.render(users)
        #expect(usersParsed.inputs.map(\.name).contains(FormFields.Utente.role))
        #expect(UserRole.allCases.allSatisfy { usersHTML.contains("<option value=\"\($0.rawValue)\"") })
        #expect(usersParsed.inputs.first { $0.name == FormFields.Utente.username }?.invalid == true)
        #expect(usersParsed.navLinks.contains("Unità organizzative"))

        let units = AdminUnitsPage.make(plan: plan, role: .controller, scope: scope)
        let (_, unitsParsed) = try PageChecks.render(units)
        #expect(unitsParsed.tables.first?.count == plan.units.count + 1)
        #expect(!unitsParsed.navLinks.contains("Utenti"), "il controllo di gestione non gestisce gli utenti")

        let periods = AdminPeriodsPage.make(plan: plan, role: .controller, scope: scope)
        let (_, periodsParsed) = try PageChecks.render(periods)
        // Per period: the dates' form and one form per move its state allows; plus the menu's.
        #expect(periodsParsed.forms.count == plan.periods.count + periods.periods.map(\.actions.count).reduce(0, +) + 1)
        #expect(periods.periods.first?.actions.map(\.value) == [FormFields.Periodo.reopen], "ANNO 2013 è chiuso: si può solo riaprire, con il motivo")
        #expect(periods.periods.first?.actions.first?.needsReason == true)

        let imports = AdminImportPage.make(role: .administrator, scopes: [scope], current: scope, errors: ["piano.yaml, riga 3: manca «codice»"])
        let (_, importParsed) = try PageChecks.render(imports)
        let uploads = importParsed.forms.filter { $0.action.hasPrefix(WebRoutes.importazione) }
        #expect(uploads.count == 3 && uploads.allSatisfy { $0.enctype == "multipart/form-data" })
        #expect(importParsed.text.contains("piano.yaml, riga 3: manca «codice»"))
    }

    @Test func routesEncodeTheirVariableParts() {
        #expect(WebRoutes.cruscotto(ente: "lucca", anno: 2013) == "/enti/lucca/2013/cruscotto")
        #expect(WebRoutes.nodo(ente: "lucca", anno: 2013, percorso: "SG-4") == "/enti/lucca/2013/nodi/SG-4")
        #expect(WebRoutes.nodo(ente: "pira", anno: 2022, percorso: "011‐005 001/x") == "/enti/pira/2022/nodi/011%E2%80%90005%20001%2Fx")
        #expect(WebRoutes.rilevazione(ente: "lucca", anno: 2013, periodo: "ANNO", ufficio: "lucca/PROG")
            == "/enti/lucca/2013/rilevazione/ANNO/lucca%2FPROG")
        #expect(FormFields.Rilevazione.itemID(in: "valore[abc/1]", prefix: FormFields.Rilevazione.valuePrefix) == "abc/1")
        #expect(FormFields.Rilevazione.itemID(in: "nota[abc]", prefix: FormFields.Rilevazione.valuePrefix) == nil)
    }

    /// The registro's page clamp, written once for the store's offset (`RegistroRoutes.show`) and the page's
    /// links (`RegistroPage.make`): a page past the last shows the last, an empty log has one page.
    @Test func theRegistroPageIsClampedOnce() {
        let size = RegistroPage.pageSize
        #expect(RegistroPage.page(1, of: 0) == (page: 1, pages: 1))
        #expect(RegistroPage.page(7, of: 0) == (page: 1, pages: 1))
        #expect(RegistroPage.page(2, of: size * 2 + 1) == (page: 2, pages: 3))
        #expect(RegistroPage.page(99, of: size * 2 + 1) == (page: 3, pages: 3))
        #expect(RegistroPage.offset(99, of: size * 2 + 1) == size * 2)
        #expect(RegistroPage.offset(0, of: size * 2) == 0)
    }
}
