import Foundation

/// Every check Traguardo runs, in the order their findings are listed.
public enum CheckCatalogue {
    public static let all: [any PlanCheck] = [
        // Arithmetic
        AccountRollUpCheck(),
        ResourceRollUpCheck(),
        CountPercentageCheck(),
        DeclaredScoreCheck(),
        ServiceCharterDeclaredCheck(),
        DeclaredIndicatorCountCheck(),
        MissingResourcesCheck(),
        CopiedResourcesCheck(),
        ConsolidatedBudgetCheck(),
        NarrativeDataCheck(),
        // Plan quality
        DuplicateCodeCheck(),
        CodePatternCheck(),
        NumberingGapCheck(),
        IndicatorCompletenessCheck(),
        ComparatorPolarityCheck(),
        TargetTrendCheck(),
        TargetWithResultsCheck(),
        ItemTargetRowCheck(),
        ItemPeriodicityCheck(),
        TimeSpanCheck(),
        ResultUnitCheck(),
        SharedIndicatorTargetCheck(),
        RepeatedIndicatorCheck(),
        WeightSumCheck(),
        OwnerCheck(),
        // Coherence
        VerdictCheck(),
        ObjectiveReferenceCheck(),
        ActOrderCheck(),
        StaleYearCheck(),
        CrossYearCheck(),
    ]

    /// Runs every check and returns the findings sorted by severity, then in catalogue order.
    public static func run(_ context: CheckContext, checks: [any PlanCheck] = all) -> [Finding] {
        let found = checks.enumerated().flatMap { index, check in
            check.findings(in: context).map { (index, $0) }
        }
        return found.sorted { lhs, rhs in
            if lhs.1.severity != rhs.1.severity { return lhs.1.severity < rhs.1.severity }
            return lhs.0 < rhs.0
        }.map(\.1)
    }

    /// Removes the findings acknowledged with a reason, so they stop repeating.
    public static func unacknowledged(_ findings: [Finding], acknowledgedKeys: Set<String>) -> [Finding] {
        findings.filter { !acknowledgedKeys.contains($0.key) }
    }
}
