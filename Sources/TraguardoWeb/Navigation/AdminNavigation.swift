import TraguardoCore

/// The menu inside Amministrazione: the admin pages the role may use.
public enum AdminNavigation {
    /// The page's path; nil for the periods when no Ente-year is chosen.
    public static func href(_ page: AdminPage, scope: WebScope?) -> String? {
        switch page {
        case .utenti: WebRoutes.utenti
        case .unita: scope.map { WebRoutes.unitaEnte(ente: $0.entityCode, anno: $0.year) } ?? WebRoutes.unita
        case .periodi: scope.map { WebRoutes.periodi(ente: $0.entityCode, anno: $0.year) }
        case .importazione: WebRoutes.importazione
        case .piano: scope.map { WebRoutes.pianoEditor(ente: $0.entityCode, anno: $0.year) } ?? WebRoutes.enti
        case .enti: WebRoutes.enti
        case .posta: WebRoutes.posta
        case .promemoria: scope.map { WebRoutes.promemoria(ente: $0.entityCode, anno: $0.year) }
        }
    }

    /// The links of the admin pages an account with `role`, limited to the Ente `entityLimit` (nil: not limited),
    /// may open.
    public static func links(role: UserRole, entityLimit: String? = nil, current: AdminPage, scope: WebScope?) -> [NavLink] {
        role.adminPages(limitedTo: entityLimit).compactMap { page in
            href(page, scope: scope).map { NavLink(label: page.label, href: $0, current: page == current) }
        }
    }
}
