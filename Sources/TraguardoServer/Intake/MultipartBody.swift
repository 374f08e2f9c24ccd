import Foundation
import MultipartKit
import NIOCore

/// A `multipart/form-data` body (the rilevazione form with its evidence files, the imports): its text fields
/// and its files. Read as it arrives, chunk by chunk, by MultipartKit's streaming parser (linear in the size
/// of the body), within a ``BodyBudget``: too many parts, part headers too long, or more bytes than the
/// budget stop the reading at once, and the rest of the body is never read.
public struct MultipartBody: Sendable {
    public struct File: Sendable, Hashable {
        public var field: String
        public var filename: String
        public var data: Data
    }

    public var fields: [(name: String, value: String)] = []
    public var files: [File] = []

    /// The boundary of a `Content-Type: multipart/form-data; boundary=…` header (1 to 70 characters, RFC 2046).
    public static func boundary(of contentType: String) -> String? {
        guard let parameters = FormDisposition.parameters(contentType),
              parameters.type.lowercased() == "multipart/form-data",
              let boundary = parameters.values["boundary"], (1...70).contains(boundary.utf8.count)
        else { return nil }
        return boundary
    }

    /// The pieces the parser is fed: small, so that a part's headers are measured to within this many bytes.
    static let sliceBytes = 1024

    /// Reads `body` as it arrives. Throws a ``BodyBudget.Refusal`` as soon as the budget is exceeded or the body is not
    /// multipart: what follows is never read.
    static func read<Body: AsyncSequence>(_ body: Body, boundary: String, budget: BodyBudget) async throws -> MultipartBody
    where Body.Element == ByteBuffer {
        let collector = Collector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in collector.header(name, value) }
        parser.onBody = { buffer in collector.body(&buffer) }
        parser.onPartComplete = { collector.complete() }
        var total = 0
        for try await var chunk in body {
            total += chunk.readableBytes
            guard total <= budget.maxBytes else { throw BodyBudget.Refusal.tooLarge }
            while chunk.readableBytes > 0, let slice = chunk.readSlice(length: min(sliceBytes, chunk.readableBytes)) {
                collector.eventSeen = false
                do { try parser.execute(slice) } catch { throw BodyBudget.Refusal.malformed }
                if let refusal = collector.refusal { throw refusal }
                collector.headerBytes = collector.eventSeen ? 0 : collector.headerBytes + slice.readableBytes
                guard collector.headerBytes <= BodyBudget.maxPartHeaderBytes else { throw BodyBudget.Refusal.malformed }
            }
        }
        guard collector.partsSeen > 0 else { throw BodyBudget.Refusal.malformed }
        return collector.result
    }

    /// What the parser's callbacks collect (the parser is a class with closures; this is their shared state).
    private final class Collector {
        var result = MultipartBody()
        var headers: [(name: String, value: String)] = []
        var content = ByteBuffer()
        var partsSeen = 0
        var refusal: BodyBudget.Refusal?
        /// A part ended or its content arrived during the current slice.
        var eventSeen = false
        /// Bytes fed since the last part's content: the headers of the next part (or a preamble).
        var headerBytes = 0

        func header(_ name: String, _ value: String) {
            headers.append((name, value))
            if headers.count > BodyBudget.maxPartHeaders { refusal = refusal ?? .malformed }
        }

        func body(_ buffer: inout ByteBuffer) {
            eventSeen = true
            content.writeBuffer(&buffer)
        }

        func complete() {
            eventSeen = true
            partsSeen += 1
            defer {
                headers.removeAll()
                content.clear()
            }
            guard partsSeen <= BodyBudget.maxFields else {
                refusal = refusal ?? .tooManyFields
                return
            }
            guard let disposition = headers.first(where: { $0.name.lowercased() == "content-disposition" }) else { return }
            guard let parsed = FormDisposition(disposition.value) else {
                refusal = refusal ?? .malformed
                return
            }
            let bytes = Data(content.readableBytesView)
            if let filename = parsed.filename {
                // The part's declared `Content-Type` is not kept: a stored type comes from the name's extension.
                if !filename.isEmpty || !bytes.isEmpty {
                    result.files.append(File(field: parsed.name, filename: filename, data: bytes))
                }
            } else {
                result.fields.append((parsed.name, String(decoding: bytes, as: UTF8.self)))
            }
        }
    }
}
