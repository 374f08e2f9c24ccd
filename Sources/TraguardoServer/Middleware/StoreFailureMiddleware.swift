import Hummingbird
import TraguardoStore

/// A database error no route handled becomes an Italian answer, never an empty 500: «database occupato»
/// (another process writes the SQLite file, for longer than a request waits) is 503 with `Retry-After`,
/// anything else 500; a page for the browser, `{"errore": …}` under `/api/`.
struct StoreFailureMiddleware: RouterMiddleware {
    typealias Context = TraguardoRequestContext
    /// What `Retry-After` suggests after a busy database, in seconds.
    static let retryAfterSeconds = 30

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as StoreError {
            if case .integrity = error {
                // A write the data refuse (a validated value, a broken reference): said as it is, nothing written.
                return request.uri.path.hasPrefix("/api/")
                    ? JSONResponse.make(["errore": error.description], status: .conflict)
                    : HTMLResponse.page(PageRendering.message("Salvataggio non eseguito", error.description, user: nil), status: .conflict)
            }
            let busy: Bool
            if case .busy = error { busy = true } else { busy = false }
            context.logger.error("errore del database su \(request.method) \(request.uri.path): \(error.description)")
            let status: HTTPResponse.Status = busy ? .serviceUnavailable : .internalServerError
            let message = busy
                ? error.description + " Riprovare fra \(Self.retryAfterSeconds) secondi."
                : "Errore del database: l'operazione non è stata completata e nulla è stato scritto. Riprovare; "
                    + "se l'errore si ripete, avvisare l'amministratore (il dettaglio è nel registro del server)."
            var response = request.uri.path.hasPrefix("/api/")
                ? JSONResponse.make(["errore": message], status: status)
                : HTMLResponse.page(
                    PageRendering.message(busy ? "Database occupato" : "Errore del database", message, user: nil), status: status)
            if busy { response.headers[.retryAfter] = String(Self.retryAfterSeconds) }
            return response
        }
    }
}
