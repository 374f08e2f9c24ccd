import Foundation

/// A version of an Ente-year's methodology (*Sistema di misurazione e valutazione della performance*).
///
/// Versions are never overwritten: a change makes a new version, and every stored result records
/// the version it came from.
public struct MethodologyVersion: Hashable, Sendable, Codable, Identifiable {
    public var entityCode: String
    public var year: Int
    public var version: Int
    public var rules: Methodology
    /// The act that adopted this version, if any.
    public var adoptedByActID: String?
    public var createdAt: Date?

    public var id: String { "\(entityCode)/\(year)/v\(version)" }

    public init(
        entityCode: String, year: Int, version: Int, rules: Methodology, adoptedByActID: String? = nil,
        createdAt: Date? = nil
    ) {
        self.entityCode = entityCode
        self.year = year
        self.version = version
        self.rules = rules
        self.adoptedByActID = adoptedByActID
        self.createdAt = createdAt
    }
}
