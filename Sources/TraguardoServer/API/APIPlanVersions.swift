import Foundation
import TraguardoCore
import TraguardoStore

/// `ApprovazionePiano`, the body of `POST …/piano/approvazione`: the act that approves the plan.
struct APIPlanApproval: APIBody {
    static let schemaName = "ApprovazionePiano"
    static let schemaDescription = "L'approvazione del piano dell'Ente-anno con il suo atto; il piano è una bozza fino ad allora."
    static let fieldDescriptions = [
        "atto": "L'atto che approva il piano, come si scrive («Delibera di Consiglio n. 12 del 20/12/2018») o il codice di un atto del piano.",
    ]

    var act: String

    enum CodingKeys: String, CodingKey { case act = "atto" }
}

/// `EsitoApprovazione`: the plan approved and its act.
struct APIPlanApprovalResult: APIBody {
    static let schemaName = "EsitoApprovazione"
    static let schemaDescription = "Il piano approvato: l'atto registrato e la nuova versione del piano."
    static let fieldDescriptions = [
        "ente": "Codice dell'Ente.", "anno": "Anno del ciclo.", "atto": "Il codice dell'atto nel piano.",
        "citazione": "L'atto come lo stampano i documenti («Delibera di Consiglio n. 12 del 20/12/2018»).",
        "versione": "Il numero della versione registrata con l'approvazione.",
    ]

    var entity: String
    var year: Int
    var actID: String
    var citation: String
    var version: Int

    enum CodingKeys: String, CodingKey { case entity = "ente", year = "anno", actID = "atto", citation = "citazione", version = "versione" }
}

/// `ConfrontoPiano`, the answer of `GET …/piano/confronto`: what changed between two versions of the plan or two years.
struct APIPlanComparison: APIBody {
    static let schemaName = "ConfrontoPiano"
    static let schemaDescription = "Che cosa è cambiato fra due versioni del piano dell'Ente-anno, o fra il piano di un altro anno e questo."
    static let fieldDescriptions = [
        "titolo": "Che cosa è confrontato («lucca 2018: dalla versione 1 (…) alla versione 2 (…)»).",
        "modifiche": "Gli elementi aggiunti, eliminati o modificati, nell'ordine del piano.",
    ]

    var title: String
    var changes: [APIPlanChange]

    enum CodingKeys: String, CodingKey { case title = "titolo", changes = "modifiche" }
}

/// `ModificaElemento`: one element added, removed or changed (`PlanChange`).
struct APIPlanChange: APIBody {
    static let schemaName = "ModificaElemento"
    static let schemaDescription = "Un elemento del piano aggiunto, eliminato o modificato, con i campi cambiati."
    static let fieldDescriptions = [
        "tipo": "aggiunto, eliminato o modificato.", "elemento": "Che elemento («indicatore», «nodo dell'albero», «target» …).",
        "id": "L'id dell'elemento.", "etichetta": "Codice e titolo, per riconoscerlo.", "nodo": "Il nodo dell'albero a cui appartiene, se ne ha uno.",
        "campi": "I campi cambiati, ciascuno con il valore prima e dopo («—» se non c'era).",
        "variazione": "Vero se è una modifica del piano vero e proprio (dopo l'approvazione richiede un atto); falso per l'organizzazione.",
        "sintesi": "La frase che riassume la modifica.",
    ]

    var kind: PlanChange.Kind
    var element: String
    var id: String
    var label: String
    var nodeID: String?
    var fields: [APIPlanChangeField]
    var isPlanVariation: Bool
    var summary: String

    enum CodingKeys: String, CodingKey {
        case kind = "tipo", element = "elemento", id, label = "etichetta", nodeID = "nodo", fields = "campi"
        case isPlanVariation = "variazione", summary = "sintesi"
    }

    init(_ change: PlanChange) {
        kind = change.kind
        element = change.elementKind
        id = change.elementID
        label = change.label
        nodeID = change.nodeID
        fields = change.fields.map { APIPlanChangeField(name: $0.name, before: $0.before, after: $0.after) }
        isPlanVariation = change.isPlanVariation
        summary = change.summary
    }
}

/// `CampoCambiato`: a field before and after.
struct APIPlanChangeField: APIBody {
    static let schemaName = "CampoCambiato"
    static let schemaDescription = "Un campo cambiato: il nome e il valore prima e dopo."
    static let fieldDescriptions = ["nome": "Il nome del campo.", "prima": "Il valore prima («—» se non c'era).", "dopo": "Il valore dopo."]

    var name: String
    var before: String
    var after: String

    enum CodingKeys: String, CodingKey { case name = "nome", before = "prima", after = "dopo" }
}

extension PlanChange.Kind: APIEnumeration {
    static var schemaValues: [String] { allCases.map(\.rawValue) }
    static var placeholder: PlanChange.Kind { .added }
}

/// `RinnovoPiano`, the body of `POST …/piano/rinnovo`: the year to prepare from this one.
struct APIPlanRollover: APIBody {
    static let schemaName = "RinnovoPiano"
    static let schemaDescription = "Prepara il piano di un altro anno da questo: unità, persone, metodologia, albero e obiettivi "
        + "pluriennali; baseline dai valori effettivi dell'anno; target del nuovo anno da fissare; rilevazioni non copiate."
    static let fieldDescriptions = [
        "anno": "L'anno da preparare (per esempio 2019).",
        "sostituisci": "Facoltativo: vero per sostituire un piano già presente nell'anno (se ne perdono piano, rilevazioni e atti).",
    ]

    var year: Int
    var replace: Bool?

    enum CodingKeys: String, CodingKey { case year = "anno", replace = "sostituisci" }
}

/// `EsitoRinnovo`: what the rollover did (`PlanRollover.Summary`).
struct APIPlanRolloverResult: APIBody {
    static let schemaName = "EsitoRinnovo"
    static let schemaDescription = "Il piano del nuovo anno, una bozza: che cosa è stato ricavato e che cosa resta da fare."
    static let fieldDescriptions = [
        "ente": "Codice dell'Ente.", "anno": "L'anno preparato.", "daAnno": "L'anno da cui è stato ricavato.",
        "baselineDaEffettivi": "Gli indicatori la cui baseline è ora il valore effettivo dell'anno di partenza.",
        "baselineInvariate": "Gli indicatori senza valore effettivo da cui partire (baseline lasciata com'era).",
        "targetDaFissare": "Quanti target del nuovo anno restano da fissare.",
        "nodiLasciati": "I nodi eliminati, non ripresi nel nuovo anno.",
    ]

    var entity: String
    var year: Int
    var fromYear: Int
    var baselinesFromActuals: [String]
    var baselinesKept: [String]
    var targetsToSet: Int
    var nodesDropped: [String]

    enum CodingKeys: String, CodingKey {
        case entity = "ente", year = "anno", fromYear = "daAnno", baselinesFromActuals = "baselineDaEffettivi"
        case baselinesKept = "baselineInvariate", targetsToSet = "targetDaFissare", nodesDropped = "nodiLasciati"
    }
}
