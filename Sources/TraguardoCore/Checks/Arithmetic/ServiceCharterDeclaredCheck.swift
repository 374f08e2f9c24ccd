import Foundation

/// The Carta dei servizi as printed against the Carta recomputed under the methodology:
/// - a row printed with a result (100, 72) that Traguardo cannot compute (no measured time, a textual standard
///   without a declared outcome) — never an N.C. in silence;
/// - a row printed N.C. that Traguardo computes.
///
/// A printed result that differs from the recomputed one, and the printed total, are VALORE-DICHIARATO's.
public struct ServiceCharterDeclaredCheck: PlanCheck {
    public let code = "CARTA-DICHIARATO"
    public let title = "Carta dei servizi: risultati stampati e ricalcolati"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        guard !plan.serviceStandards.isEmpty else { return [] }
        // The scores of the check run (`CheckCatalogue.findings`): one scoring for every check.
        let scores = context.scores ?? PlanScorer.score(plan)
        var result: [Finding] = []
        for standard in plan.serviceStandards {
            guard let row = plan.serviceResults.first(where: { $0.standardID == standard.id && $0.year == plan.cycle.year }),
                  let declared = row.declared else { continue }
            let computed = scores.serviceRows[standard.id]?.score
            let printedNC = declared.text.map { $0.uppercased().hasPrefix("N.C") } ?? false
            let printedText = declared.score.map(CheckText.number) ?? declared.text ?? ""
            func finding(_ message: String) {
                result.append(Finding(code: code, severity: .error, elementKind: "carta-dei-servizi", elementCode: standard.code,
                                      provenance: row.provenance ?? standard.provenance, message: message))
            }
            if let computed, computed.value == nil, !printedNC, declared.score != nil || !(declared.text ?? "").isEmpty {
                finding("La riga è stampata con il risultato \(printedText) ma non è computabile "
                    + "(\(computed.notComputableReason ?? "N.C.")): indicare il tempo rilevato, i casi o l'esito "
                    + "(«rispettato»), oppure stamparla N.C.")
            } else if let value = computed?.value, printedNC {
                finding("La riga è stampata N.C. ma, con la metodologia dell'Ente, vale \(CheckText.number(value)).")
            }
        }
        return result
    }
}
