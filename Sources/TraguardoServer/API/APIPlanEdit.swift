import Foundation
import TraguardoCore

/// `ModificaPiano`, the body of `POST …/piano/modifiche`: one edit of the plan, as the editor's forms send it
/// (`PlanEdit`), its fields by the plan file's keys with the values as a person writes them.
struct APIPlanEdit: APIBody {
    static let schemaName = "ModificaPiano"
    static let schemaDescription = "Una modifica del piano: un elemento creato, modificato, spostato o eliminato."
    static let fieldDescriptions = [
        "elemento": "Che cosa: nodo, indicatore, target, item, risorsa, unita, persona, atto, obiettivo, collegamento, "
            + "conto (riga di conto di un nodo o, senza «nodo», dell'Ente), carta (riga della Carta dei servizi), procedimento "
            + "(procedimento monitorato), ruolo (di una persona: «persona», «ruolo», «unita», «dal», «al»).",
        "operazione": "crea, modifica (i campi non inviati restano come sono; un valore vuoto li svuota), sposta (solo il padre), elimina.",
        "id": "L'id dell'elemento da modificare, spostare o eliminare (per esempio A101, A101/1, A101/1/a).",
        "campi": "I campi con le chiavi del file piano (codice, titolo, padre, nodo, peso, baseline.valore …), i valori in italiano; "
            + "le liste (uffici, coordinatori, fonti) una voce per riga.",
        "impronta": "Facoltativa: l'impronta del piano su cui la modifica è stata preparata (quella restituita dalla modifica "
            + "precedente); se il piano è cambiato nel frattempo la modifica è rifiutata con 409 e nulla è salvato.",
        "atto": "Per un piano approvato: l'atto della variazione (per esempio «Delibera di Giunta n. 7 del 15/03/2019») o il codice di un atto del piano.",
    ]

    var element: PlanEdit.Element
    var operation: PlanEdit.Operation
    var id: String?
    var fields: [APIPlanField]?
    var drawnFrom: String?
    var act: String?

    enum CodingKeys: String, CodingKey {
        case element = "elemento", operation = "operazione", id, fields = "campi", drawnFrom = "impronta", act = "atto"
    }
}

/// `CampoPiano`: one field of an edit.
struct APIPlanField: APIBody {
    static let schemaName = "CampoPiano"
    static let schemaDescription = "Un campo: la chiave del file piano e il valore come lo si scrive (1.418.965,00; 31/12/2019)."
    static let fieldDescriptions = ["nome": "La chiave (titolo, peso, baseline.valore …).", "valore": "Il valore; vuoto per svuotare il campo."]

    var name: String
    var value: String

    enum CodingKeys: String, CodingKey { case name = "nome", value = "valore" }
}

/// `EsitoModificaPiano`: what an edit did.
struct APIPlanEditResult: APIBody {
    static let schemaName = "EsitoModificaPiano"
    static let schemaDescription = "La modifica salvata: l'elemento e quante righe del database sono cambiate (ognuna con la sua riga nel registro)."
    static let fieldDescriptions = [
        "ente": "Codice dell'Ente.", "anno": "Anno del ciclo.", "id": "L'id dell'elemento (assente dopo un'eliminazione).",
        "esito": "La frase che dice che cosa è stato fatto.", "modifiche": "Righe aggiunte, cambiate o tolte.",
        "impronta": "L'impronta del piano dopo la modifica: da inviare con la modifica seguente.",
    ]

    var entity: String
    var year: Int
    var id: String?
    var summary: String
    var changes: Int
    var fingerprint: String

    enum CodingKeys: String, CodingKey {
        case entity = "ente", year = "anno", id, summary = "esito", changes = "modifiche", fingerprint = "impronta"
    }
}

/// `NuovoCiclo`, the body of `POST /enti`: a new Ente-year (a new Ente with its first year, or a new year).
struct APINewCycle: APIBody {
    static let schemaName = "NuovoCiclo"
    static let schemaDescription = "Un nuovo Ente-anno, anche in un database vuoto."
    static let fieldDescriptions = [
        "codice": "Codice dell'Ente (lettere, cifre, trattini).", "nome": "Nome dell'Ente (per un Ente già presente resta il suo).",
        "anno": "Anno del ciclo, come testo (2019).", "periodi": "trimestri, semestri, settembre-e-anno o solo-anno (predefinito).",
    ]

    var code: String
    var name: String?
    var year: String
    var periods: String?

    enum CodingKeys: String, CodingKey { case code = "codice", name = "nome", year = "anno", periods = "periodi" }
}

extension PlanEdit.Element: APIEnumeration {
    static var schemaValues: [String] { allCases.map(\.rawValue) }
    static var placeholder: PlanEdit.Element { .node }
}

extension PlanEdit.Operation: APIEnumeration {
    static var schemaValues: [String] { allCases.map(\.rawValue) }
    static var placeholder: PlanEdit.Operation { .create }
}
