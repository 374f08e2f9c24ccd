import Foundation

/// One case of a Carta dei servizi service, as the registers export it (protocollo, access register, Priamo …):
/// when it was received and closed, its suspensions, the channel, and a justified delay with its reason.
public struct ServiceCase: Hashable, Sendable, Codable {
    /// The Carta row's code (`3.1.1`, `3.2.1.a`).
    public var serviceCode: String
    /// Protocol number or case id, unique within its service and year.
    public var caseID: String
    public var received: CivilDate
    /// nil: not concluded with the measured event (still open, extinct): left out of the counts.
    public var closed: CivilDate?
    /// Days on which the clock stops (waiting for a counter-party, for a payment).
    public var suspensions: [DaySpan]
    /// The channel the case came by («PEC», «sportello»), for standards that differ per channel.
    public var channel: String?
    /// The reason of a justified delay (a delay with a reason still meets the standard: seed 000 §4.1).
    public var justification: String?
    public var provenance: Provenance?

    public init(
        serviceCode: String, caseID: String, received: CivilDate, closed: CivilDate? = nil, suspensions: [DaySpan] = [],
        channel: String? = nil, justification: String? = nil, provenance: Provenance? = nil
    ) {
        self.serviceCode = serviceCode
        self.caseID = caseID
        self.received = received
        self.closed = closed
        self.suspensions = suspensions
        self.channel = channel
        self.justification = justification
        self.provenance = provenance
    }
}
