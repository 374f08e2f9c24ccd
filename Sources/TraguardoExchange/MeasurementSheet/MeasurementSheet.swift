import Foundation
import TraguardoCore

/// The *scheda di rilevazione* an office fills for a period: one row per item it measures, with what it
/// needs to know (code, description, target, unit, the previous period's value) and empty columns for the
/// value, the N.C. reason, a justified deviation and a note. Written as XLSX or CSV, read back by
/// `MeasurementSheetReader`.
public struct MeasurementSheet: Hashable, Sendable {
    public var entityCode: String
    public var entityName: String
    public var year: Int
    public var periodCode: String
    public var periodName: String
    /// The office's code, nil for a sheet of the whole Ente.
    public var officeCode: String?
    public var officeName: String?
    public var rows: [Row]

    public struct Row: Hashable, Sendable {
        /// `C30101/1/1a`: what the import reads back.
        public var code: String
        public var owner: String
        public var indicator: String
        public var item: String
        public var target: String
        public var unit: String
        public var previousValue: String
        /// Filled when the period already has a measurement (a sheet exported again).
        public var value: String
        public var notComputableReason: String
        public var justification: String
        public var note: String
    }

    /// Errors in making a sheet: an unknown period or office.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The sheet of `office` (unit id or code; nil: every item) for `periodCode`.
    public static func make(plan: CyclePlan, periodCode: String, office: String?) throws(Problem) -> MeasurementSheet {
        guard let period = plan.period(code: periodCode) else {
            throw Problem(description: "il periodo «\(periodCode)» non esiste nel ciclo \(plan.cycle.year) di \(plan.entity.code): "
                + "periodi del ciclo \(plan.periods.map(\.code).joined(separator: ", "))")
        }
        var unit: OrganisationalUnit?
        if let office {
            guard let found = plan.unit(named: office) else {
                throw Problem(description: "l'ufficio «\(office)» non esiste in \(plan.entity.code) \(plan.cycle.year): "
                    + "uffici \(plan.units.map { $0.code ?? $0.id }.joined(separator: ", "))")
            }
            unit = found
        }
        let previous = plan.periods.filter { $0.sequence < period.sequence }.max { $0.sequence < $1.sequence }
        let responsible = plan.responsibleUnits()
        let paths = plan.itemPaths()
        let indicators = Dictionary(plan.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let owners = plan.ownerTitles()
        let targets = Dictionary(grouping: plan.targets.filter { $0.year == plan.cycle.year }, by: \.indicatorID)
        // The measurements of the two periods by item, looked up once each (a sheet has one row per item).
        func byItem(_ p: MonitoringPeriod?) -> [String: TraguardoCore.Measurement] {
            guard let p else { return [:] }
            return Dictionary(plan.measurements.filter { $0.isOf(p) }.map { ($0.itemID, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let currentValues = byItem(period)
        let previousValues = byItem(previous)
        func measurement(_ item: String, _ p: MonitoringPeriod?) -> TraguardoCore.Measurement? {
            p == nil ? nil : (p == period ? currentValues[item] : previousValues[item])
        }
        var rows: [Row] = []
        for item in plan.items.sorted(by: { (paths[$0.id] ?? "") < (paths[$1.id] ?? "") }) {
            if let unit, responsible[item.id] != unit.id { continue }
            guard let indicator = indicators[item.indicatorID] else { continue }
            let current = measurement(item.id, period)
            rows.append(Row(
                code: paths[item.id] ?? item.id, owner: owners[indicator.id] ?? "", indicator: indicator.name,
                item: item.description, target: targetText(item, indicator: indicator, targets: targets[indicator.id] ?? []),
                unit: item.unit ?? indicator.unit ?? "", previousValue: measurement(item.id, previous).map(\.enteredText) ?? "",
                value: current.map(\.enteredText) ?? "", notComputableReason: current?.notComputableReason ?? "",
                justification: current?.justifiedDeviation == true ? (current?.justificationNote ?? "sì") : "",
                note: current?.narrative ?? ""))
        }
        return MeasurementSheet(
            entityCode: plan.entity.code, entityName: plan.entity.name, year: plan.cycle.year, periodCode: period.code,
            periodName: period.name, officeCode: unit.map { $0.code ?? $0.id }, officeName: unit?.name, rows: rows)
    }

    static func targetText(_ item: MeasuredItem, indicator: Indicator, targets: [Target]) -> String {
        if let text = item.targetText { return text }
        if let value = item.targetValue { return "\((item.comparator ?? indicator.comparator)?.symbol ?? "") \(value.italian)".trimmingCharacters(in: .whitespaces) }
        if let deadline = item.targetDeadline { return "entro il \(deadline.italian)" }
        guard let target = targets.first else { return "" }
        if let text = target.text { return text }
        if let value = target.value { return "\((target.comparator ?? indicator.comparator)?.symbol ?? "") \(value.italian)".trimmingCharacters(in: .whitespaces) }
        if let deadline = target.deadline { return "entro il \(deadline.italian)" }
        return ""
    }
}

extension CyclePlan {
    /// `C30101 Imprese innovative` for every indicator: the node or objective it belongs to.
    func ownerTitles() -> [String: String] {
        let nodeTitles = Dictionary(nodes.map { ($0.id, "\($0.code) \($0.title)") }, uniquingKeysWith: { a, _ in a })
        let objectiveTitles = Dictionary(objectives.map { ($0.id, "\($0.code) \($0.title)") }, uniquingKeysWith: { a, _ in a })
        var titles: [String: String] = [:]
        for indicator in indicators {
            titles[indicator.id] = indicator.nodeID.flatMap { nodeTitles[$0] } ?? indicator.objectiveID.flatMap { objectiveTitles[$0] } ?? ""
        }
        return titles
    }
}
