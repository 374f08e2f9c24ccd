import Foundation

/// An indicator whose score is not measured by its own items but taken from other scored elements:
/// "realizzazione dei progetti dell'area" (the mean of 12 projects' %, 98,99), "rispetto dei tempi dei
/// procedimenti" (the procedures' RISULTATO FINALE, 97,51), "Carta dei servizi" (99,22),
/// "realizzazione degli obiettivi di Ente n. 3-4-5-6".
public struct ScoreDerivation: Hashable, Sendable, Codable {
    public var kind: DerivationKind
    /// Codes of the nodes or objectives it takes the scores of; empty for procedures and the Carta
    /// dei servizi (all of the Ente-year's).
    public var codes: [String]

    public init(kind: DerivationKind, codes: [String] = []) {
        self.kind = kind
        self.codes = codes
    }
}

public enum DerivationKind: String, Sendable, Codable, CaseIterable {
    /// The aggregate of the scores of plan nodes.
    case nodes = "nodi"
    /// The aggregate of the scores of objectives.
    case objectives = "obiettivi"
    /// The aggregate of the monitored procedures' results of the year.
    case procedures = "procedimenti"
    /// The aggregate of the Carta dei servizi rows of the year.
    case serviceCharter = "carta-dei-servizi"
}
