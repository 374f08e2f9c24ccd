import Foundation
import Testing
import TraguardoCore
import TraguardoDocuments
import TraguardoTestSupport

/// The Relazione's allegato of the variations: those of the year apart from those carried over from earlier years
/// (Lucca 2018 prints three, of 2016 and 2017), each with its year, in HTML and in DOCX. They were one table.
@Suite("Relazione: variazioni dell'anno e degli anni precedenti")
struct RelazioneVariationsTests {
    static let ofTheYear = "Delibera di Giunta n. 99 del 03/05/2018"

    /// Lucca 2018 with one more variation, of 2018, on node 2E.
    static func document() throws -> Document {
        var plan = try Examples.plan("lucca-2018")
        let node = try #require(plan.nodes.first { $0.code == "2E" })
        plan.acts.append(Act(
            id: "dg-99-2018", entityCode: "lucca", organ: "Giunta", kind: .delibera, number: "99",
            date: CivilDate(year: 2018, month: 5, day: 3), subject: "Modifica dell'obiettivo 2E"))
        plan.variations.append(PlanVariation(
            id: "dg-99-2018/2E", actID: "dg-99-2018", nodeID: node.id, kind: .change, description: "Obiettivo 2E riformulato"))
        #expect(plan.variations.filter { plan.carriedOverYear(of: $0) != nil }.count == 3)
        return RelazioneBuilder.build(plan: plan, scores: PlanScorer.score(plan), source: "Examples/lucca-2018")
    }

    static func check(_ tables: [(caption: String, rows: [[String]])]) {
        let year = tables.filter { $0.caption.hasPrefix("Variazioni dell'anno 2018") }
        let earlier = tables.filter { $0.caption.hasPrefix("Variazioni degli anni precedenti") }
        #expect(year.count == 1 && earlier.count == 1, "\(tables.map(\.caption))")
        #expect(year.first?.rows == [["Atto", "Elemento", "Tipo", "Variazione"], [ofTheYear, "2E", "modifica", "Obiettivo 2E riformulato"]])
        let carried = earlier.first?.rows ?? []
        #expect(carried.first == ["Anno", "Atto", "Elemento", "Tipo", "Variazione"])
        #expect(carried.dropFirst().map { [$0[0], $0[2]] } == [["2016", "2D"], ["2016", "3A"], ["2017", "2C"]], "\(carried)")
        #expect(!carried.contains { $0.contains(ofTheYear) })
    }

    @Test func theHTMLSeparatesTheYearsVariations() throws {
        let parsed = try XMLReader.parse(html: HTMLWriter.html(try Self.document()))
        Self.check(zip(parsed.captions, parsed.tables).map { ($0, $1) })
        #expect(parsed.texts.contains { $0.contains("1 variazione nell'anno 2018 e 3 variazioni degli anni precedenti") },
                "\(parsed.texts.filter { $0.contains("variazion") })")
    }

    @Test(.enabled(if: PythonDocx.shouldRun)) func theDOCXSeparatesTheYearsVariations() throws {
        let parsed = try RelazioneDOCXTests.write(try Self.document())
        Self.check(parsed.tables.map { ($0.caption, $0.texts) })
    }
}
