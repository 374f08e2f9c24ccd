import Foundation

extension WhatIf {
    /// A hypothesis on a Carta dei servizi row, named by its code (`3.1.2=4 gg`): the row's result of the year is
    /// replaced by the hypothetical one — days (`4 gg`, `a vista`), cases within the standard over all cases
    /// (`56/78`), a declared outcome (`sì` = rispettato, `no`), or `N.C.`. Returns a problem in Italian, or nil.
    static func apply(_ hypothesis: Hypothesis, toServiceRow standard: ServiceStandard, in plan: inout CyclePlan) -> String? {
        let year = plan.cycle.year
        var row = ServiceResult(id: "\(standard.code)@\(year)", standardID: standard.id, year: year,
                                measuredText: hypothesis.text, note: "ipotesi (non registrata)")
        switch hypothesis.value {
        case .value(.number(let days, let unit)) where unit == nil || unit == .days:
            row.measuredDays = days
        case .value(.atSight):
            row.measuredDays = 0
        case .ratio(let within, let total):
            guard let within = Int(exactly: NSDecimalNumber(decimal: within).doubleValue),
                  let total = Int(exactly: NSDecimalNumber(decimal: total).doubleValue), within <= total else {
                return "ipotesi per la riga \(standard.code) della Carta: «\(hypothesis.text)» non è «casi entro lo standard/casi», per esempio 56/78"
            }
            row.casesWithinStandard = within
            row.casesTotal = total
        case .value(.done(let met)):
            row.outcome = met ? .met : .notMet
        case .value(.notComputable):
            row.notComputableReason = "ipotesi: non computabile"
        default:
            return "ipotesi per la riga \(standard.code) della Carta: «\(hypothesis.text)» non è un tempo; attesi giorni "
                + "(4 gg, a vista), casi entro lo standard su casi (56/78), sì/no o N.C."
        }
        if let index = plan.serviceResults.firstIndex(where: { $0.standardID == standard.id && $0.year == year }) {
            row.declared = plan.serviceResults[index].declared
            plan.serviceResults[index] = row
        } else {
            plan.serviceResults.append(row)
        }
        return nil
    }
}
