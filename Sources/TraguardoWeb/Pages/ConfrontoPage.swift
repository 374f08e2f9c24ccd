import Foundation
import TraguardoCore

/// The comparison across Enti of an Ente-year (issue 19): for each indicator the Ente has in common with other Enti
/// in the same year (the national ones, such as Unioncamere's), the Ente's result, its rank among all, its
/// quartile, the quartiles of all results, and the whole ranking. Built from `IndicatorComparison`, the same the
/// `traguardo compare` command prints.
public struct ConfrontoPage: WebPage {
    public static let templateName = "confronto"
    public var title: String
    public var entityName: String
    public var year: Int
    public var cruscottoHref: String
    /// «3 Enti con un ciclo 2016 …».
    public var summary: String
    public var rows: [Row]
    public var hasRows: Bool

    public struct Row: Sendable {
        public var code: String
        public var name: String
        public var shown: String
        /// «2° di 5».
        public var position: String
        public var quartile: String
        public var firstQuartile: String
        public var median: String
        public var thirdQuartile: String
        public var ranking: [RankRow]
    }

    public struct RankRow: Sendable {
        public var rank: Int
        public var name: String
        public var shown: String
        /// The Ente of the page (highlighted).
        public var isThisEnte: Bool
    }

    /// The page of Ente `entityCode` in `year` among `comparisons` (of that year's Enti), `enti` Enti compared.
    public static func make(
        entityCode: String, entityName: String, year: Int, comparisons: [IndicatorComparison], enti: Int
    ) -> ConfrontoPage {
        let percent = { (value: Decimal) in ItalianFormatting.percent(value, fractionDigits: 2) }
        let rows: [Row] = comparisons.compactMap { comparison in
            guard let own = comparison.entries(of: entityCode).first else { return nil }
            return Row(
                code: comparison.code, name: comparison.name, shown: own.shown,
                position: "\(own.rank)° di \(comparison.entries.count)", quartile: "\(own.quartile)° quartile",
                firstQuartile: percent(comparison.firstQuartile), median: percent(comparison.median),
                thirdQuartile: percent(comparison.thirdQuartile),
                ranking: comparison.entries.map {
                    RankRow(rank: $0.rank, name: $0.entityName, shown: $0.shown, isThisEnte: $0.entityCode == entityCode)
                })
        }
        return ConfrontoPage(
            title: "Confronto fra Enti \(year) – \(entityName)", entityName: entityName, year: year,
            cruscottoHref: WebRoutes.cruscotto(ente: entityCode, anno: year),
            summary: rows.isEmpty
                ? "Nessun indicatore di \(entityName) è comune (stesso codice e nome) ad altri Enti con un ciclo \(year) e un risultato."
                : "\(rows.count) indicatori comuni con gli altri Enti (\(enti) Enti con un ciclo \(year)). Il 1° quartile è il quarto "
                    + "dei risultati più alti; Q1, mediana e Q3 sono calcolati su tutti i risultati dell'indicatore.",
            rows: rows, hasRows: !rows.isEmpty)
    }
}
