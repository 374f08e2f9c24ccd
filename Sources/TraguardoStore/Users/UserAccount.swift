import Foundation
import TraguardoCore

/// A person who signs in to `traguardo serve`. The role is the code of a `UserRole` (`amministratore`, `oiv`, …):
/// the server decides what it allows; the store only keeps it. The password is never here, only its hash,
/// and only in the database.
public struct UserAccount: Hashable, Sendable, Codable {
    public var username: String
    public var displayName: String
    /// The code of a `UserRole`, as stored; `userRole` reads it.
    public var role: String
    /// The Ente the user works for; nil: every Ente of the installation.
    public var entityCode: String?
    /// The office of a responsabile d'ufficio, the area of a dirigente (a unit code, as in the plan files).
    public var unitCode: String?
    public var active: Bool
    public var createdAt: Date?

    public init(
        username: String, displayName: String, role: String, entityCode: String? = nil, unitCode: String? = nil,
        active: Bool = true, createdAt: Date? = nil
    ) {
        self.username = username
        self.displayName = displayName
        self.role = role
        self.entityCode = entityCode
        self.unitCode = unitCode
        self.active = active
        self.createdAt = createdAt
    }

    /// The stored role read once, here: nil when it is not one this build knows (such an account cannot sign in,
    /// and the pages show its code as it is, never another role).
    public var userRole: UserRole? { UserRole(rawValue: role) }
}

/// A signed-in browser: the hash of the cookie's token, whose it is, the CSRF token of its forms, until when.
public struct UserSession: Hashable, Sendable {
    public var tokenHash: String
    public var username: String
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(tokenHash: String, username: String, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.username = username
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// A comment of the OIV (or of anyone allowed) on an element of the plan of an Ente-year.
public struct PlanComment: Hashable, Sendable, Codable {
    public var id: Int64?
    public var elementID: String
    public var author: String
    public var at: Date
    public var text: String

    public init(id: Int64? = nil, elementID: String, author: String, at: Date, text: String) {
        self.id = id
        self.elementID = elementID
        self.author = author
        self.at = at
        self.text = text
    }
}

/// The OIV's validation of an element's result for a period, bound to what it judged: the element's score as
/// printed and the fingerprint of the element as scored then (`JudgedFingerprint`). Validations are kept as a
/// history: validating again adds one, never replaces the earlier.
public struct ResultValidation: Hashable, Sendable, Codable {
    public var periodCode: String
    public var elementID: String
    public var validatedBy: String
    public var at: Date
    public var note: String?
    /// `JudgedFingerprint.of` the element when validated; nil for validations stored before fingerprints (they
    /// never count as current).
    public var fingerprint: String?
    /// The score validated, as printed («99,75%»).
    public var score: String?

    public init(
        periodCode: String, elementID: String, validatedBy: String, at: Date, note: String? = nil,
        fingerprint: String? = nil, score: String? = nil
    ) {
        self.periodCode = periodCode
        self.elementID = elementID
        self.validatedBy = validatedBy
        self.at = at
        self.note = note
        self.fingerprint = fingerprint
        self.score = score
    }

    /// Whether this validation applies to the element as it is scored now: it judged the same data.
    public func holds(for current: String) -> Bool { fingerprint == current }
}
