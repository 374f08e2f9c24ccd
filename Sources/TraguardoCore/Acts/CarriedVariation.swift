import Foundation

extension CyclePlan {
    /// The earlier year in which `variation` was made, by the date of its act: the variations `PlanRollover`
    /// carries with their node keep the act that made them (Lucca 2018 cites «modificato con Delibera di
    /// Consiglio n. 4 del 10/11/2017»). Nil for a variation of the plan's own year, and for one whose act has no
    /// date (nothing says it is older).
    public func carriedOverYear(of variation: PlanVariation) -> Int? {
        guard let year = acts.first(where: { $0.id == variation.actID })?.date?.year, year < cycle.year else { return nil }
        return year
    }
}
