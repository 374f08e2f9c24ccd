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

    func register(on router: some RouterMethods<TraguardoRequestContext>) {
        router.get("enti/:ente/:anno/evidenze/:id") { _, context in try await download(context: context) }
    }

    func download(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context, .viewPlan)
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
        return Response(
            status: .ok,
            headers: [
                .contentType: stored.file.mediaType,
                .contentDisposition: Self.attachment(stored.file.fileName),
                .cacheControl: "private, no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: stored.content)))
    }

    /// `attachment; filename="verbale_2013.pdf"; filename*=UTF-8''verbale%202013.pdf` (RFC 6266 and 5987): the
    /// plain name for old clients with anything outside printable ASCII replaced, the exact name encoded.
    static func attachment(_ name: String) -> String {
        let plain = String(name.unicodeScalars.map { scalar -> Character in
            (0x20..<0x7F).contains(scalar.value) && scalar != "\"" && scalar != "\\" && scalar != "%" ? Character(scalar) : "_"
        })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: attrChars) ?? plain
        return "attachment; filename=\"\(plain)\"; filename*=UTF-8''\(encoded)"
    }

    /// RFC 5987 `attr-char`.
    private static let attrChars = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~")
}
