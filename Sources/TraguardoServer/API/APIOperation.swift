import Foundation
import Hummingbird
import TraguardoCore

/// One operation of `/api/v1`: its method and path, what it answers, with which statuses. The list
/// `APIOperation.all` is both what `APIRoutes` registers (each operation with its handler) and what
/// `OpenAPIDocument` describes: a route cannot exist without its description, nor a description without its route.
struct APIOperation: Sendable {
    enum Name: String, Sendable, CaseIterable {
        case plan = "leggiPiano", measurements = "leggiRilevazioni", scores = "leggiPunteggi", postMeasurement = "inserisciRilevazione"
        case editPlan = "modificaPiano", createCycle = "creaCiclo"
        case approvePlan = "approvaPiano", comparePlan = "confrontaPiano", rolloverPlan = "rinnovaPiano"
        case planProposals = "leggiProposte", proposePlanChange = "proponiModificaPiano", acceptProposal = "accettaProposta"
        case refuseProposal = "rifiutaProposta"
    }

    /// What a body is: a JSON object of an `APIBody` type, an array of them, or the plan file.
    enum Body: Sendable {
        case one(any APIBody.Type)
        case list(any APIBody.Type)
        case planFile
    }

    struct Query: Sendable {
        var name: String
        var description: String
    }

    var name: Name
    var method: HTTPRequest.Method
    /// OpenAPI form, under `/api/v1`: `/enti/{ente}/{anno}/piano`.
    var path: String
    /// What the token's user needs to call the operation: an action of the core's permission table, checked before
    /// the body is read or the plan loaded (`APIRoutes.register`), as the pages' routes declare theirs.
    var access: RouteAccess
    var summary: String
    var description: String?
    var query: [Query] = []
    var request: Body?
    var response: Body
    /// The refusals the operation may answer, each with an `Errore` body, and why.
    var refusals: [(status: HTTPResponse.Status, reason: String)]

    /// The path in the router's form: `enti/:ente/:anno/piano`.
    var routerPath: String {
        path.split(separator: "/").map { $0.hasPrefix("{") ? ":" + $0.dropFirst().dropLast() : String($0) }.joined(separator: "/")
    }

