import Foundation
import TraguardoCore

/// `Rilevazione`, version 1 of the API: a measurement as the API shows it, with Italian keys. Separate from
/// `TraguardoCore.Measurement` (the stored form): the store may change, this does not without a new version.
struct APIMeasurement: APIBody, Equatable {
    static let schemaName = "Rilevazione"
    static let schemaDescription = "La rilevazione di un item in un periodo."
    static let fieldDescriptions = [
        "id": "ITEM@PERIODO, dove PERIODO è l'id del periodo.",
        "item": "Id dell'item.",
        "periodo": "Codice del periodo (ANNO, T2 …).",
        "valore": "Il valore numerico rilevato.",
        "data": "La data di completamento, AAAA-MM-GG (per le scadenze).",
        "fatto": "Fatto o non fatto (per le attività).",
        "numeratore": "Il numeratore, per i rapporti.",
        "denominatore": "Il denominatore, per i rapporti.",
        "testo": "Il valore come inserito o stampato (4,2 gg; a vista; N.C.).",
        "motivoNC": "Presente quando la rilevazione non è computabile (N.C.): il motivo.",
        "scostamentoGiustificato": "Uno scostamento accettato con una giustificazione (punteggio 100).",
        "giustificazione": "La giustificazione dello scostamento.",
        "punteggioManuale": "Un punteggio fissato a mano, con motivo e chi l'ha approvato.",
        "nota": "La nota descrittiva (che cosa è stato fatto).",
        "evidenze": "I riferimenti alle evidenze (documenti, allegati).",
        "autore": "Chi ha inserito la rilevazione.",
        "registrataIl": "Quando è stata inserita, ISO 8601 in UTC.",
        "fonte": "Da dove viene il dato importato (documento e righe).",
        "serie": "I valori annuali dietro una media pluriennale.",
    ]

    var id: String
    var itemID: String
    var periodCode: String
    var value: Decimal?
    var date: String?
    var done: Bool?
    var numerator: Decimal?
    var denominator: Decimal?
    var text: String?
    var notComputableReason: String?
    var justifiedDeviation: Bool
    var justification: String?
    var manualScore: ManualScore?
    var narrative: String?
    var evidence: [String]
    var author: String?
    var recordedAt: Date?
    var source: Source?
    var series: [YearValue]?

    enum CodingKeys: String, CodingKey {
        case id, itemID = "item", periodCode = "periodo", value = "valore", date = "data", done = "fatto"
        case numerator = "numeratore", denominator = "denominatore", text = "testo", notComputableReason = "motivoNC"
        case justifiedDeviation = "scostamentoGiustificato", justification = "giustificazione"
        case manualScore = "punteggioManuale", narrative = "nota", evidence = "evidenze", author = "autore"
        case recordedAt = "registrataIl", source = "fonte", series = "serie"
    }

    struct ManualScore: Codable, Sendable, Equatable {
        var score: Decimal
        var reason: String
        var approvedBy: String

        enum CodingKeys: String, CodingKey { case score = "punteggio", reason = "motivo", approvedBy = "approvatoDa" }
    }

    struct Source: Codable, Sendable, Equatable {
        var document: String
        var lines: String?

        enum CodingKeys: String, CodingKey { case document = "documento", lines = "righe" }
    }

    struct YearValue: Codable, Sendable, Equatable {
        var year: Int
        var value: Decimal

        enum CodingKeys: String, CodingKey { case year = "anno", value = "valore" }
    }

    /// `measurement` of `plan`, its period named by code.
    init(_ measurement: TraguardoCore.Measurement, in plan: CyclePlan) {
        id = measurement.id
        itemID = measurement.itemID
        periodCode = plan.periods.first { $0.id == measurement.periodID }?.code ?? measurement.periodID
        value = measurement.value
        date = measurement.date?.iso
        done = measurement.done
        numerator = measurement.numerator
        denominator = measurement.denominator
        text = measurement.text
        notComputableReason = measurement.notComputableReason
        justifiedDeviation = measurement.justifiedDeviation
        justification = measurement.justificationNote
        manualScore = measurement.override.map { ManualScore(score: $0.score, reason: $0.reason, approvedBy: $0.approvedBy) }
        narrative = measurement.narrative
        evidence = measurement.evidence
        author = measurement.author
        recordedAt = measurement.recordedAt
        source = measurement.provenance.map { Source(document: $0.source, lines: $0.lines) }
        series = measurement.series?.map { YearValue(year: $0.year, value: $0.value) }
    }
}
