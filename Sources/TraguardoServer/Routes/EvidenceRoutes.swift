import Foundation
import Hummingbird
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// `/enti/:ente/:anno/evidenze/:id`: downloads an evidence file of the rilevazione. Whoever reads the plan
/// of the Ente (`Action.viewPlan`, `Permission.reaches`) may download it; the id is looked up within the
/// Ente-year of the path, so the number of another Ente's file is «not found». The file is always sent as
/// an attachment with the media type it was uploaded with (and `nosniff`, from `SecurityHeadersMiddleware`),
/// never shown inside the site.
struct EvidenceRoutes {
    let state: ServerState

    func register(on routes: PageRouter) {
        routes.get("enti/:ente/:anno/evidenze/:id", needs: .viewPlan) { _, context in try await download(context: context) }
    }

    func download(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let entity = try context.parameters.require("ente")
        guard let year = context.parameters.get("anno", as: Int.self) else { throw WebFailure.notFound("Anno non valido.", user: user) }
        guard Permission.reaches(user, entityCode: entity) else {
            throw WebFailure.forbidden("L'utente non è abilitato per l'Ente «\(entity)».", user: user)
        }
        let text = try context.parameters.require("id")
        guard let id = Int64(text),
              let stored = try await state.store.evidence(id: id, in: CycleScope(entityCode: entity, year: year))
        else {
            throw WebFailure.notFound("Nessun documento a supporto n. «\(text)» per l'Ente «\(entity)», anno \(year).", user: user)
        }
        return FileDownload.response(stored.content, name: stored.file.fileName, mediaType: stored.file.mediaType)
    }
}
