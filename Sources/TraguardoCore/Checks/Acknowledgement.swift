import Foundation

/// A finding someone looked at and accepted, with the reason: it stops repeating in the reports (and no
/// longer makes `traguardo check` fail) but is never forgotten: it is listed as acknowledged.
public struct Acknowledgement: Hashable, Sendable, Codable {
    /// `Finding.key`: `RISORSE-SOMMA|nodo|2C`.
    public var findingKey: String
    public var reason: String
    public var acknowledgedBy: String
    public var acknowledgedAt: Date?

    public init(findingKey: String, reason: String, acknowledgedBy: String, acknowledgedAt: Date? = nil) {
        self.findingKey = findingKey
        self.reason = reason
        self.acknowledgedBy = acknowledgedBy
        self.acknowledgedAt = acknowledgedAt
    }

    /// The key of a finding as a person writes it: `RISORSE-SOMMA nodo 2C` (as the report prints it) or
    /// `RISORSE-SOMMA|nodo|2C`; nil when it has fewer than three parts.
    public static func key(from text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.contains("|") {
            let parts = trimmed.split(separator: "|", maxSplits: 2).map { $0.trimmingCharacters(in: .whitespaces) }
            return parts.count == 3 && !parts.contains(where: \.isEmpty) ? parts.joined(separator: "|") : nil
        }
        let parts = trimmed.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 3 else { return nil }
        return parts.joined(separator: "|")
    }
}

/// Findings split into those still open and those acknowledged (with their acknowledgement).
public struct AcknowledgedFindings: Sendable {
    public var open: [Finding]
    public var acknowledged: [(finding: Finding, acknowledgement: Acknowledgement)]
    /// Acknowledgements whose finding no longer appears (the error was corrected).
    public var stale: [Acknowledgement]

    public init(_ findings: [Finding], acknowledgements: [Acknowledgement]) {
        let byKey = Dictionary(acknowledgements.map { ($0.findingKey, $0) }, uniquingKeysWith: { a, _ in a })
        open = findings.filter { byKey[$0.key] == nil }
        acknowledged = findings.compactMap { finding in byKey[finding.key].map { (finding, $0) } }
        let present = Set(findings.map(\.key))
        stale = acknowledgements.filter { !present.contains($0.findingKey) }
    }
}
