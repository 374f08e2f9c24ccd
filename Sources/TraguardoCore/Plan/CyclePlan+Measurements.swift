/// «The measurement of this item in this period», written once: every reader (scoring, pages, documents,
/// open data, sheets, the web form, the what-if) finds a measurement through these functions.
extension Measurement {
    /// The id of an item's measurement in a period: one per item and period, `ITEM@CODICE-PERIODO`
    /// (`SG-2/2/1@ANNO`). The period's code is enough: a measurement is stored within its Ente-year.
    public static func id(item itemID: String, periodCode: String) -> String { "\(itemID)@\(periodCode)" }

    /// The id of an item's measurement in a period (see ``id(item:periodCode:)``).
    public static func id(item itemID: String, period: MonitoringPeriod) -> String {
        id(item: itemID, periodCode: period.code)
    }

    /// The measurement is of the period: it names the period by id (as stored) or by code (as written by hand).
    public func isOf(_ period: MonitoringPeriod) -> Bool {
        periodID == period.id || periodID == period.code
    }
}

extension CyclePlan {
    /// The item's measurement in the period: the first in plan order (the store allows one per item and period).
    public func measurement(of itemID: String, in period: MonitoringPeriod) -> Measurement? {
        measurements.first { $0.itemID == itemID && $0.isOf(period) }
    }

    /// The measurements of the period (every measurement when `period` is nil), in plan order.
    public func measurements(in period: MonitoringPeriod?) -> [Measurement] {
        guard let period else { return measurements }
        return measurements.filter { $0.isOf(period) }
    }

    /// The measurements of the period by item, the first in plan order for each item.
    public func measurementsByItem(in period: MonitoringPeriod) -> [String: Measurement] {
        Dictionary(measurements(in: period).map { ($0.itemID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The measurements of the period named by id or code; every measurement when `key` is nil; none when the
    /// cycle has no such period.
    public func measurements(inPeriodNamed key: String?) -> [Measurement] {
        guard let key else { return measurements }
        guard let period = period(code: key) else { return [] }
        return measurements(in: period)
    }
}
