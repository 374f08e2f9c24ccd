import Foundation

/// `NuovaRilevazione`, the body of `POST …/rilevazioni`: the measurement of one item in one open period,
/// as the rilevazione form takes it (the value in Italian).
struct APIMeasurementPost: APIBody {
    static let schemaName = "NuovaRilevazione"
    static let schemaDescription = "Una rilevazione da inserire o modificare."
    static let fieldDescriptions = [
        "item": "Id dell'item.",
        "periodo": "Codice del periodo (aperto).",
        "valore": "Il valore in italiano: 12,5 · 31/03/2024 · sì · 3/4.",
        "motivoNC": "Se presente, la rilevazione è N.C. con questo motivo.",
        "scostamentoGiustificato": "Uno scostamento giustificato; richiede giustificazione.",
        "giustificazione": "La giustificazione dello scostamento.",
        "nota": "La nota descrittiva (che cosa è stato fatto).",
    ]

    var itemID: String
    var period: String
    var value: String?
    var notComputableReason: String?
    var justifiedDeviation: Bool?
    var justification: String?
    var narrative: String?

    enum CodingKeys: String, CodingKey {
        case itemID = "item", period = "periodo", value = "valore", notComputableReason = "motivoNC"
        case justifiedDeviation = "scostamentoGiustificato", justification = "giustificazione", narrative = "nota"
    }
}

/// `EsitoRilevazione`: what `POST …/rilevazioni` wrote and the scores after it.
struct APIMeasurementResult: APIBody {
    static let schemaName = "EsitoRilevazione"
    static let schemaDescription = "La rilevazione scritta e i nuovi punteggi."
    static let fieldDescriptions = [
        "scritte": "Rilevazioni scritte (0 se invariata).",
        "rilevazione": "La rilevazione come è ora nel database.",
        "punteggioItem": "Il punteggio dell'item come stampato (68,49 o N.C.).",
        "punteggioEnte": "Il punteggio dell'Ente come stampato.",
    ]

    var written: Int
    var measurement: APIMeasurement?
    var itemScore: String?
    var entityScore: String

    enum CodingKeys: String, CodingKey {
        case written = "scritte", measurement = "rilevazione", itemScore = "punteggioItem", entityScore = "punteggioEnte"
    }
}

/// `Errore`: every refusal of the API.
struct APIErrorBody: APIBody {
    static let schemaName = "Errore"
    static let schemaDescription = "Il motivo di un rifiuto."
    static let fieldDescriptions = ["errore": "Il motivo, in italiano."]

    var message: String

    enum CodingKeys: String, CodingKey { case message = "errore" }
}
