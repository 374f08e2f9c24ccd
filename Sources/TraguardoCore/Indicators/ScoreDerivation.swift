import Foundation

/// An indicator whose score is not measured by its own items but taken from other scored elements:
/// "realizzazione dei progetti dell'area" (the mean of 12 projects' %, 98,99), "rispetto dei tempi dei
/// procedimenti" (the procedures' RISULTATO FINALE, 97,51), "Carta dei servizi" (99,22),
/// "realizzazione degli obiettivi di Ente n. 3-4-5-6"; or from several sources at once (the mean of the Carta
/// dei servizi result and of the procedures result).
public struct ScoreDerivation: Hashable, Sendable, Codable {
    public var kind: DerivationKind
    /// Codes of the nodes or objectives it takes the scores of; empty for procedures and the Carta
    /// dei servizi (all of the Ente-year's).
    public var codes: [String]
    /// Further sources: their scores enter the same aggregate as the first one's (the indicator level's rule),
    /// e.g. the Carta dei servizi total and the procedures total averaged. Their own `further` and `rounding`
    /// are not used.
    public var further: [ScoreDerivation]
    /// This indicator's rounding of its derived score, in place of the methodology's one rule
    /// (`Methodology.derivedIndicatorRounding`); `.none` keeps the decimals where the methodology rounds.
    public var rounding: RoundingRule?

    public init(kind: DerivationKind, codes: [String] = [], further: [ScoreDerivation] = [], rounding: RoundingRule? = nil) {
        self.kind = kind
        self.codes = codes
        self.further = further
        self.rounding = rounding
    }

    /// This source and the further ones, in order.
    public var sources: [ScoreDerivation] { [self] + further }

    private enum CodingKeys: String, CodingKey { case kind, codes, further, rounding }

    // Indicators stored before `further` and `rounding` existed read as before.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(DerivationKind.self, forKey: .kind)
        codes = try c.decodeIfPresent([String].self, forKey: .codes) ?? []
        further = try c.decodeIfPresent([ScoreDerivation].self, forKey: .further) ?? []
        rounding = try c.decodeIfPresent(RoundingRule.self, forKey: .rounding)
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
