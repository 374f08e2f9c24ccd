import TraguardoCore

/// One column of a plan workbook sheet: its Italian heading, the key of the plan file it holds (a dotted path
/// inside the row's record, as `fonte.documento`), and what kind of value it takes.
struct PlanColumn: Sendable {
    enum Kind: Sendable, Equatable {
        /// A text (codes included: written with the text format, so `007` and `1.1` stay as typed).
        case text
        /// A number (the plan file's decimal): a number cell, or an Italian number as text («1.418.965,00»).
        case number
        /// A whole number (a year, a count).
        case integer
        /// A date: a date cell, or a text as «07/03/2013» or 2013-03-07.
        case date
        /// Vero o falso.
        case boolean
        /// One of the values of an enumeration of the core (a drop-down list in the sheet).
        case choice([String])
        /// Several texts, one per line of the cell.
        case list
        /// A nested part of the plan file written as YAML text (rules of a methodology, derived scores).
        case yaml
        /// The code of the row this row belongs to (its parent in another sheet or in the same one): not a key of
        /// the record, it says where the record goes.
        case link
    }

    var heading: String
    var key: String
    var kind: Kind
    var help: String

    init(_ heading: String, _ key: String, _ kind: Kind = .text, _ help: String) {
        self.heading = heading
        self.key = key
        self.kind = kind
        self.help = help
    }

    static func choice<E: RawRepresentable & CaseIterable>(_ heading: String, _ key: String, _ type: E.Type, _ help: String) -> PlanColumn
        where E.RawValue == String
    {
        PlanColumn(heading, key, .choice(type.allCases.map(\.rawValue)), help)
    }

    static func link(_ heading: String, _ help: String) -> PlanColumn { PlanColumn(heading, "", .link, help) }
}

/// Where the rows of a sheet go in the plan file: into the list `key` of the root record (`parent` nil), or of
/// the row of sheet `parent` whose identity the row's `links` columns give. A row takes the first place whose
/// `required` links are all filled; a place without links takes the rows whose links are all empty.
struct PlanListPlace: Sendable {
    var parent: String?
    var links: [String]
    var required: [String]
    var key: String

    static func root(_ key: String) -> PlanListPlace { PlanListPlace(parent: nil, links: [], required: [], key: key) }

    static func under(_ parent: String, _ links: [String], required: [String]? = nil, key: String) -> PlanListPlace {
        PlanListPlace(parent: parent, links: links, required: required ?? links, key: key)
    }
}

/// One sheet of the plan workbook: one kind of record of the plan file.
struct PlanSheet: Sendable {
    enum Placement: Sendable {
        /// The single row's columns are keys of the root record (the Ente and its year; the methodology).
        case root(required: Bool)
        case lists([PlanListPlace])
    }

    var name: String
    var about: String
    var placement: Placement
    var columns: [PlanColumn]
    /// The headings whose values, together, name a row for the rows of other sheets that belong to it.
    var identity: [String] = []

    func column(_ heading: String) -> Int? { columns.firstIndex { $0.heading == heading } }
}

/// The sheets of the plan workbook, in tab order: every list of the plan file (`docs/formato-piano.md`) has its
/// sheet, so a workbook holds all a plan file holds. Headings are Italian; keys are the plan file's.
enum PlanWorkbookLayout {
    static let instructionsSheet = "Istruzioni"
    static let listsSheet = "Elenchi"

    private static func source(_ prefix: String = "") -> [PlanColumn] {
        [
            PlanColumn("Fonte documento", prefix + "fonte.documento", .text, "il documento da cui il dato è tratto"),
            PlanColumn("Fonte righe", prefix + "fonte.righe", .text, "le righe del documento (per esempio 750-756)"),
        ]
    }

