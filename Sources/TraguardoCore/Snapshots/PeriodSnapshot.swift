import Foundation

/// What a period was when it was closed: the whole Ente-year as it stood (plan, measurements, methodology),
/// the scores of every element computed from it, and two fingerprints. Documents of a closed period are
/// printed from `plan`, so a later edit of the live data never changes them; reopening and closing again
/// makes a new `version`, and two versions are compared with `SnapshotComparison`.
public struct PeriodSnapshot: Hashable, Sendable, Codable {
    public var entityCode: String
    public var year: Int
    public var periodCode: String
    /// 1 for the first close of the period, then one more for each close after a reopening.
    public var version: Int
    public var frozenAt: Date
    public var frozenBy: String
    /// The last change of the registro modifiche when the period was frozen (the documents' snapshot line).
    public var lastChangeNumber: Int64?
    public var lastChangeAt: Date?
    /// The plan's structure without the measured data (`PeriodSnapshot.planFingerprint(of:)`).
    public var planFingerprint: String
    /// Everything the documents are computed from (`PlanFingerprint.of`): the one the documents print.
    public var dataFingerprint: String
    /// The Ente-year as it stood, with the period closed.
    public var plan: CyclePlan
    /// The scores of every element for the period, with the methodology version they were computed with.
    public var scores: ScoreListing
    /// The version of the plan (`plan_versions`: approval, variations) in force when the period was frozen; nil
    /// when the Ente-year had no version recorded.
    public var planVersion: Int?

    public var methodologyName: String { scores.metodologia.nome }
    public var methodologyVersion: Int? { scores.metodologia.versione }

    /// Freezes `plan` for `period` (a code of the plan's periods): the period is marked closed in the frozen
    /// plan, every element is scored, both fingerprints are taken. Pure: the caller gives the time and version.
    public static func freeze(
        _ plan: CyclePlan, period: String, version: Int, at: Date, by actor: String,
        lastChange: (number: Int64, at: Date)?, planVersion: Int? = nil
    ) -> PeriodSnapshot {
        var frozen = plan
        for index in frozen.periods.indices where frozen.periods[index].code == period {
            frozen.periods[index].status = .closed
        }
        return PeriodSnapshot(
            entityCode: plan.entity.code, year: plan.cycle.year, periodCode: period, version: version, frozenAt: at,
            frozenBy: actor, lastChangeNumber: lastChange?.number, lastChangeAt: lastChange?.at,
            planFingerprint: planFingerprint(of: frozen), dataFingerprint: PlanFingerprint.of(frozen), plan: frozen,
            scores: ScoreListing(plan: frozen, scores: PlanScorer.score(frozen, period: period)), planVersion: planVersion)
    }

    /// The fingerprint of the plan alone: the tree, objectives, indicators, targets, units, methodology, without
    /// the measured values, the Carta and procedure results, and the periods' open or closed state. Two
    /// snapshots with the same plan fingerprint differ only in what was measured.
    public static func planFingerprint(of plan: CyclePlan) -> String {
        var structure = plan
        structure.measurements = []
        structure.serviceResults = []
        structure.procedureResults = []
        for index in structure.periods.indices { structure.periods[index].status = .open }
        return PlanFingerprint.of(structure)
    }

    /// The last change as the documents' snapshot line names it.
    public var lastChange: (number: Int64, at: Date)? {
        guard let lastChangeNumber, let lastChangeAt else { return nil }
        return (lastChangeNumber, lastChangeAt)
    }

    /// The description a list shows, without the frozen data.
    public var summary: SnapshotSummary {
        SnapshotSummary(
            periodCode: periodCode, version: version, frozenAt: frozenAt, frozenBy: frozenBy,
            planFingerprint: planFingerprint, dataFingerprint: dataFingerprint, methodologyName: methodologyName,
            methodologyVersion: methodologyVersion, planVersion: planVersion)
    }
}

/// One snapshot as a list shows it.
public struct SnapshotSummary: Hashable, Sendable, Codable {
    public var periodCode: String
    public var version: Int
    public var frozenAt: Date
    public var frozenBy: String
    public var planFingerprint: String
    public var dataFingerprint: String
    public var methodologyName: String
    public var methodologyVersion: Int?
    /// The plan version in force when frozen (`PeriodSnapshot.planVersion`).
    public var planVersion: Int?

    public init(
        periodCode: String, version: Int, frozenAt: Date, frozenBy: String, planFingerprint: String,
        dataFingerprint: String, methodologyName: String, methodologyVersion: Int?, planVersion: Int? = nil
    ) {
        self.periodCode = periodCode
        self.version = version
        self.frozenAt = frozenAt
        self.frozenBy = frozenBy
        self.planFingerprint = planFingerprint
        self.dataFingerprint = dataFingerprint
        self.methodologyName = methodologyName
        self.methodologyVersion = methodologyVersion
        self.planVersion = planVersion
    }

    /// `versione 3 del piano`, or that the Ente-year had no recorded version.
    public var planVersionText: String {
        planVersion.map { "versione \($0) del piano" } ?? "nessuna versione del piano registrata"
    }

    /// `Lucca 2013 versione 2`.
    public var methodologyText: String {
        methodologyName + (methodologyVersion.map { " versione \($0)" } ?? "")
    }

    /// `versione 2 del 03/12/2026 14:32, di controllo; impronta 3FA2-91C0-7D44-0B1E`
    public var text: String {
        "versione \(version) del \(ItalianFormatting.dateTime(frozenAt)), di \(frozenBy); impronta \(dataFingerprint)"
    }
}
