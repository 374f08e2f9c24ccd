import Foundation
import Hummingbird
import Logging
import TraguardoStore

/// `traguardo serve`: the Hummingbird application over a store. Sessions, failed logins and API tokens live
/// in the database, so several instances on one PostgreSQL serve the same users.
public enum TraguardoApplication {
    public static func make(
        store: Store, configuration: ServerConfiguration = ServerConfiguration(), logger: Logger = Logger(label: "traguardo.server"),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        var application = Application(
            router: SiteResponderBuilder(router: router(store: store, configuration: configuration), https: configuration.secureCookies),
            server: .http1(configuration: .init(idleTimeout: .seconds(Int64(configuration.idleTimeout)))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Traguardo"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
        if let interval = configuration.reminderInterval {
            application.addServices(ReminderService(
                sender: ReminderSender(store: store, environment: configuration.environment, logger: logger), interval: interval,
                clock: configuration.clock))
        }
        return application
    }

    /// Runs the application until SIGINT or SIGTERM.
    public static func run(
        store: Store, configuration: ServerConfiguration, logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void
    ) async throws {
        try await make(store: store, configuration: configuration, logger: logger, onServerRunning: onServerRunning).runService()
    }

    /// Every route, with its middleware: Italian answers for database errors (busy: 503); on the pages session → user,
    /// the user's place, then for each route the check of what it declares it needs (`PageRouter`, before a byte of the
    /// body is read), then the budget and CSRF check of every POST; on `/api/v1` the bearer token. (The security
    /// headers and the 404 are put around the router by ``SiteResponderBuilder``, so that they reach every answer.)
    public static func router(store: Store, configuration: ServerConfiguration) -> Router<TraguardoRequestContext> {
        build(store: store, configuration: configuration).router
    }

    /// Every page route as registered, with what it needs: the list a test reads to see that none is open by mistake.
    public static func declaredPageRoutes(store: Store, configuration: ServerConfiguration) -> [DeclaredRoute] {
        build(store: store, configuration: configuration).pages
    }

    private static func build(store: Store, configuration: ServerConfiguration) -> (router: Router<TraguardoRequestContext>, pages: [DeclaredRoute]) {
        let state = ServerState(store: store, configuration: configuration)
        let router = Router(context: TraguardoRequestContext.self)
        router.add(middleware: StoreFailureMiddleware())
        StyleSheetRoute().register(on: router)

        let api = router.group("api/v1")
        APIRoutes(state: state).registerPublic(on: api)
        APIRoutes(state: state).register(on: api.group().add(middleware: BearerTokenMiddleware(store: store, clock: configuration.clock)))

        let pages = PageRouter(
            group: router.group()
                .add(middleware: SessionMiddleware(
                    store: store, cookieName: state.cookieNames.session, placeCookieName: state.cookieNames.place, clock: configuration.clock))
                .add(middleware: PlaceMiddleware(state: state)),
            csrf: CSRFMiddleware(loginCookieName: state.cookieNames.loginCSRF, bodyTimeout: configuration.bodyTimeout))
        LoginRoutes(state: state).register(on: pages)
        PlanPageRoutes(state: state).register(on: pages)
        CartaRoutes(state: state).register(on: pages)
        RilevazioneRoutes(state: state).register(on: pages)
        EvidenceRoutes(state: state).register(on: pages)
        ReviewRoutes(state: state).register(on: pages)
        SubmissionRoutes(state: state).register(on: pages)
        AdminRoutes(state: state).register(on: pages)
        AdminPlanPageRoutes(state: state).register(on: pages)
        PlanEditorRoutes(state: state).register(on: pages)
        PlanProposalRoutes(state: state).register(on: pages)
        ImportRoutes(state: state).register(on: pages)
        RegistroRoutes(state: state).register(on: pages)
        AccessiRoutes(state: state).register(on: pages)
        DocumentRoutes(state: state).register(on: pages)
        VerificheRoutes(state: state).register(on: pages)
        OIVSampleRoutes(state: state).register(on: pages)
        PianoVersioniRoutes(state: state).register(on: pages)
        MetodologieRoutes(state: state).register(on: pages)
        MailRoutes(state: state).register(on: pages)
        return (router, pages.declared)
    }
}
