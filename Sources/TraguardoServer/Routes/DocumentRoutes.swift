import Foundation
import Hummingbird
import TraguardoCore
import TraguardoDocuments
import TraguardoExchange
import TraguardoStore
import TraguardoWeb

/// «Documenti» (`WebRoutes.documenti`): the page that lists every document of the Ente-year, and the
/// download of each (`WebRoutes.documento`: `relazione.pdf`, `opendata.json` …). A document is computed at
/// the moment it is asked for, from the data in the store, with the snapshot line that says so; the period
/// is `?periodo=CODE`, else the last of the year. Every role may read them (`Action.viewPlan`).
struct DocumentRoutes {
    let state: ServerState

    func register(on routes: PageRouter) {
        routes.get("enti/:ente/:anno/documenti", needs: .viewPlan) { request, context in try await list(request: request, context: context) }
        routes.get("enti/:ente/:anno/documenti/:file", needs: .viewPlan) { request, context in try await download(request: request, context: context) }
    }

    func list(request: Request, context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (plan, _) = try await state.plan(context, user: user)
        let page = DocumentiPage.make(
            plan: plan, period: try state.period(request, in: plan, user: user), showsSample: Permission.allows(user.role, .viewSample))
        let html = WebRenderer.render(page, chrome: PageRendering.chrome(user, current: .documenti, plan: plan))
        return HTMLResponse.page(html)
    }

    func download(request: Request, context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (plan, scope) = try await state.plan(context, user: user)
        let file = try context.parameters.require("file")
        guard let (kind, format) = DownloadName.read(file) else {
            throw WebFailure.notFound("Nessun documento «\(file)»: i documenti sono elencati nella pagina Documenti.", user: user)
        }
        let period = try state.period(request, in: plan, user: user)
        let base = "\(kind.rawValue)-\(scope.entityCode)-\(scope.year)"
        guard let document = kind.document else {
            let set = OpenDataSet.build(plan: plan, scores: PlanScorer.score(plan, period: period), generatedAt: state.now)
            if format == .json {
                return FileDownload.response(Data(OpenDataJSON.text(set).utf8), name: base + ".json", mediaType: format.mediaType)
            }
            do {
                return FileDownload.response(try OpenDataFolder.zip(set), name: base + "-csv.zip", mediaType: "application/zip")
            } catch {
                throw WebFailure(status: .internalServerError, title: "Documento non prodotto", message: error.description, user: user)
            }
        }
        if format == .pdf {
            do { try state.printer.checkAvailable() } catch {
                throw WebFailure(status: .serviceUnavailable, title: "PDF non disponibile",
                                 message: "Il server non può stampare in PDF: \(error.description). Gli altri formati sono disponibili.",
                                 user: user)
            }
        }
        let sources: DocumentSources
        do {
            // The plan this request has read already (or the closed period's snapshot): the store reads only the
            // component plans and the last change.
            sources = try await state.store.documentSources(
                of: plan, period: period, document: document.title, components: document.componentEntityCodes(of:))
        } catch let missing as MissingComponentPlan {
            throw WebFailure(status: .unprocessableContent, title: "Documento non prodotto", message: missing.description, user: user)
        }
        let data: Data
        do {
            let built = try document.document(
                plan: sources.plan, components: sources.components, period: period, lastChange: sources.lastChange,
                source: state.configuration.dataSource, closedWithoutSnapshot: sources.closedWithoutSnapshot)
            if format == .pdf {
                data = try await state.printer.pdf(built, kind: kind.rawValue)
            } else {
                let environment = state.configuration.environment
                data = try await Self.offMainThreads { try DocumentFile.data(built, format: format, environment: environment) }
            }
        } catch is PrintQueueFull {
            throw PrintingBusy(retryAfterSeconds: max(1, Int(state.configuration.pdf.queueWait.rounded(.up))), user: user)
        } catch {
            throw WebFailure(status: .unprocessableContent, title: "Documento non prodotto", message: "\(error)", user: user)
        }
        return FileDownload.response(data, name: base + "." + format.rawValue, mediaType: format.mediaType)
    }

    /// Writing a DOCX or printing a PDF blocks for a while (a Chromium process for the PDF): it runs on a
    /// thread of its own, not on the server's. PDFs go through `PDFPrinter`, which bounds how many run at once.
    static func offMainThreads<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}

/// The last segment of `WebRoutes.documento`: `documento.formato`, both known and the format one of the document's.
enum DownloadName {
    static func read(_ file: String) -> (WebDocumentKind, DocumentFormat)? {
        let parts = file.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let kind = WebDocumentKind(rawValue: parts[0]), let format = DocumentFormat(rawValue: parts[1]),
              kind.formats.contains(format) else { return nil }
        return (kind, format)
    }
}
