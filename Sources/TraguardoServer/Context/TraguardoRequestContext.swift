import Hummingbird
import NIOCore
import TraguardoStore

/// What the middleware learns about a request and the routes use: the signed-in user, the parsed form of a
/// POST, the address it came from (for the login throttle).
public struct TraguardoRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var user: SignedInUser?
    /// The user the route's declared access let through (`AccessMiddleware`): its role may do what the route does,
    /// in the Ente of its path. nil on the open routes.
    public var authorizedUser: SignedInUser?
    public var form: FormBody?
    /// The files of a multipart POST (evidence of a rilevazione).
    public var uploads: [MultipartBody.File] = []
    public var remoteAddress: String
    /// The Ente-year named in the page's path with the markers of its Ente's years, as `PlaceMiddleware` read
    /// them for this request (nil when it did not).
    var pathCycle: CycleOfEnte?
    /// The markers `SessionMiddleware` read with the session, and the Ente they are of (`PlaceMiddleware` uses them).
    var placeMarkers: (entityCode: String?, markers: PlaceMarkers)?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "sconosciuto"
    }
}
