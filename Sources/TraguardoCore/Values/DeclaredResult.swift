import Foundation

/// A figure as the document printed it (the *valore dichiarato*): kept beside what Traguardo
/// computes so that the checks can show where the two disagree (printed 98,84, computed 99,00).
public struct DeclaredResult: Hashable, Sendable, Codable {
    /// The printed % of achievement, when one was printed.
    public var score: Decimal?
    /// The printed wording, e.g. "OBIETTIVO COMPLESSIVAMENTE REALIZZATO AL 100%".
    public var text: String?
    /// The printed punteggio, for managers' objectives.
    public var points: Decimal?

    public init(score: Decimal? = nil, text: String? = nil, points: Decimal? = nil) {
        self.score = score
        self.text = text
        self.points = points
    }
}
