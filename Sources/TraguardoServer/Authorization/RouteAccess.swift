import TraguardoCore

/// What a route needs before anything of the request is read: declared where the route is registered (a page's
/// by `PageRouter`, checked by `AccessMiddleware`; an API operation's in `APIOperation.all`, checked by
/// `APIRoutes.register`), from the same table that draws the navigation (`UserRole.allows(_:limitedTo:)`, through
/// `Permission`).
public enum RouteAccess: Sendable, Hashable {
    /// Anyone, signed in or not: the login, the rilevazione's script, the site's 404.
    case open
    /// Any signed-in user (the page shows what the role may see: the home, the logout).
    case signedIn
    /// A signed-in user whose role may do the action, in the Ente named by the route's `:ente`.
    case action(Action)
    /// A signed-in user whose role may do one of the actions (the handler narrows by what the form asks, or by the
    /// user's area of the plan).
    case anyOf([Action])

    /// The actions the route names (none for an open route or one any signed-in user may open).
    public var actions: [Action] {
        switch self {
        case .open, .signedIn: []
        case .action(let action): [action]
        case .anyOf(let actions): actions
        }
    }

    /// Why `user` may not use the route (nil: it may).
    func refusal(for user: SignedInUser) -> WebFailure? {
        let refusals = actions.map { Self.refusal(user, $0) }
        guard let first = refusals.first, !refusals.contains(where: { $0 == nil }) else { return nil }
        return first
    }

    /// Why `user` may not do `action` (nil: it may): the role's, then the Ente its account is limited to.
    static func refusal(_ user: SignedInUser, _ action: Action) -> WebFailure? {
        guard Permission.allows(user.role, action) else {
            return .forbidden("Il ruolo «\(user.role.rawValue)» non consente questa operazione.", user: user)
        }
        guard Permission.allows(user, action) else {
            return .forbidden("Questa impostazione vale per tutti gli Enti: la cambia un amministratore non limitato a un Ente.", user: user)
        }
        return nil
    }

    /// Throws the refusal of `action` for `user`: for a route declared `anyOf`, once the form says which action it asks.
    static func require(_ user: SignedInUser, _ action: Action) throws {
        if let refusal = refusal(user, action) { throw refusal }
    }
}

/// A page's route as registered: its method, its path as the router names it (`/enti/{ente}/{anno}/cruscotto`,
/// what `context.endpointPath` says), and what it needs.
public struct DeclaredRoute: Sendable, Hashable {
    public var method: String
    public var path: String
    public var access: RouteAccess
}
