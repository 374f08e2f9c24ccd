import Foundation
import TraguardoCore
import Yams

/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json` and `/api/v1/openapi.yaml`.
/// Nothing in it is written by hand but words: the operations are `APIOperation.all` (the same list the
/// router registers) and the body schemas are derived from the Swift types the API encodes and decodes.
public enum OpenAPIDocument {
    public static let json: String = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(build()), as: UTF8.self) + "\n"
    }()

    /// The same document in YAML (through Yams' own types, so that a key such as `"200"` stays a text).
    public static let yaml: String = {
        let object = try! Yams.load(yaml: json)
        return try! Yams.dump(object: object, width: -1, allowUnicode: true, sortKeys: true)
    }()

    /// The document; a failure to derive a schema is a programming error that every test meets at once.
    static func build() -> Document {
        let responses = SchemaDecoder(closed: true)
        let requests = SchemaDecoder(closed: false)
        var paths: [String: [String: Operation]] = [:]
        for operation in APIOperation.all {
            // The path's own parameters: `/enti` (a new Ente-year) has none.
            var parameters = [Parameter.ente, Parameter.anno, Parameter.numero].filter { operation.path.contains("{\($0.name)}") }
            parameters += operation.query.map {
                Parameter(name: $0.name, in: "query", required: false, description: $0.description, schema: .string(), example: nil)
            }
            var answers: [String: Response] = [
                "200": Response(description: "Risposta.", schema: try! schema(operation.response, responses)),
                "default": Response(description: "Altro rifiuto (per esempio corpo troppo grande).", schema: .reference(APIErrorBody.schemaName)),
            ]
            for refusal in operation.refusals {
                answers[String(refusal.status.code)] = Response(description: refusal.reason, schema: .reference(APIErrorBody.schemaName))
            }
            let body = operation.request.map { RequestBody(schema: try! schema($0, requests)) }
            paths[operation.path, default: [:]][operation.method.rawValue.lowercased()] = Operation(
                operationId: operation.name.rawValue, summary: operation.summary, description: operation.description,
                parameters: parameters, requestBody: body, responses: answers)
        }
        _ = try! responses.schema(of: APIErrorBody.self)
        let components = responses.components.merging(requests.components) { response, _ in response }
        return Document(paths: paths, components: Components(schemas: components))
    }

    static func schema(_ body: APIOperation.Body, _ decoder: SchemaDecoder) throws -> JSONSchema {
        switch body {
        case let .one(type): try decoder.schema(of: type)
        case let .list(type): .array(try decoder.schema(of: type))
        case .planFile:
            .described(
                .anyObject(required: ["formato", "ente", "anno"]),
                "Il file piano traguardo/1 in JSON: le chiavi sono descritte in docs/formato-piano.md.")
        }
    }

    struct Document: Encodable {
        var openapi = "3.1.0"
        var info = Info()
        var servers = [Server(url: "/api/v1")]
        var security = [["bearer": [String]()]]
        var paths: [String: [String: Operation]]
        var components: Components
    }

    struct Info: Encodable {
        var title = "Traguardo API"
        var version = "1.0.0"
        var description = "Piano, rilevazioni e punteggi di un Ente-anno del ciclo della performance; inserimento di una "
            + "rilevazione. Autenticazione con token (traguardo user token UTENTE), stesse autorizzazioni delle pagine. "
            + "Ogni rifiuto è un oggetto JSON {\"errore\": \"…\"} in italiano."
    }

    struct Server: Encodable { var url: String }

    struct Parameter: Encodable {
        var name: String
        var `in`: String
        var required: Bool
        var description: String
        var schema: JSONSchema
        var example: Example?

        enum Example: Encodable {
            case text(String)
            case number(Int)

            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                switch self {
                case let .text(text): try container.encode(text)
                case let .number(number): try container.encode(number)
                }
            }
        }

        static let ente = Parameter(
            name: "ente", in: "path", required: true, description: "Codice dell'Ente (lucca, pisa …).", schema: .string(),
            example: .text("lucca"))
        static let anno = Parameter(
            name: "anno", in: "path", required: true, description: "Anno del ciclo.",
            schema: .integer(minimum: APIOperation.years.lowerBound, maximum: APIOperation.years.upperBound), example: .number(2013))
        static let numero = Parameter(
            name: "numero", in: "path", required: true, description: "Numero della proposta di modifica del piano.",
            schema: .integer(minimum: 1, maximum: Int(Int32.max)), example: .number(1))
    }

    struct Operation: Encodable {
        var operationId: String
        var summary: String
        var description: String?
        var parameters: [Parameter]
        var requestBody: RequestBody?
        var responses: [String: Response]
    }

    struct RequestBody: Encodable {
        var required = true
        var content: [String: MediaType]

        init(schema: JSONSchema) { content = ["application/json": MediaType(schema: schema)] }
    }

    struct Response: Encodable {
        var description: String
        var content: [String: MediaType]

        init(description: String, schema: JSONSchema) {
            self.description = description
            content = ["application/json": MediaType(schema: schema)]
        }
    }

    struct MediaType: Encodable { var schema: JSONSchema }

    struct Components: Encodable {
        var securitySchemes = ["bearer": SecurityScheme()]
        var schemas: [String: JSONSchema]
    }

    struct SecurityScheme: Encodable {
        var type = "http"
        var scheme = "bearer"
        var description = "Token creato con «traguardo user token UTENTE»; il database ne conserva solo l'hash SHA-256."
    }
}

extension ScoreListing: APIBody {
    static let schemaName = "Punteggi"
    static let schemaDescription = "Il piano valutato in ordine d'albero, come «traguardo score --format json»."
    static let fieldDescriptions = [
        "ente": "Codice dell'Ente.",
        "nomeEnte": "Nome dell'Ente.",
        "anno": "Anno del ciclo.",
        "periodo": "Codice del periodo valutato.",
        "metodologia": "Nome, versione e id della metodologia applicata.",
        "punteggi": "Gli elementi valutati: tipo, codice, percorso, titolo, livello, valore (decimale con il punto, assente se N.C.), "
            + "mostrato (68,49 o N.C.), esatto, semaforo, punti, nc (il motivo), note e formula.",
    ]
}
