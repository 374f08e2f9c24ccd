import TraguardoCore

/// Loops a nested file cannot show but references can make: the core's rule (`PlanIntegrity.loops`), the same
/// the plan editor applies.
extension PlanBuilder {
    func checkCycles(_ draft: Draft) {
        for loop in PlanIntegrity.loops(in: draft.plan) {
            diagnostics.add(PlanFileError(file: draft.firstFile, line: nil, field: loop.field, message: loop.message))
        }
    }
}
