import Foundation
import TraguardoCore

extension Document {
    /// A document of a scored Ente-year: Ente, year, period and methodology of its scores,
    /// and the line saying what it was made from (`Prodotto da Traguardo con il piano e le rilevazioni di …;
    /// punteggi del motore di calcolo, metodologia «…» v1.`).
    /// - Parameter computed: what the engine gave the document, in its words (`punteggi del motore di calcolo`).
    static func scored(
        title: String, subtitle: String?, plan: CyclePlan, scores: PlanScores, source: String?,
        computed: String = "punteggi del motore di calcolo", blocks: [DocumentBlock]
    ) -> Document {
        var document = Document(
            title: title, subtitle: subtitle, entityName: plan.entity.name, entityCode: plan.entity.code, year: plan.cycle.year,
            period: scores.periodCode, methodologyName: scores.methodology.name,
            methodologyVersion: scores.methodology.version,
            generatedFrom: "", blocks: blocks)
        let period = scores.periodCode.map { ", periodo \($0)" } ?? ""
        let from = source.map { " (\($0))" } ?? ""
        document.generatedFrom = "Prodotto da Traguardo con il piano e le rilevazioni di \(plan.entity.name) "
            + "\(plan.cycle.year)\(period)\(from); \(computed), \(document.methodologyLabel)."
        document.printedFrom = "Prodotto da Traguardo con il piano e le rilevazioni di \(plan.entity.name) "
            + "\(plan.cycle.year)\(period); \(computed), \(document.methodologyLabel)."
        return document
    }
}
