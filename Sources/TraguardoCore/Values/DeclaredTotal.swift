import Foundation

/// A total the documents print under a group of rows, kept beside the one Traguardo computes: the procedures'
/// «MEDIA TOTALE RISPETTO TERMINI 98.84%» (Lucca 2018, riga 1024), the Carta dei servizi's «% RISULTATO
/// CONSEGUITO» (99,22). `VALORE-DICHIARATO` compares it with the computed total.
///
/// A new kind of total is one more case of `DeclaredTotalElement` whose raw value is the path
/// `PlanScores.element(path:)` resolves: reader, writer, store and check need nothing else.
public struct DeclaredTotal: Hashable, Sendable, Codable {
    public var element: DeclaredTotalElement
    public var declared: DeclaredResult
    public var provenance: Provenance?

    public init(element: DeclaredTotalElement, declared: DeclaredResult, provenance: Provenance? = nil) {
        self.element = element
        self.declared = declared
        self.provenance = provenance
    }
}

/// The totals a document prints; the raw value is the element's path (`traguardo explain procedimenti`).
public enum DeclaredTotalElement: String, Hashable, Sendable, Codable, CaseIterable {
    case procedures = "procedimenti"
    case serviceCharter = "carta-dei-servizi"
}
