import Foundation
import TraguardoCore

/// The state of the data a document was made from: the period and whether it is closed (a frozen
/// snapshot) or still open, the last recorded change, and the data's fingerprint.
public struct DocumentSnapshot: Hashable, Sendable {
    public var periodCode: String?
    public var periodClosed: Bool?
    /// The number and time of the last change of the audit log for the Ente-year, when the data came from a database.
    public var lastChange: (number: Int64, at: Date)?
    public var fingerprint: String
    /// Closed without a snapshot (imported already closed): the data may still change.
    public var closedWithoutSnapshot: Bool

    public init(plan: CyclePlan, period: String?, lastChange: (number: Int64, at: Date)? = nil, closedWithoutSnapshot: Bool = false) {
        let chosen = period.flatMap { plan.period(code: $0) } ?? plan.periods.max { $0.sequence < $1.sequence }
        periodCode = chosen?.code
        periodClosed = chosen.map { !$0.status.acceptsEntries }
        self.lastChange = lastChange
        fingerprint = PlanFingerprint.of(plan)
        self.closedWithoutSnapshot = closedWithoutSnapshot && periodClosed == true
    }

    /// `Istantanea dei dati: periodo ANNO chiuso; ultima modifica n. 1.204 del 03/12/2026 alle 14:32 (UTC); impronta 3FA2-91C0-7D44-0B1E.`
    public var text: String {
        var parts: [String] = []
        if let periodCode, let periodClosed {
            parts.append("periodo \(periodCode) " + (closedWithoutSnapshot ? Self.closedWithoutSnapshotText
                : periodClosed ? "chiuso" : "aperto (i dati possono ancora cambiare)"))
        }
        if let lastChange {
            parts.append("ultima modifica n. \(ItalianFormatting.number(Decimal(lastChange.number), fractionDigits: 0)) del "
                + Self.dateTime(lastChange.at))
        }
        parts.append("impronta \(fingerprint)")
        return "Istantanea dei dati: " + parts.joined(separator: "; ") + "."
    }

    /// What a period closed without a snapshot is called, in documents and on the periods page.
    public static let closedWithoutSnapshotText =
        "chiuso senza istantanea (importato già chiuso: i dati possono ancora cambiare finché il periodo non è congelato)"

    /// `03/12/2026 alle 14:32 (UTC)`.
    static func dateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        return "\(two(c.day))/\(two(c.month))/\(c.year ?? 0) alle \(two(c.hour)):\(two(c.minute)) (UTC)"
    }

    public static func == (lhs: DocumentSnapshot, rhs: DocumentSnapshot) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
