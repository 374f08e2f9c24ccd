import Foundation
import Hummingbird

/// An error of the JSON API: its status and `{"errore": "…"}` in Italian.
public struct APIFailure: HTTPResponseError {
    public var status: HTTPResponse.Status
    public var message: String

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.make(APIErrorBody(message: message), status: status)
    }
}

/// JSON answers: sorted keys, UTF-8.
enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = (try? encoder.encode(value)) ?? Data(#"{"errore":"risposta non codificabile"}"#.utf8)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
