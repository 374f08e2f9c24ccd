import Foundation

/// A person of an Ente: a manager, an office head, a procedure coordinator, an OIV member.
public struct Person: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var entityCode: String
    /// Name as the documents print it: often the surname only ("De Blasio").
    public var name: String
    /// Title or qualification ("Dr.ssa", "Ing.").
    public var title: String?
    public var email: String?
    public var provenance: Provenance?

    public init(
        id: String, entityCode: String, name: String, title: String? = nil, email: String? = nil,
        provenance: Provenance? = nil
    ) {
        self.id = id
        self.entityCode = entityCode
        self.name = name
        self.title = title
        self.email = email
        self.provenance = provenance
    }
}
