import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoStore

/// `--carta-da-casi`: score (and print) the Carta dei servizi from the cases stored with `traguardo carta import-casi`,
/// on the Ente's working-day calendar (`ServiceCharterFromCases`), instead of the results typed in the plan. The
/// printed results stay beside the computed ones, so `check` still compares them.
struct CartaSourceOptions: ParsableArguments {
    @Flag(name: .customLong("carta-da-casi"), help: "Calcola la Carta dei servizi dai casi registrati (traguardo carta import-casi), non dai risultati digitati.")
    var fromCases = false

    /// The plan with the Carta's results of the year computed from the stored cases (the plan as it is without the
    /// flag), and the line that says so; refused when the Ente-year has no stored case.
    func plan(_ plan: CyclePlan, period: String?, store: Store) async throws -> (plan: CyclePlan, note: String?) {
        guard fromCases else { return (plan, nil) }
        let scope = CycleScope(entityCode: plan.entity.code, year: plan.cycle.year)
        let cases = try await store.serviceCases(in: scope)
        guard !cases.isEmpty else {
            throw CommandFailure(message:
                "--carta-da-casi: nessun caso registrato per \(plan.entity.code) \(plan.cycle.year); importarli con «traguardo carta import-casi»")
        }
        let charter = ServiceCharterFromCases(plan: plan, cases: cases, period: period)
        return (charter.plan, charter.sourceNote(storedCases: cases.count))
    }
}