    private static let declared: [PlanColumn] = [
        PlanColumn("Dichiarato %", "dichiarato.percentuale", .number, "la percentuale stampata nel documento dell'Ente, per il confronto"),
        PlanColumn("Dichiarato testo", "dichiarato.testo", .text, "il giudizio stampato nel documento"),
        PlanColumn("Dichiarato punti", "dichiarato.punti", .number, "i punti stampati nel documento"),
    ]

    private static let indicatorOwner: [PlanColumn] = [
        .link("Nodo", "il codice del nodo dell'albero a cui appartiene l'indicatore (vuoto se è di un obiettivo)"),
        .link("Obiettivo", "il codice dell'obiettivo di Ente o individuale a cui appartiene l'indicatore (vuoto se è di un nodo)"),
    ]

    static let sheets: [PlanSheet] = [
        PlanSheet(
            name: "Ente", about: "L'Ente e l'anno del ciclo: una sola riga.", placement: .root(required: true),
            columns: [
                PlanColumn("Codice", "ente.codice", .text, "il codice dell'Ente (per esempio lucca)"),
                PlanColumn("Nome", "ente.nome", .text, "il nome dell'Ente"),
                PlanColumn("Nome breve", "ente.nome_breve", .text, "il nome breve"),
                .choice("Tipo", "ente.tipo", EntityKind.self, "il tipo di Ente"),
                .choice("Stato", "ente.stato", EntityStatus.self, "lo stato dell'Ente"),
                PlanColumn("Codice fiscale", "ente.codice_fiscale", .text, "il codice fiscale"),
                PlanColumn("Istituito il", "ente.istituito_il", .date, "la data di istituzione"),
                PlanColumn("Accorpato da", "ente.accorpato_da", .list, "i codici degli Enti accorpati, uno per riga della cella"),
                PlanColumn("Sito", "ente.sito", .text, "il sito web"),
                PlanColumn("Santo patrono", "ente.patrono.santo", .text, "il santo patrono (giorno di chiusura)"),
                PlanColumn("Giorno patrono", "ente.patrono.giorno", .integer, "il giorno della festa del patrono"),
                PlanColumn("Mese patrono", "ente.patrono.mese", .integer, "il mese della festa del patrono"),
            ] + source("ente.") + [
                PlanColumn("Anno", "anno", .integer, "l'anno del ciclo (per esempio 2018)"),
                PlanColumn("Orizzonte da", "orizzonte.da", .integer, "primo anno del piano pluriennale"),
                PlanColumn("Orizzonte a", "orizzonte.a", .integer, "ultimo anno del piano pluriennale"),
                .choice("Stato del ciclo", "stato_ciclo", CycleStatus.self, "lo stato del ciclo dell'anno"),
                PlanColumn("Enti componenti", "enti_componenti", .list, "per un Ente nato da un accorpamento: i codici degli Enti d'origine, uno per riga"),
            ]),
        PlanSheet(
            name: "Chiusure", about: "I giorni di chiusura dell'Ente oltre ai festivi.", placement: .lists([.root("ente.chiusure")]),
            columns: [
                PlanColumn("Data", "data", .date, "il giorno di chiusura"),
                PlanColumn("Motivo", "motivo", .text, "perché l'Ente è chiuso"),
            ]),
        PlanSheet(
            name: "Periodi", about: "I periodi di monitoraggio dell'anno, nell'ordine.", placement: .lists([.root("periodi")]),
            columns: [
                PlanColumn("Codice", "codice", .text, "il codice del periodo (per esempio 2018-12-31)"),
                PlanColumn("Nome", "nome", .text, "il nome del periodo"),
                .choice("Tipo", "tipo", PeriodKind.self, "il tipo di periodo"),
                PlanColumn("Inizio", "inizio", .date, "il primo giorno"),
                PlanColumn("Fine", "fine", .date, "l'ultimo giorno"),
                .choice("Stato", "stato", PeriodStatus.self, "aperto o chiuso"),
            ]),
        PlanSheet(
            name: "Unità", about: "Le unità organizzative (aree, uffici…): ogni unità dopo o prima della sua unità superiore.",
            placement: .lists([.root("unita"), .under("Unità", ["Unità superiore"], key: "unita")]),
            columns: [
                PlanColumn("Codice", "codice", .text, "il codice dell'unità"),
                .link("Unità superiore", "il codice dell'unità di cui fa parte (vuoto per le unità di primo livello)"),
                PlanColumn("Nome", "nome", .text, "il nome dell'unità"),
                .choice("Tipo", "tipo", UnitKind.self, "il tipo di unità"),
            ] + source(),
            identity: ["Codice"]),
        PlanSheet(
            name: "Persone", about: "Le persone: dirigenti, responsabili, referenti.", placement: .lists([.root("persone")]),
            columns: [
                PlanColumn("Codice", "codice", .text, "il codice della persona"),
                PlanColumn("Nome", "nome", .text, "nome e cognome"),
                PlanColumn("Titolo", "titolo", .text, "il titolo (Dott., Dott.ssa…)"),
                PlanColumn("Email", "email", .text, "l'indirizzo di posta elettronica"),
            ] + source(),
            identity: ["Codice"]),
        PlanSheet(
            name: "Ruoli", about: "Chi ricopre quale ruolo in quale unità.",
            placement: .lists([.under("Persone", ["Persona"], key: "ruoli")]),
            columns: [
                .link("Persona", "il codice della persona (foglio Persone)"),
                .choice("Ruolo", "ruolo", OrganisationalRole.self, "il ruolo"),
                PlanColumn("Unità", "unita", .text, "il codice dell'unità (foglio Unità)"),
                PlanColumn("Facente funzione", "facente_funzione", .boolean, "VERO se ricopre il ruolo come facente funzione"),
                PlanColumn("Dal", "dal", .integer, "primo anno"),
                PlanColumn("Al", "al", .integer, "ultimo anno"),
            ]),
        PlanSheet(
            name: "Livelli", about: "I livelli dell'albero della performance dell'Ente e lo schema dei loro codici.",
            placement: .lists([.root("livelli")]),
            columns: [
                PlanColumn("Livello", "livello", .integer, "la profondità (1 per le aree strategiche)"),
                .choice("Tipo", "tipo", PlanNodeKind.self, "il tipo di nodo del livello"),
                PlanColumn("Etichetta", "etichetta", .text, "come l'Ente chiama il livello"),
                PlanColumn("Schema codice", "schema_codice", .text, "lo schema dei codici"),
                PlanColumn("Esempio", "esempio", .text, "un codice d'esempio"),
            ]),
        PlanSheet(
            name: "Metodologia", about: "La metodologia (SMVP) dell'anno: una riga, o nessuna.", placement: .root(required: false),
            columns: [
                PlanColumn("Versione", "metodologia.versione", .integer, "il numero di versione"),
                PlanColumn("Atto", "metodologia.atto", .text, "il codice dell'atto che l'adotta (foglio Atti)"),
                PlanColumn("Preset", "metodologia.preset", .text, "il nome di una metodologia predefinita (per esempio lucca-2018)"),
                PlanColumn("Regole", "metodologia.regole", .yaml, "le regole per intero, in YAML, quando non si usa un preset"),
            ]),
        PlanSheet(
            name: "Albero", about: "L'albero della performance: aree strategiche, obiettivi strategici, programmi, progetti…",
            placement: .lists([.root("albero"), .under("Albero", ["Padre"], key: "figli")]),
            columns: [
                PlanColumn("Codice", "codice", .text, "il codice del nodo, unico nell'Ente-anno"),
                .link("Padre", "il codice del nodo padre (vuoto per le aree strategiche)"),
                .choice("Tipo", "tipo", PlanNodeKind.self, "il tipo di nodo"),
                PlanColumn("Titolo", "titolo", .text, "il titolo"),
                PlanColumn("Descrizione", "descrizione", .text, "la descrizione"),
                PlanColumn("Unità responsabile", "responsabile_unita", .text, "il codice dell'unità responsabile (foglio Unità)"),
                PlanColumn("Persona responsabile", "responsabile_persona", .text, "il codice della persona responsabile (foglio Persone)"),
                PlanColumn("Missione", "missione", .text, "la missione (D.M. 27/03/2013)"),
                PlanColumn("Programma", "programma", .text, "il programma della missione"),
                PlanColumn("Prospettiva", "prospettiva", .text, "la prospettiva (Balanced Scorecard)"),
                PlanColumn("Arco temporale", "arco_temporale", .text, "l'arco temporale (per esempio 2018-2020)"),
                .choice("Stato", "stato", NodeStatus.self, "lo stato del nodo"),
                PlanColumn("Peso", "peso", .number, "il peso nel livello superiore"),
            ] + declared + source(),
            identity: ["Codice"]),
        PlanSheet(
            name: "Risorse", about: "Le risorse di bilancio di ogni nodo: proventi, oneri, investimenti.",
            placement: .lists([.under("Albero", ["Nodo"], key: "risorse")]),
            columns: [
                .link("Nodo", "il codice del nodo (foglio Albero)"),
                PlanColumn("Anno", "anno", .integer, "l'anno"),
                .choice("Tipo", "tipo", ResourceKind.self, "proventi, oneri o investimenti"),
                .choice("Fase", "fase", BudgetPhase.self, "preventivo, aggiornato o consuntivo"),
                PlanColumn("Importo", "importo", .number, "l'importo in euro"),
                PlanColumn("Nota", "nota", .text, "una nota"),
            ] + source()),
        PlanSheet(
            name: "Conti", about: "Le righe dei conti: dell'Ente (Nodo vuoto) o di un nodo.",
            placement: .lists([.root("conti"), .under("Albero", ["Nodo"], key: "conti")]),
            columns: [
                .link("Nodo", "il codice del nodo (foglio Albero); vuoto per i conti dell'Ente"),
                PlanColumn("Codice", "codice", .text, "il codice del conto"),
                PlanColumn("Conto padre", "padre", .text, "il codice del conto superiore"),
                PlanColumn("Descrizione", "descrizione", .text, "la descrizione del conto"),
                .choice("Natura", "natura", AccountNature.self, "la natura"),
                .choice("Colonna", "colonna", AccountColumn.self, "la colonna del prospetto"),
                .choice("Fase", "fase", BudgetPhase.self, "preventivo, aggiornato o consuntivo"),
                PlanColumn("Centro di costo", "centro_di_costo", .text, "il centro di costo"),
                PlanColumn("Importo", "importo", .number, "l'importo in euro"),
            ] + source()),
        PlanSheet(
            name: "Obiettivi", about: "Gli obiettivi di Ente e individuali, con i nodi dell'albero a cui si collegano.",
            placement: .lists([.root("obiettivi")]),
            columns: [
                PlanColumn("Codice", "codice", .text, "il codice dell'obiettivo"),
                .choice("Tipo", "tipo", ObjectiveKind.self, "di Ente o individuale"),
                PlanColumn("Titolo", "titolo", .text, "il titolo"),
                PlanColumn("Descrizione", "descrizione", .text, "la descrizione"),
                PlanColumn("Dirigente", "dirigente", .text, "il codice del dirigente (foglio Persone)"),
                PlanColumn("Unità", "unita", .text, "il codice dell'unità (foglio Unità)"),
                PlanColumn("Assegnato da", "assegnato_da", .text, "il codice dell'atto che l'assegna (foglio Atti)"),
                PlanColumn("Peso", "peso", .number, "il peso"),
            ] + declared + source() + [
                PlanColumn("Nodi collegati", "collegamenti.nodi", .list, "i codici dei nodi dell'albero, uno per riga"),
                PlanColumn("Obiettivi collegati", "collegamenti.obiettivi", .list, "i codici di altri obiettivi, uno per riga"),
            ],
            identity: ["Codice"]),
        PlanSheet(
            name: "Indicatori", about: "Gli indicatori, di un nodo (colonna Nodo) o di un obiettivo (colonna Obiettivo).",
            placement: .lists([.under("Albero", ["Nodo"], key: "indicatori"), .under("Obiettivi", ["Obiettivo"], key: "indicatori")]),
            columns: indicatorOwner + [
                PlanColumn("Codice", "codice", .text, "il codice dell'indicatore, unico nel suo nodo o obiettivo"),
                PlanColumn("Nome", "nome", .text, "il nome"),
                PlanColumn("Descrizione", "descrizione", .text, "la descrizione"),
                .choice("Tipologia", "tipologia", IndicatorType.self, "la tipologia"),
                .choice("Regola", "regola", ScoringRuleKind.self, "la regola di calcolo della % di realizzazione"),
                .choice("Comparatore", "comparatore", Comparator.self, "il confronto con il target"),
                .choice("Polarità", "polarita", Polarity.self, "se è meglio un valore più alto o più basso"),
                PlanColumn("Unità di misura", "unita_misura", .text, "l'unità di misura"),
                PlanColumn("Algoritmo", "algoritmo", .text, "la formula"),
                PlanColumn("Numeratore", "numeratore", .text, "che cosa è al numeratore"),
                PlanColumn("Denominatore", "denominatore", .text, "che cosa è al denominatore"),
                PlanColumn("Fonte dei dati", "fonte_dati", .text, "da dove vengono i dati"),
                .choice("Frequenza", "frequenza", MeasurementFrequency.self, "ogni quanto si rileva"),
                PlanColumn("Baseline valore", "baseline.valore", .number, "il valore di partenza"),
                PlanColumn("Baseline anno", "baseline.anno", .integer, "l'anno del valore di partenza"),
                PlanColumn("Baseline testo", "baseline.testo", .text, "il valore di partenza come testo"),
                PlanColumn("Peso", "peso", .number, "il peso"),
                PlanColumn("Ufficio", "ufficio", .text, "il codice dell'unità che rileva (foglio Unità)"),
                PlanColumn("Derivato da", "derivato_da", .yaml, "per un indicatore calcolato da altri elementi: la regola, in YAML"),
            ] + declared + source(),
            identity: ["Nodo", "Obiettivo", "Codice"]),
        PlanSheet(
            name: "Target", about: "I target di ogni indicatore per anno (e periodo).",
            placement: .lists([.under("Indicatori", ["Nodo", "Obiettivo", "Indicatore"], required: ["Indicatore"], key: "target")]),
            columns: indicatorOwner + [
                .link("Indicatore", "il codice dell'indicatore (foglio Indicatori)"),
                PlanColumn("Anno", "anno", .integer, "l'anno del target"),
                PlanColumn("Periodo", "periodo", .text, "il codice del periodo (foglio Periodi), se il target è di un periodo"),
                PlanColumn("Applicabile", "applicabile", .boolean, "FALSO se il target non si applica nell'anno"),
                .choice("Comparatore", "comparatore", Comparator.self, "il confronto"),
                PlanColumn("Valore", "valore", .number, "il valore del target"),
                PlanColumn("Secondo valore", "secondo_valore", .number, "il secondo estremo di un intervallo"),
                PlanColumn("Scadenza", "scadenza", .date, "la data entro cui"),
                PlanColumn("Testo", "testo", .text, "il target come testo"),
            ]),
        PlanSheet(
            name: "Item", about: "Gli item misurati di ogni indicatore: le righe che si rilevano.",
            placement: .lists([.under("Indicatori", ["Nodo", "Obiettivo", "Indicatore"], required: ["Indicatore"], key: "item")]),
            columns: indicatorOwner + [
                .link("Indicatore", "il codice dell'indicatore (foglio Indicatori)"),
                PlanColumn("Codice", "codice", .text, "il codice dell'item, unico nell'indicatore"),
                PlanColumn("Descrizione", "descrizione", .text, "la descrizione"),
                .choice("Comparatore", "comparatore", Comparator.self, "il confronto con il target"),
                PlanColumn("Valore target", "valore_target", .number, "il target"),
                PlanColumn("Scadenza", "scadenza", .date, "la data entro cui"),
                PlanColumn("Testo target", "testo_target", .text, "il target come testo"),
                PlanColumn("Unità di misura", "unita_misura", .text, "l'unità di misura"),
                .choice("Regola", "regola", ScoringRuleKind.self, "la regola di calcolo"),
                PlanColumn("Peso", "peso", .number, "il peso nell'indicatore"),
                PlanColumn("Ufficio", "ufficio", .text, "il codice dell'unità che rileva (foglio Unità)"),
            ] + source(),
            identity: ["Nodo", "Obiettivo", "Indicatore", "Codice"]),
        PlanSheet(
            name: "Rilevazioni", about: "I valori rilevati di ogni item per periodo.",
            placement: .lists([.under("Item", ["Nodo", "Obiettivo", "Indicatore", "Item"], required: ["Indicatore", "Item"], key: "rilevazioni")]),
            columns: indicatorOwner + [
                .link("Indicatore", "il codice dell'indicatore"),
                .link("Item", "il codice dell'item (foglio Item)"),
                PlanColumn("Periodo", "periodo", .text, "il codice del periodo (foglio Periodi)"),
                PlanColumn("Valore", "valore", .number, "il valore rilevato"),
                PlanColumn("Data", "data", .date, "la data rilevata"),
                PlanColumn("Fatto", "fatto", .boolean, "VERO se l'attività è stata fatta"),
                PlanColumn("Numeratore", "numeratore", .number, "il numeratore"),
                PlanColumn("Denominatore", "denominatore", .number, "il denominatore"),
                PlanColumn("Testo", "testo", .text, "il valore come testo"),
                PlanColumn("Motivo N.C.", "nc", .text, "perché il valore non è computabile"),
                PlanColumn("Scostamento giustificato", "scostamento_giustificato", .text, "la giustificazione dello scostamento"),
                PlanColumn("Forzatura punteggio", "forzatura.punteggio", .number, "il punteggio forzato"),
                PlanColumn("Forzatura motivo", "forzatura.motivo", .text, "il motivo della forzatura"),
                PlanColumn("Forzatura approvata da", "forzatura.approvato_da", .text, "chi l'ha approvata"),
                PlanColumn("Narrativa", "narrativa", .text, "il commento"),
                PlanColumn("Evidenze", "evidenze", .list, "le evidenze, una per riga"),
                PlanColumn("Autore", "autore", .text, "chi ha registrato il valore"),
                PlanColumn("Registrato il", "registrato_il", .text, "quando (per esempio 2014-01-31T10:00:00Z)"),
            ] + source()),
        PlanSheet(
            name: "Carta dei servizi", about: "Gli standard della Carta dei servizi.", placement: .lists([.root("carta_dei_servizi")]),
            columns: [
                PlanColumn("Codice", "codice", .text, "il codice dello standard"),
                PlanColumn("Sezione", "sezione", .text, "la sezione della Carta"),
                PlanColumn("Gruppo", "gruppo", .text, "il gruppo"),
                PlanColumn("Processo", "processo", .text, "il processo"),
                PlanColumn("Uffici", "uffici", .list, "gli uffici, uno per riga"),
                PlanColumn("Indicatore", "indicatore", .text, "l'indicatore"),
                PlanColumn("Standard giorni", "standard_giorni", .number, "lo standard in giorni lavorativi"),
                PlanColumn("Standard testo", "standard_testo", .text, "lo standard come testo (per esempio «a vista»)"),
            ] + source(),
            identity: ["Codice"]),
        PlanSheet(
            name: "Risultati carta", about: "Il rispetto degli standard della Carta, per anno.",
            placement: .lists([.under("Carta dei servizi", ["Standard"], key: "risultati")]),
            columns: [
                .link("Standard", "il codice dello standard (foglio Carta dei servizi)"),
                PlanColumn("Anno", "anno", .integer, "l'anno"),
                PlanColumn("Giorni rilevati", "giorni_rilevati", .number, "i giorni rilevati"),
                PlanColumn("Testo rilevato", "testo_rilevato", .text, "il risultato come testo"),
                PlanColumn("Casi totali", "casi_totali", .integer, "i casi trattati"),
                PlanColumn("Casi entro standard", "casi_entro_standard", .integer, "i casi entro lo standard"),
                PlanColumn("Motivo N.C.", "nc", .text, "perché non è computabile"),
                PlanColumn("Scostamento giustificato", "scostamento_giustificato", .boolean, "VERO se lo scostamento è giustificato"),
                .choice("Esito", "esito", ServiceOutcome.self, "l'esito"),
                PlanColumn("Nota", "nota", .text, "una nota"),
            ] + declared + source()),
        PlanSheet(
            name: "Procedimenti", about: "I procedimenti monitorati.", placement: .lists([.root("procedimenti")]),
            columns: [
                PlanColumn("Codice", "codice", .text, "il codice del procedimento"),
                PlanColumn("Nome", "nome", .text, "il nome"),
                PlanColumn("Ambito", "ambito", .text, "l'ambito"),
                PlanColumn("Coordinatori", "coordinatori", .list, "i coordinatori, uno per riga"),
                PlanColumn("Risultato atteso", "risultato_atteso", .text, "il risultato atteso"),
                PlanColumn("Sistema di controllo", "sistema_di_controllo", .text, "come si controlla"),
                .choice("Comparatore", "comparatore", Comparator.self, "il confronto con il target"),
                PlanColumn("Valore target", "valore_target", .number, "il target"),
                PlanColumn("Fonti", "fonti", .list, "le fonti, una per riga"),
            ] + source(),
            identity: ["Codice"]),
        PlanSheet(
            name: "Risultati procedimenti", about: "I risultati dei procedimenti monitorati, per anno.",
            placement: .lists([.under("Procedimenti", ["Procedimento"], key: "risultati")]),
            columns: [
                .link("Procedimento", "il codice del procedimento (foglio Procedimenti)"),
                PlanColumn("Anno", "anno", .integer, "l'anno"),
                PlanColumn("Valore", "valore", .number, "il valore"),
                PlanColumn("Punteggio", "punteggio", .number, "il punteggio"),
                PlanColumn("Parziali", "parziali", .yaml, "i punteggi parziali, in YAML"),
                PlanColumn("Testo", "testo", .text, "il risultato come testo"),
                PlanColumn("Motivo N.C.", "nc", .text, "perché non è computabile"),
            ] + declared + source()),
        PlanSheet(
            name: "Tabelle narrative", about: "Le tabelle scritte nelle narrative dei risultati, come dati (la verifica ne somma le colonne).",
            placement: .lists([.root("tabelle_narrative")]),
            columns: [
                PlanColumn("Codice", "codice", .text, "il codice della tabella"),
                PlanColumn("Indicatore", "indicatore", .text, "l'indicatore a cui appartiene (per esempio 2E/T3), o vuoto"),
                PlanColumn("Procedimento", "procedimento", .text, "il procedimento a cui appartiene, o vuoto"),
                PlanColumn("Anno", "anno", .integer, "l'anno"),
                PlanColumn("Titolo", "titolo", .text, "il titolo della tabella"),
                PlanColumn("Colonne", "colonne", .list, "i nomi delle colonne, uno per riga"),
                PlanColumn("Righe", "righe", .yaml, "le righe con etichetta e valori, in YAML"),
                PlanColumn("Totale stampato", "totale_stampato", .yaml, "il TOTALE stampato, un valore per colonna, in YAML"),
            ] + source()),
        PlanSheet(
            name: "Sotto-indicatori", about: "I conteggi con la loro base scritti nelle narrative dei risultati, come dati.",
            placement: .lists([.root("sotto_indicatori")]),
            columns: [
                PlanColumn("Codice", "codice", .text, "il codice del sotto-indicatore"),
                PlanColumn("Indicatore", "indicatore", .text, "l'indicatore a cui appartiene, o vuoto"),
                PlanColumn("Procedimento", "procedimento", .text, "il procedimento a cui appartiene, o vuoto"),
                PlanColumn("Anno", "anno", .integer, "l'anno"),
                PlanColumn("Nome", "nome", .text, "che cosa conta"),
                PlanColumn("Valore", "valore", .number, "il valore dell'anno"),
                PlanColumn("Unità di misura", "unita_misura", .text, "l'unità di misura"),
                PlanColumn("Baseline", "baseline", .number, "il valore di partenza"),
                PlanColumn("Anno baseline", "anno_baseline", .integer, "l'anno del valore di partenza"),
                .choice("Comparatore", "comparatore", Comparator.self, "come il valore si confronta con il target o la baseline"),
                PlanColumn("Valore target", "valore_target", .number, "il target, se c'è"),
                PlanColumn("Variazione stampata", "variazione_stampata", .number, "la variazione sulla baseline stampata, in %"),
            ] + declared + source()),
        PlanSheet(
            name: "Atti", about: "Le delibere e gli altri atti che approvano o variano il piano.", placement: .lists([.root("atti")]),
            columns: [
                PlanColumn("Codice", "codice", .text, "il codice dell'atto"),
                PlanColumn("Organo", "organo", .text, "l'organo (Giunta, Consiglio…)"),
                .choice("Tipo", "tipo", ActKind.self, "il tipo di atto"),
                PlanColumn("Numero", "numero", .text, "il numero"),
                PlanColumn("Data", "data", .date, "la data"),
                PlanColumn("Oggetto", "oggetto", .text, "l'oggetto"),
            ] + source(),
            identity: ["Codice"]),
        PlanSheet(
            name: "Variazioni", about: "Le variazioni del piano che ogni atto dispone.",
            placement: .lists([.under("Atti", ["Atto"], key: "variazioni")]),
            columns: [
                .link("Atto", "il codice dell'atto (foglio Atti)"),
                PlanColumn("Nodo", "nodo", .text, "il codice del nodo variato (foglio Albero)"),
                .choice("Tipo", "tipo", VariationKind.self, "il tipo di variazione"),
                PlanColumn("Descrizione", "descrizione", .text, "che cosa cambia"),
                PlanColumn("Campo", "campo", .text, "il campo variato"),
                PlanColumn("Prima", "prima", .text, "il valore prima"),
                PlanColumn("Dopo", "dopo", .text, "il valore dopo"),
            ]),
        PlanSheet(
            name: "Totali dichiarati", about: "Le percentuali complessive stampate nei documenti dell'Ente, per il confronto.",
            placement: .lists([.root("totali_dichiarati")]),
            columns: [
                .choice("Elemento", "elemento", DeclaredTotalElement.self, "a che cosa si riferisce"),
                PlanColumn("Percentuale", "percentuale", .number, "la percentuale stampata"),
                PlanColumn("Testo", "testo", .text, "il testo stampato"),
            ] + source()),
    ]

    static let sheetsByName: [String: PlanSheet] = Dictionary(uniqueKeysWithValues: sheets.map { ($0.name, $0) })
}