    static let all: [APIOperation] = [
        APIOperation(
            name: .plan, method: .get, path: "/enti/{ente}/{anno}/piano",
            access: .action(.viewPlan),
            summary: "Il piano dell'Ente-anno nel formato del file piano (traguardo/1).",
            description: "Organizzazione, periodi, metodologia, albero con indicatori, item, target e rilevazioni, obiettivi, "
                + "risorse: lo stesso JSON di «traguardo export --format json», con le chiavi descritte in docs/formato-piano.md.",
            response: .planFile, refusals: readRefusals),
        APIOperation(
            name: .measurements, method: .get, path: "/enti/{ente}/{anno}/rilevazioni",
            access: .action(.viewPlan),
            summary: "Le rilevazioni dell'Ente-anno.", response: .list(APIMeasurement.self), refusals: readRefusals),
        APIOperation(
            name: .scores, method: .get, path: "/enti/{ente}/{anno}/punteggi",
            access: .action(.viewPlan),
            summary: "I punteggi dell'Ente-anno per un periodo (predefinito l'ultimo dell'anno).",
            query: [Query(name: "periodo", description: "Codice del periodo (ANNO, T2 …).")],
            response: .one(ScoreListing.self),
            refusals: readRefusals.map { $0.status == .notFound ? ($0.status, "Ciclo o periodo inesistente.") : $0 }),
        APIOperation(
            name: .postMeasurement, method: .post, path: "/enti/{ente}/{anno}/rilevazioni",
            access: .action(.enterMeasurement),
            summary: "Inserisce o modifica la rilevazione di un item in un periodo aperto.",
            description: "Consentito a chi può inserire le rilevazioni dell'ufficio responsabile dell'item (il suo ufficio, l'area "
                + "del dirigente, il controllo di gestione, l'amministratore); mai all'OIV né al lettore.",
            request: .one(APIMeasurementPost.self), response: .one(APIMeasurementResult.self),
            refusals: [
                (.badRequest, "Anno non valido (non un numero intero da 1 a 9999) o corpo JSON non valido."),
                (.unauthorized, "Token assente o non valido."),
                (.forbidden, "Ruolo senza il permesso, Ente non accessibile, item di un altro ufficio o periodo chiuso."),
                (.notFound, "Ciclo, item o periodo inesistente."),
                (.conflict, "Valori dell'ufficio validati dall'OIV: per cambiarli il controllo di gestione deve prima riaprirli con un motivo."),
                (.unprocessableContent, "Valore non leggibile o dati mancanti (per esempio il motivo di un N.C.)."),
            ]),
        APIOperation(
            name: .editPlan, method: .post, path: "/enti/{ente}/{anno}/piano/modifiche",
            access: .action(.editPlan),
            summary: "Crea, modifica, sposta o elimina un elemento del piano dell'Ente-anno.",
            description: "Le stesse modifiche dell'editor del piano, lette con le regole del file piano; tutto o niente: con un errore "
                + "nulla è salvato. Consentito al controllo di gestione e all'amministratore, con un token di scrittura.",
            request: .one(APIPlanEdit.self), response: .one(APIPlanEditResult.self),
            refusals: [
                (.badRequest, "Anno non valido o corpo JSON non valido."),
                (.unauthorized, "Token assente o non valido."),
                (.forbidden, "Ruolo senza il permesso, token di sola lettura o Ente non accessibile."),
                (.notFound, "Ciclo inesistente."),
                (.conflict, "Il piano è cambiato dopo l'«impronta» inviata: nulla è salvato."),
                (.unprocessableContent, "Campi sbagliati: ogni errore con il campo, il valore trovato e ciò che si attende."),
            ]),
        APIOperation(
            name: .createCycle, method: .post, path: "/enti",
            access: .action(.editPlan),
            summary: "Crea un nuovo Ente-anno (un nuovo Ente con il primo anno, o un nuovo anno di un Ente).",
            description: "Consentito al controllo di gestione e all'amministratore, con un token di scrittura; un utente limitato a un "
                + "Ente aggiunge solo anni di quell'Ente.",
            request: .one(APINewCycle.self), response: .one(APIPlanEditResult.self),
            refusals: [
                (.badRequest, "Corpo JSON non valido."),
                (.unauthorized, "Token assente o non valido."),
                (.forbidden, "Ruolo senza il permesso, token di sola lettura o Ente non accessibile."),
                (.unprocessableContent, "Campi sbagliati o anno già presente."),
            ]),
        APIOperation(
            name: .approvePlan, method: .post, path: "/enti/{ente}/{anno}/piano/approvazione",
            access: .action(.managePlan),
            summary: "Approva il piano dell'Ente-anno con il suo atto (come «traguardo approve»).",
            description: "Il piano è una bozza fino all'approvazione; dopo, ogni modifica è una variazione che cita il suo atto. "
                + "Consentito al controllo di gestione e all'amministratore, con un token di scrittura.",
            request: .one(APIPlanApproval.self), response: .one(APIPlanApprovalResult.self),
            refusals: [
                (.badRequest, "Anno non valido o corpo JSON non valido."),
                (.unauthorized, "Token assente o non valido."),
                (.forbidden, "Ruolo senza il permesso, token di sola lettura o Ente non accessibile."),
                (.notFound, "Ciclo inesistente."),
                (.unprocessableContent, "Atto non leggibile o piano già approvato: nulla è salvato."),
            ]),
        APIOperation(
            name: .comparePlan, method: .get, path: "/enti/{ente}/{anno}/piano/confronto",
            access: .action(.viewPlan),
            summary: "Che cosa è cambiato fra due versioni del piano dell'Ente-anno, o fra il piano di un altro anno e questo (come «traguardo diff»).",
            description: "Senza parametri: le ultime due versioni. Le versioni si indicano col numero (1, 2 …) o con la data (2018-12-20).",
            query: [
                Query(name: "da", description: "La versione di partenza (predefinita la penultima)."),
                Query(name: "a", description: "La versione di arrivo (predefinita l'ultima)."),
                Query(name: "altroAnno", description: "Un altro anno dell'Ente: confronta il suo piano con questo (per gli obiettivi pluriennali)."),
            ],
            response: .one(APIPlanComparison.self),
            refusals: [
                (.badRequest, "Anno del percorso non valido."),
                (.unauthorized, "Token assente o non valido."),
                (.forbidden, "Ruolo senza il permesso di lettura o Ente non accessibile all'utente."),
                (.notFound, "Ciclo, altro anno o versione inesistente, o piano senza versioni."),
                (.unprocessableContent, "«altroAnno» non è un anno o una versione non è leggibile (né un numero né una data)."),
            ]),
        APIOperation(
            name: .rolloverPlan, method: .post, path: "/enti/{ente}/{anno}/piano/rinnovo",
            access: .action(.managePlan),
            summary: "Prepara il piano di un altro anno da quello dell'Ente-anno (come «traguardo rollover»).",
            description: "Rifiutato, con il motivo, se l'anno ha già un piano, salvo «sostituisci». Consentito al controllo di gestione e "
                + "all'amministratore, con un token di scrittura.",
            request: .one(APIPlanRollover.self), response: .one(APIPlanRolloverResult.self),
            refusals: [
                (.badRequest, "Anno non valido o corpo JSON non valido."),
                (.unauthorized, "Token assente o non valido."),
                (.forbidden, "Ruolo senza il permesso, token di sola lettura o Ente non accessibile."),
                (.notFound, "Ciclo inesistente."),
                (.unprocessableContent, "Anno da preparare non valido o già con un piano (senza «sostituisci»): nulla è salvato."),
            ]),
        // Issue 17: a dirigente's proposals of changes to his own area, and the controller's decision.
        APIOperation(
            name: .planProposals, method: .get, path: "/enti/{ente}/{anno}/piano/proposte",
            access: .anyOf([.editPlan, .proposePlanChange]),
            summary: "Le proposte di modifica del piano dell'Ente-anno, dalla più recente.",
            description: "Al controllo di gestione e all'amministratore tutte; a un dirigente le proprie, con il loro esito.",
            response: .list(APIPlanProposal.self),
            refusals: readRefusals.map { $0.status == .forbidden ? ($0.status, "Ruolo che non propone né decide proposte, o Ente non accessibile.") : $0 }),
        APIOperation(
            name: .proposePlanChange, method: .post, path: "/enti/{ente}/{anno}/piano/proposte",
            access: .action(.proposePlanChange),
            summary: "Propone una modifica della propria area del piano (un dirigente).",
            description: "La modifica è letta con le regole dell'editor del piano e deve toccare solo gli elementi dell'area del dirigente "
                + "(l'unità del suo utente, le unità sotto di essa e ciò che possiedono); è conservata in attesa della decisione del "
                + "controllo di gestione. Consentito ai dirigenti, con un token di scrittura.",
            request: .one(APIPlanProposalPost.self), response: .one(APIPlanProposal.self),
            refusals: [
                (.badRequest, "Anno non valido o corpo JSON non valido."),
                (.unauthorized, "Token assente o non valido."),
                (.forbidden, "Ruolo senza il permesso, token di sola lettura, Ente non accessibile o utente senza unità nel piano."),
                (.notFound, "Ciclo inesistente."),
                (.conflict, "Il piano è cambiato dopo l'«impronta» inviata: nulla è conservato."),
                (.unprocessableContent, "Campi sbagliati o modifica fuori dall'area del dirigente."),
            ]),
        APIOperation(
            name: .acceptProposal, method: .post, path: "/enti/{ente}/{anno}/piano/proposte/{numero}/accetta",
            access: .action(.editPlan),
            summary: "Accetta una proposta: la modifica è applicata al piano.",
            description: "Applicata al piano com'è ora con le stesse regole delle modifiche del controllo di gestione (con l'atto se il piano "
                + "è approvato); una proposta fatta su un piano poi cambiato in ciò che modifica non si applica più: è rifiutata con il "
                + "motivo (409). Nessuno accetta una propria proposta. Consentito al controllo di gestione e all'amministratore.",
            request: .one(APIProposalAcceptance.self), response: .one(APIPlanProposal.self),
            refusals: [
                (.badRequest, "Anno o numero non validi, o corpo JSON non valido."),
                (.unauthorized, "Token assente o non valido."),
                (.forbidden, "Ruolo senza il permesso, token di sola lettura, Ente non accessibile o proposta propria."),
                (.notFound, "Ciclo o proposta inesistenti."),
                (.conflict, "Proposta già decisa, o che non si applica più al piano (ora rifiutata con il motivo)."),
                (.unprocessableContent, "Atto mancante o non leggibile per un piano approvato, o modifica non più valida."),
            ]),
        APIOperation(
            name: .refuseProposal, method: .post, path: "/enti/{ente}/{anno}/piano/proposte/{numero}/rifiuta",
            access: .action(.editPlan),
            summary: "Rifiuta una proposta, con il motivo.",
            description: "Chi ha proposto vede il motivo. Nessuno rifiuta una propria proposta. Consentito al controllo di gestione e all'amministratore.",
            request: .one(APIProposalRefusal.self), response: .one(APIPlanProposal.self),
            refusals: [
                (.badRequest, "Anno o numero non validi, o corpo JSON non valido."),
                (.unauthorized, "Token assente o non valido."),
                (.forbidden, "Ruolo senza il permesso, token di sola lettura, Ente non accessibile o proposta propria."),
                (.notFound, "Ciclo o proposta inesistenti."),
                (.conflict, "Proposta già decisa."),
                (.unprocessableContent, "Motivo mancante o troppo lungo."),
            ]),
    ]

    /// The years a path may name; any other text is refused with 400.
    static let years = 1...9999

    static let readRefusals: [(status: HTTPResponse.Status, reason: String)] = [
        (.badRequest, "Anno non valido: non un numero intero da 1 a 9999."),
        (.unauthorized, "Token assente o non valido."),
        (.forbidden, "Ruolo senza il permesso di lettura o Ente non accessibile all'utente."),
        (.notFound, "Ciclo inesistente."),
    ]
}
