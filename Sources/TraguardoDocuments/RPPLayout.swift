import Foundation
import TraguardoCore

/// What every RPP layout (`RPPProjectSheets`, `RPPProgrammes`, `RPPPerformanceTree`) works from: one Ente's
/// plan, the level of its first heading, the plan's index and its budget phase, built once.
struct RPPLayoutInput {
    let plan: CyclePlan
    let level: Int
    let index: PlanIndex
    let phase: BudgetPhase

    init(plan: CyclePlan, level: Int) {
        self.plan = plan
        self.level = level
        index = PlanIndex(plan)
        phase = index.budgetPhase
    }
}

/// A layout of one Ente's part of the RPP.
protocol RPPLayout {
    var input: RPPLayoutInput { get }
    func blocks() -> [DocumentBlock]
}

extension RPPLayout {
    var plan: CyclePlan { input.plan }
    var level: Int { input.level }
    var index: PlanIndex { input.index }
    var phase: BudgetPhase { input.phase }
    var year: Int { input.plan.cycle.year }
}
