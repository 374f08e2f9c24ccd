import Foundation
import TraguardoCore

/// What `traguardo score --methodology X --compare` prints: the two methodologies, the rules that differ,
/// every element whose score changes (before → after, the difference, the formula under each), and the
/// managers per band of score under each.
struct MethodologyComparisonReport: Encodable {
    struct Row: Encodable {
        var tipo: String
        var percorso: String
        var titolo: String
        var prima: String
        var dopo: String
        var differenza: String?
        var formula_prima: String
        var formula_dopo: String
    }

    struct Band: Encodable {
        var fascia: String
        var prima: Int
        var dopo: Int
    }

    var ente: String
    var anno: Int
    var periodo: String?
    var metodologia_attuale: String
    var metodologia_proposta: String
    var regole_diverse: [String]
    var elementi_confrontati: Int
    var cambiamenti: [Row]
    var distribuzione_dirigenti: [Band]

    init(plan: CyclePlan, comparison: MethodologyComparison) {
        ente = plan.entity.code
        anno = plan.cycle.year
        periodo = comparison.current.periodCode
        metodologia_attuale = MethodologyComparison.name(comparison.current.methodology)
        metodologia_proposta = MethodologyComparison.name(comparison.proposed.methodology)
        regole_diverse = comparison.ruleDifferences
        elementi_confrontati = comparison.compared
        cambiamenti = comparison.rows.map { row in
            Row(tipo: row.subject.kind.rawValue, percorso: row.subject.path, titolo: row.subject.title,
                prima: row.beforeShown, dopo: row.afterShown, differenza: row.differenceShown,
                formula_prima: row.beforeFormula, formula_dopo: row.afterFormula)
        }
        distribuzione_dirigenti = zip(comparison.currentDistribution.bands, comparison.proposedDistribution.bands).map {
            Band(fascia: $0.label, prima: $0.count, dopo: $1.count)
        }
    }

    func text() -> String {
        var lines = ["Confronto di metodologie — \(ente) \(anno)" + (periodo.map { ", periodo \($0)" } ?? "")]
        lines.append("  attuale:  \(metodologia_attuale)")
        lines.append("  proposta: \(metodologia_proposta)")
        lines.append("")
        lines.append(regole_diverse.isEmpty ? "Le regole sono le stesse." : "Regole diverse (\(regole_diverse.count)):")
        lines += regole_diverse.map { "  - \($0)" }
        lines.append("")
        if cambiamenti.isEmpty {
            lines.append("Nessun punteggio cambia su \(elementi_confrontati) elementi.")
        } else {
            lines.append("Cambiano \(cambiamenti.count) punteggi su \(elementi_confrontati) elementi:")
            for row in cambiamenti {
                let kind = ScoredKind(rawValue: row.tipo)?.label ?? row.tipo
                let name = row.tipo == ScoredKind.entity.rawValue ? kind : "\(kind) \(row.percorso)"
                lines.append("  \(name): \(row.prima) → \(row.dopo)" + (row.differenza.map { " (\($0))" } ?? ""))
                lines.append("      attuale:  \(row.formula_prima)")
                lines.append("      proposta: \(row.formula_dopo)")
            }
        }
        lines.append("")
        lines.append("Dirigenti per fascia di punteggio (attuale → proposta):")
        for band in distribuzione_dirigenti {
            lines.append("  " + band.fascia.padding(toLength: 30, withPad: " ", startingAt: 0) + " \(band.prima) → \(band.dopo)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
