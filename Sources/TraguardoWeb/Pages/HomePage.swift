import TraguardoCore

/// The home page: the Ente-years of the database, each with its links (cruscotto, albero, rilevazione,
/// documenti); for an office, also the direct link to its own form of the open period.
public struct HomePage: WebPage {
    public static let templateName = "pagina-iniziale"
    public var title: String
    public var cycles: [Row]
    public var hasCycles: Bool
    /// The Ente-year the user is on: cards, deadlines, what to do.
    public var dashboard: HomeDashboard?

    /// An Ente-year as the server finds it in the store.
    public struct Cycle: Sendable {
        public var scope: WebScope
        /// The office's own form of the open period (unit id and name), for a responsabile d'ufficio.
        public var ownOffice: (id: String, name: String)?

        public init(scope: WebScope, ownOffice: (id: String, name: String)? = nil) {
            self.scope = scope
            self.ownOffice = ownOffice
        }
    }

    public struct Row: Sendable {
        public var label: String
        public var links: [NavLink]
        public var own: NavLink?
    }

    public static func make(cycles: [Cycle], role: UserRole, dashboard: HomeDashboard? = nil) -> HomePage {
        let rows = cycles.sorted { ($0.scope.entityCode, -$0.scope.year) < ($1.scope.entityCode, -$1.scope.year) }.map { cycle in
            let s = cycle.scope
            var links = [NavLink(label: WebSection.cruscotto.label, href: WebRoutes.cruscotto(ente: s.entityCode, anno: s.year)),
                         NavLink(label: WebSection.albero.label, href: WebRoutes.albero(ente: s.entityCode, anno: s.year))]
            if role.sections.contains(.rilevazione), let period = s.openPeriodCode {
                links.append(NavLink(
                    label: "\(WebSection.rilevazione.label) \(period)",
                    href: WebRoutes.rilevazioneElenco(ente: s.entityCode, anno: s.year, periodo: period)))
            }
            if role.sections.contains(.documenti) {
                links.append(NavLink(label: WebSection.documenti.label, href: WebRoutes.documenti(ente: s.entityCode, anno: s.year)))
            }
            let own = s.openPeriodCode.flatMap { period in
                cycle.ownOffice.map { office in
                    NavLink(label: "La rilevazione di \(office.name) (\(period))",
                            href: WebRoutes.rilevazione(ente: s.entityCode, anno: s.year, periodo: period, ufficio: office.id))
                }
            }
            return Row(label: s.label, links: links, own: own)
        }
        return HomePage(
            title: dashboard.map { "La tua pagina – \($0.scopeLabel)" } ?? "Cicli della performance", cycles: rows, hasCycles: !rows.isEmpty,
            dashboard: dashboard)
    }
}
