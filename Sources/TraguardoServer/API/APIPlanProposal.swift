import Foundation
import TraguardoCore

/// `PropostaModificaPiano`, the body of `POST …/piano/proposte`: a dirigente's edit of his own area (the editor's
/// `PlanEdit`, as in `ModificaPiano`) with a note for the controller.
struct APIPlanProposalPost: APIBody {
    static let schemaName = "PropostaModificaPiano"
    static let schemaDescription = "Una modifica della propria area del piano proposta da un dirigente: la decide il controllo di gestione."
    static let fieldDescriptions = [
        "elemento": APIPlanEdit.fieldDescriptions["elemento"]!, "operazione": APIPlanEdit.fieldDescriptions["operazione"]!,
        "id": APIPlanEdit.fieldDescriptions["id"]!, "campi": APIPlanEdit.fieldDescriptions["campi"]!,
        "impronta": APIPlanEdit.fieldDescriptions["impronta"]!,
        "nota": "Facoltativa: perché la modifica è proposta (al massimo \(PlanProposal.maximumTextLength) caratteri).",
    ]

    var element: PlanEdit.Element
    var operation: PlanEdit.Operation
    var id: String?
    var fields: [APIPlanField]?
    var drawnFrom: String?
    var note: String?

    enum CodingKeys: String, CodingKey {
        case element = "elemento", operation = "operazione", id, fields = "campi", drawnFrom = "impronta", note = "nota"
    }
}

/// `AccettazioneProposta`, the body of `POST …/piano/proposte/{numero}/accetta`.
struct APIProposalAcceptance: APIBody {
    static let schemaName = "AccettazioneProposta"
    static let schemaDescription = "L'accettazione di una proposta: la modifica è applicata al piano come una modifica del controllo di gestione."
    static let fieldDescriptions = ["atto": APIPlanEdit.fieldDescriptions["atto"]!]

    var act: String?

    enum CodingKeys: String, CodingKey { case act = "atto" }
}

/// `RifiutoProposta`, the body of `POST …/piano/proposte/{numero}/rifiuta`.
struct APIProposalRefusal: APIBody {
    static let schemaName = "RifiutoProposta"
    static let schemaDescription = "Il rifiuto di una proposta, con il motivo che chi l'ha proposta leggerà."
    static let fieldDescriptions = ["motivo": "Il motivo del rifiuto (obbligatorio, al massimo \(PlanProposal.maximumTextLength) caratteri)."]

    var reason: String

    enum CodingKeys: String, CodingKey { case reason = "motivo" }
}

/// `PropostaPiano`: a proposal and its outcome.
struct APIPlanProposal: APIBody {
    static let schemaName = "PropostaPiano"
    static let schemaDescription = "Una proposta di modifica del piano di un dirigente e il suo esito."
    static let fieldDescriptions = [
        "numero": "Il numero della proposta.", "ente": "Codice dell'Ente.", "anno": "Anno del ciclo.",
        "esito": "Che cosa la proposta fa, in una frase.", "elemento": "Che cosa cambia.", "operazione": "Come lo cambia.",
        "id": "L'elemento cambiato (assente per uno nuovo).", "campi": "I campi proposti.",
        "proposta_da": "Chi l'ha proposta.", "proposta_il": "Quando (ISO 8601).", "unita": "L'unità dell'area di chi l'ha proposta.",
        "impronta": "L'impronta del piano su cui è stata fatta.", "nota": "La nota di chi l'ha proposta.",
        "stato": "in_attesa, accettata o rifiutata.", "decisa_da": "Chi l'ha accettata o rifiutata.", "decisa_il": "Quando (ISO 8601).",
        "motivo": "Il motivo del rifiuto.",
        "impronta_piano": "Dopo un'accettazione: l'impronta del piano con la modifica.",
    ]

    var number: Int
    var entity: String
    var year: Int
    var summary: String
    var element: String
    var operation: String
    var id: String?
    var fields: [APIPlanField]
    var proposedBy: String
    var proposedAt: String
    var unit: String
    var fingerprint: String
    var note: String?
    var status: String
    var decidedBy: String?
    var decidedAt: String?
    var reason: String?
    var planFingerprint: String?

    enum CodingKeys: String, CodingKey {
        case number = "numero", entity = "ente", year = "anno", summary = "esito", element = "elemento", operation = "operazione", id
        case fields = "campi", proposedBy = "proposta_da", proposedAt = "proposta_il", unit = "unita", fingerprint = "impronta", note = "nota"
        case status = "stato", decidedBy = "decisa_da", decidedAt = "decisa_il", reason = "motivo", planFingerprint = "impronta_piano"
    }

    init(_ proposal: PlanProposal, planFingerprint: String? = nil) {
        let iso = ISO8601DateFormatter()
        number = proposal.id
        entity = proposal.entityCode
        year = proposal.year
        summary = proposal.summary
        element = proposal.edit.element.rawValue
        operation = proposal.edit.operation.rawValue
        id = proposal.edit.id
        fields = proposal.edit.fields.sorted { $0.key < $1.key }.map { APIPlanField(name: $0.key, value: $0.value) }
        proposedBy = proposal.proposedBy
        proposedAt = iso.string(from: proposal.proposedAt)
        unit = proposal.unitID
        fingerprint = proposal.fingerprint
        note = proposal.note
        status = proposal.status.rawValue
        decidedBy = proposal.decidedBy
        decidedAt = proposal.decidedAt.map { iso.string(from: $0) }
        reason = proposal.reason
        self.planFingerprint = planFingerprint
    }
}
