import Hummingbird
import TraguardoCore

/// Where the pages' routes are registered, each with what it needs (`RouteAccess`): there is no other way to add
/// a page route, so none can forget its permission. Each route gets its own group with the access check, then
/// the CSRF check of its forms, in this order (limits before work: who, then how large, then the body).
/// `declared` lists them all, for the test that reads it.
final class PageRouter {
    typealias Context = TraguardoRequestContext
    typealias Handler<Output: ResponseGenerator> = @Sendable (Request, Context) async throws -> Output

    private let group: RouterGroup<Context>
    private let csrf: CSRFMiddleware
    private(set) var declared: [DeclaredRoute] = []

    init(group: RouterGroup<Context>, csrf: CSRFMiddleware) {
        self.group = group
        self.csrf = csrf
    }

    func get<Output: ResponseGenerator>(_ path: String, needs action: Action, use handler: @escaping Handler<Output>) {
        on(path, .get, .action(action), handler)
    }

    func post<Output: ResponseGenerator>(_ path: String, needs action: Action, use handler: @escaping Handler<Output>) {
        on(path, .post, .action(action), handler)
    }

    func get<Output: ResponseGenerator>(_ path: String, access: RouteAccess, use handler: @escaping Handler<Output>) {
        on(path, .get, access, handler)
    }

    func post<Output: ResponseGenerator>(_ path: String, access: RouteAccess, use handler: @escaping Handler<Output>) {
        on(path, .post, access, handler)
    }

    private func on<Output: ResponseGenerator>(
        _ path: String, _ method: HTTPRequest.Method, _ access: RouteAccess, _ handler: @escaping Handler<Output>
    ) {
        let routerPath = RouterPath(path)
        declared.append(DeclaredRoute(method: method.rawValue, path: routerPath.description, access: access))
        group.group().add(middleware: AccessMiddleware(access: access)).add(middleware: csrf).on(routerPath, method: method, use: handler)
    }
}
