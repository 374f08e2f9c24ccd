import Foundation
import Hummingbird

/// A file the server sends to be saved, never shown inside the site: its media type, `Content-Disposition:
/// attachment` with its name, never cached (`nosniff` comes from `SecurityHeadersMiddleware`). The documents
/// of «Documenti» and the evidence files of the rilevazione are sent this way.
enum FileDownload {
    static func response(_ data: Data, name: String, mediaType: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: mediaType, .contentDisposition: contentDisposition(name), .cacheControl: "private, no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `attachment; filename="Relazione finale _.pdf"; filename*=UTF-8''Relazione%20finale%20%C3%A8.pdf` (RFC 6266
    /// and 5987): the plain name for old clients with `"`, `\`, `%` and anything outside printable ASCII replaced by
    /// `_`, the exact name encoded.
    static func contentDisposition(_ name: String) -> String {
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
