import Foundation
import Testing
import TraguardoCore
import TraguardoWeb

@Suite("Rilevazione")
struct RilevazionePageTests {
    /// Lucca 2013 with its period reopened, and the office with the most items.
    static func openPlan() throws -> (plan: CyclePlan, office: String, period: String) {
        var plan = try Examples.plan("lucca-2013")
        for i in plan.periods.indices { plan.periods[i].status = .open }
        let counts = Dictionary(grouping: plan.responsibleUnits().values, by: { $0 }).mapValues(\.count)
        let office = try #require(counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key)
        return (plan, office, try #require(plan.periods.first?.code))
    }

    @Test func anOfficeSeesOnlyItsItemsEachWithLabelledFields() throws {
        let (plan, office, period) = try Self.openPlan()
        let scores = PlanScorer.score(plan, period: period)
        let page = RilevazionePage.make(plan: plan, scores: scores, period: period, office: office)
        let (html, parsed) = try PageChecks.render(page, chrome: PageChecks.chrome(role: .officeHead, current: .rilevazione))

        let offices = plan.responsibleUnits()
        let paths = plan.itemPaths()
        let expected = Set(plan.items.filter { offices[$0.id] == office }.map { paths[$0.id]! })
        #expect(!expected.isEmpty && expected.count < plan.items.count)
        // One table row per item, with its own «Salva».
        #expect(Set(page.items.map(\.path)) == expected)
        #expect(html.matches(of: #/<tr id="r\d+" class="riga\s/#).count == expected.count)
        #expect(html.matches(of: /class="salva-riga" name="salva"/).count == expected.count)
        // One multipart form, posted with the CSRF field; seven inputs per item; the filter's two (GET).
        let form = try #require(parsed.forms.first { $0.action == page.action && $0.method == "post" })
        #expect(form.enctype == "multipart/form-data")
        #expect(parsed.inputs.count == expected.count * 7 + 2)
        let item = try #require(plan.items.first { offices[$0.id] == office })
        let names = Set(parsed.inputs.map(\.name))
        for name in [FormFields.Rilevazione.value(item.id), FormFields.Rilevazione.notComputable(item.id),
                     FormFields.Rilevazione.notComputableReason(item.id), FormFields.Rilevazione.justifiedDeviation(item.id),
                     FormFields.Rilevazione.justification(item.id), FormFields.Rilevazione.narrative(item.id),
                     FormFields.Rilevazione.evidence(item.id)] {
            #expect(names.contains(name), "manca il campo \(name)")
        }
        #expect(parsed.inputs.contains { $0.name == FormFields.Rilevazione.evidence(item.id) && $0.type == "file" })
        // Each item shows the engine's current result.
        let shown = try #require(scores.items[item.id]).score.shown
        #expect(parsed.text.contains("\(paths[item.id]!) \(item.description.split(whereSeparator: \.isWhitespace).joined(separator: " "))"))
        #expect(parsed.text.contains("Risultato attuale: \(shown)"))
    }

    @Test func anUnreadableValueIsShownBesideItsFieldAndNothingIsSaved() throws {
        let (plan, office, period) = try Self.openPlan()
        let item = try #require(plan.items.first { plan.responsibleUnits()[$0.id] == office })
        let other = try #require(plan.items.last { plan.responsibleUnits()[$0.id] == office && $0.id != item.id })
        let fields = [
            FormFields.Rilevazione.value(item.id): "circa novanta",
            FormFields.Rilevazione.value(other.id): "",
            FormFields.Rilevazione.notComputable(other.id): "1",
        ]
        let form = RilevazioneForm.read(fields: fields, plan: plan, period: period, office: office, author: "mrossi")
        #expect(form.errors.map(\.field) == [.value, .notComputableReason])
        let expectedMessage = try #require(Self.parseFailure("circa novanta"))
        // The core's message, with the value found, as a sentence.
        #expect(form.errors[0].message == "Valore «circa novanta» non leggibile: \(expectedMessage).")

        let page = RilevazionePage.make(plan: plan, scores: PlanScorer.score(plan, period: period), period: period,
                                        office: office, entries: form.entries, errors: form.errors)
        let (_, parsed) = try PageChecks.render(page)
        let input = try #require(parsed.inputs.first { $0.name == FormFields.Rilevazione.value(item.id) })
        #expect(input.invalid)
        #expect(input.describedBy.split(separator: " ").contains { $0.hasSuffix("-errore") })
        let reason = try #require(parsed.inputs.first { $0.name == FormFields.Rilevazione.notComputableReason(other.id) })
        #expect(reason.invalid)
        #expect(parsed.inputs.filter(\.invalid).count == 2)
        #expect(parsed.text.contains("Non ho salvato nulla: 2 da correggere"))
        #expect(parsed.text.contains(form.errors[0].message))
        #expect(parsed.text.contains("La rilevazione è N.C.: scrivere il motivo (per esempio «nessuna richiesta nel periodo»)."))
    }

    @Test func afterSavingThePageShowsTheNewScore() throws {
        let (plan, office, period) = try Self.openPlan()
        let before = PlanScorer.score(plan, period: period)
        let offices = plan.responsibleUnits()
        // An item of the office that is scored now: record it as N.C. with a reason.
        let item = try #require(plan.items.first { offices[$0.id] == office && before.items[$0.id]?.score.value != nil })
        let fields = [
            FormFields.Rilevazione.value(item.id): "",
            FormFields.Rilevazione.notComputable(item.id): "1",
            FormFields.Rilevazione.notComputableReason(item.id): "nessuna richiesta nel periodo",
        ]
        let form = RilevazioneForm.read(fields: fields, plan: plan, period: period, office: office, author: "mrossi")
        #expect(form.errors.isEmpty)
        let saved = try #require(form.measurements.first)
        #expect(form.measurements.count == 1)
        #expect(saved.itemID == item.id && saved.notComputableReason == "nessuna richiesta nel periodo" && saved.author == "mrossi")

        var after = plan
        after.measurements.removeAll { $0.id == saved.id || ($0.itemID == item.id && $0.periodID == saved.periodID) }
        after.measurements.append(saved)
        let scores = PlanScorer.score(after, period: period)
        let newScore = try #require(scores.items[item.id]).score
        #expect(newScore.isNotComputable)
        let page = RilevazionePage.make(plan: after, scores: scores, period: period, office: office)
        let (_, parsed) = try PageChecks.render(page)
        let index = try #require(page.items.firstIndex { $0.itemID == item.id })
        #expect(page.items[index].score.shown == newScore.shown)
        #expect(parsed.text.contains("Risultato attuale: N.C."))
        let checkbox = page.items[index].notComputable
        #expect(checkbox.checked)
        #expect(page.items[index].notComputableReason.value == "nessuna richiesta nel periodo")
    }

    @Test func aValueIsReadAsItalian() throws {
        let (plan, office, period) = try Self.openPlan()
        let item = try #require(plan.items.first { plan.responsibleUnits()[$0.id] == office })
        let form = RilevazioneForm.read(
            fields: [FormFields.Rilevazione.value(item.id): "1.418,5", FormFields.Rilevazione.narrative(item.id): "fatto"],
            evidence: [item.id: ["verbale.pdf"]], plan: plan, period: period, office: office, author: nil)
        let m = try #require(form.measurements.first)
        #expect(m.value == Decimal(string: "1418.5"))
        #expect(m.text == "1.418,5" && m.narrative == "fatto" && m.evidence.contains("verbale.pdf"))
        // A field of an item of another office is ignored.
        let foreign = try #require(plan.items.first { plan.responsibleUnits()[$0.id] != office })
        let ignored = RilevazioneForm.read(fields: [FormFields.Rilevazione.value(foreign.id): "5"], plan: plan, period: period,
                                           office: office, author: nil)
        #expect(ignored.measurements.isEmpty && ignored.errors.isEmpty)
    }

    /// The reason `EnteredValue` gives for not reading `text`, nil when it reads it.
    static func parseFailure(_ text: String) -> String? {
        do {
            _ = try EnteredValue.parse(text, year: 2013)
            return nil
        } catch { return error.reason }
    }

    @Test func theOfficeListCountsItemsAndMissingMeasurementsAndLinksToEachForm() throws {
        var (plan, office, period) = try Self.openPlan()
        let offices = plan.responsibleUnits()
        let removed = try #require(plan.measurements.first { offices[$0.itemID] == office })
        plan.measurements.removeAll { $0.itemID == removed.itemID }
        let page = RilevazioneElencoPage.make(plan: plan, period: period)
        let (html, parsed) = try PageChecks.render(page)
        let table = try #require(parsed.tables.first)
        #expect(table.count == Set(offices.values).count + 1)
        let name = try #require(plan.unit(named: office)?.name)
        let row = try #require(table.first { $0.first == name })
        #expect(row[1] == String(offices.values.filter { $0 == office }.count))
        #expect(row[2] == "1")
        #expect(html.contains("href=\"\(WebRoutes.rilevazione(ente: "lucca", anno: 2013, periodo: period, ufficio: office))\""))
        // A responsabile d'ufficio sees only their own office.
        let own = RilevazioneElencoPage.make(plan: plan, period: period, offices: [office])
        #expect(own.offices.map(\.name) == [name])
    }

    @Test func aClosedPeriodIsReadOnly() throws {
        let plan = try Examples.plan("lucca-2013")
        let period = try #require(plan.periods.first { $0.status == .closed })
        let office = try #require(plan.responsibleUnits().values.first)
        let page = RilevazionePage.make(plan: plan, scores: PlanScorer.score(plan), period: period.code, office: office)
        let (html, _) = try PageChecks.render(page)
        #expect(!page.isOpen)
        #expect(html.contains("<fieldset class=\"righe\" disabled=\"disabled\">"))
        #expect(!html.contains("Salva tutte le righe"))
        #expect(!html.contains("class=\"salva-riga\""))
    }
}

