import Foundation

/// The Carta dei servizi as printed against the Carta recomputed under the methodology:
/// - a row printed with a result (100, 72) that Traguardo cannot compute (no measured time, a textual standard
///   without a declared outcome) — never an N.C. in silence;
/// - a row printed N.C. that Traguardo computes;
/// - a row's printed result that differs from the recomputed one (for rows with case counts the difference is
///   PERCENTUALE-CONTEGGI's);
/// - the printed total («% RISULTATO CONSEGUITO SU 36 PROCESSI 99,22») that differs from the recomputed one.
public struct ServiceCharterDeclaredCheck: PlanCheck {
    public let code = "CARTA-DICHIARATO"
    public let title = "Carta dei servizi: risultati stampati e ricalcolati"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        guard !plan.serviceStandards.isEmpty else { return [] }
        let scores = PlanScorer.score(plan)
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
            } else if let value = computed?.value, let printed = declared.score, printed != value,
                      !CountPercentageCheck.agrees(printed: printed, exact: value),
                      row.casesTotal == nil || row.casesWithinStandard == nil {
                // With counts, PERCENTUALE-CONTEGGI already names the difference.
                finding("Il documento stampa \(CheckText.number(printed)) ma il risultato ricalcolato è \(CheckText.number(value)) "
                    + "(`traguardo explain \(standard.code)`).")
            }
        }
        if let printed = plan.cycle.declaredServiceCharter?.score {
            let computed = scores.serviceCharter?.score.value
            if computed.map({ $0 != printed && !CountPercentageCheck.agrees(printed: printed, exact: $0) }) ?? true {
                result.append(Finding(
                    code: code, severity: .error, elementKind: "carta-dei-servizi", elementCode: "totale",
                    provenance: nil,
                    message: "Il totale della Carta dei servizi è stampato \(CheckText.number(printed)) ma, dalle righe, "
                        + (computed.map { "vale \(CheckText.number($0))" } ?? "non è computabile (nessuna riga computata)")
                        + " (`traguardo explain carta-dei-servizi`)."))
            }
        }
        return result
    }
}
