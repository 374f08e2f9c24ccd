import TraguardoCore
import Foundation
import TraguardoStore
import TraguardoWeb

/// Who is making the request: the stored account, its role, and how they proved it.
public struct SignedInUser: Sendable, Hashable {
    public enum Credential: Sendable, Hashable {
        /// A browser session; its forms carry this CSRF token.
        case session(tokenHash: String, csrfToken: String)
        /// `Authorization: Bearer …` on the JSON API.
        case apiToken
    }

    public var account: UserAccount
    public var role: UserRole
    public var credential: Credential
    /// What the API token of the request may do (nil: not an API token).
    public var tokenScope: APITokenScope?
    /// Where the user is in the site (pages only, filled by `PlaceMiddleware`): the Ente-year every page's
    /// chrome keeps, and the others the header offers.
    public var place: UserPlace?

    public var username: String { account.username }

    public var csrfToken: String? {
        if case .session(_, let token) = credential { return token }
        return nil
    }

    /// nil when the stored role is not one this build knows (such an account cannot sign in).
    public init?(account: UserAccount, credential: Credential, tokenScope: APITokenScope? = nil) {
        guard let role = account.userRole else { return nil }
        self.account = account
        self.role = role
        self.credential = credential
        self.tokenScope = tokenScope
    }
}

/// The Ente-year a page is about (the one in its path, else the last one the user opened), and every
/// Ente-year the user reaches, for the header's chooser.
public struct UserPlace: Sendable, Hashable {
    public var current: WebScope?
    public var choices: [WebScope]

    public init(current: WebScope?, choices: [WebScope]) {
        self.current = current
        self.choices = choices
    }
}
