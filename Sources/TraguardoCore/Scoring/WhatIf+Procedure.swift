import Foundation

extension WhatIf {
    /// The monitored procedure a hypothesis names: its printed code (`3=95`), or `procedimento 3` when the code
    /// is also a Carta dei servizi row's. Nil when the path names no procedure.
    static func procedure(named path: String, in plan: CyclePlan) -> MonitoredProcedure? {
        let words = path.split(separator: " ", omittingEmptySubsequences: true)
        let code = words.count == 2 && words[0].lowercased() == "procedimento" ? String(words[1]) : path
        return plan.procedures.first { $0.code == code }
    }

    /// A hypothesis on a monitored procedure (`3=95`, `procedimento 3=95%`): the year's result becomes the
    /// hypothetical measured value — scored against the procedure's target when it has one, as a direct % when
    /// not — or cases within the terms over all cases (`700/774`, as a %), or `N.C.`. The printed (declared)
    /// result stays, so `check` still compares it. Returns a problem in Italian, or nil.
    static func apply(_ hypothesis: Hypothesis, toProcedure procedure: MonitoredProcedure, in plan: inout CyclePlan) -> String? {
        let year = plan.cycle.year
        var row = ProcedureResult(id: "\(procedure.id)@\(year)", procedureID: procedure.id, year: year, text: hypothesis.text)
        switch hypothesis.value {
        case .value(.number(let value, let unit)) where unit == nil || unit == .percent:
            row.value = value
        case .ratio(let within, let total) where within <= total:
            row.value = within / total * 100
        case .value(.notComputable):
            row.notComputableReason = "ipotesi: non computabile"
        default:
            return "ipotesi per il procedimento \(procedure.code): «\(hypothesis.text)» non è un risultato; attesi un valore "
                + "o una percentuale (95, 95%), casi nei termini su casi (700/774) o N.C."
        }
        if let index = plan.procedureResults.firstIndex(where: { $0.procedureID == procedure.id && $0.year == year }) {
            row.id = plan.procedureResults[index].id
            row.declared = plan.procedureResults[index].declared
            plan.procedureResults[index] = row
        } else {
            plan.procedureResults.append(row)
        }
        return nil
    }
}
