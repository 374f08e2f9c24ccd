import CompressNIO
import Hummingbird
import NIOCore

/// gzip for the answers that gain from it: only when the browser says it accepts gzip, only for text
/// (HTML, CSS, JSON, CSV, SVG, XML, plain text) of at least `minimumSize` bytes whose length is known, never
/// for an answer already encoded (PDF, XLSX, DOCX, ZIP are compressed already and are left alone).
/// The compressed bytes of a page with an `ETag` are kept (`CompressedPages`), so that a page read again and
/// again is compressed once.
struct ResponseCompression: Sendable {
    static let minimumSize = 1024
    /// Larger answers are sent as they are (they are files being downloaded, not pages).
    static let maximumSize = 16 << 20
    static let compressibleTypes = [
        "text/html", "text/css", "text/plain", "text/csv", "application/json", "application/xml", "image/svg+xml",
        "application/xhtml+xml",
    ]

    let kept = CompressedPages()

    /// `response` gzipped when `request` accepts it and the answer gains from it; otherwise as it is.
    func apply(to response: Response, for request: Request) async throws -> Response {
        guard Self.isCompressible(response) else { return response }
        var response = response
        response.headers[.vary] = "Accept-Encoding"
        guard Self.acceptsGzip(request), let length = response.body.contentLength,
            (Self.minimumSize...Self.maximumSize).contains(length)
        else { return response }
        let tag = response.headers[.eTag]
        let compressed: ByteBuffer
        if let tag, let known = await kept.bytes(tag) {
            compressed = known
        } else {
            var plain = try await Self.collect(response.body)
            compressed = try plain.compress(with: .gzip(configuration: .init(compressionLevel: .compressionLevel6)))
            if let tag { await kept.keep(compressed, tag: tag) }
        }
        response.headers[.contentEncoding] = "gzip"
        response.body = ResponseBody(byteBuffer: compressed)
        return response
    }

    static func isCompressible(_ response: Response) -> Bool {
        guard response.headers[.contentEncoding] == nil, let type = response.headers[.contentType]?.lowercased() else { return false }
        let bare = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return compressibleTypes.contains(bare)
    }

    /// `Accept-Encoding` names gzip (or `*`) without `q=0`.
    static func acceptsGzip(_ request: Request) -> Bool {
        guard let header = request.headers[.acceptEncoding] else { return false }
        for part in header.lowercased().split(separator: ",") {
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let coding = fields.first, coding == "gzip" || coding == "x-gzip" || coding == "*" else { continue }
            let refused = fields.dropFirst().contains { field in
                field.hasPrefix("q=") && (Double(field.dropFirst(2)) ?? 1) == 0
            }
            return !refused
        }
        return false
    }

    /// The bytes of a body whose length is known (a page, a JSON answer: already in memory).
    private static func collect(_ body: ResponseBody) async throws -> ByteBuffer {
        let sink = BodySink()
        try await body.write(BodyCollector(sink: sink))
        return sink.buffer
    }
}

/// The compressed pages by `ETag`: at most `capacity`, the oldest dropped first.
actor CompressedPages {
    let capacity: Int
    private var entries: [String: ByteBuffer] = [:]
    private var order: [String] = []

    init(capacity: Int = 128) { self.capacity = capacity }

    func bytes(_ tag: String) -> ByteBuffer? { entries[tag] }

    func keep(_ bytes: ByteBuffer, tag: String) {
        if entries.updateValue(bytes, forKey: tag) == nil { order.append(tag) }
        while order.count > capacity { entries[order.removeFirst()] = nil }
    }
}

private final class BodySink: @unchecked Sendable {
    var buffer = ByteBuffer()
}

private struct BodyCollector: ResponseBodyWriter {
    let sink: BodySink

    mutating func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        sink.buffer.writeBuffer(&buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
