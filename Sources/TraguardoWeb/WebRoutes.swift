import Foundation

/// The URLs of the web pages, built in one place so that the server's router and the links in the pages
/// agree. Every function returns a path (`/enti/lucca/2013/cruscotto`) with each variable part
/// percent-encoded; `Pattern` holds the same paths with `{nome}` placeholders, as the router registers them.
public enum WebRoutes {
    public static let home = "/"
    public static let login = "/login"
    public static let logout = "/logout"
    /// The style sheet of every page, at an address that changes with its content (`LayoutStyle.version`), so
    /// that browsers keep it for a year and a new version is fetched at once.
    public static let styleSheet = "/stile/traguardo-\(LayoutStyle.version).css"

    public static func cruscotto(ente: String, anno: Int) -> String { base(ente, anno) + "/cruscotto" }
    public static func albero(ente: String, anno: Int) -> String { base(ente, anno) + "/albero" }
    /// The comparison of the Ente-year with the other Enti of the same year (`ConfrontoPage`).
    public static func confronto(ente: String, anno: Int) -> String { base(ente, anno) + "/confronto" }
    /// The Carta dei servizi of the Ente-year (`CartaPage`): the typed results, or with `?fonte=casi` those
    /// computed from the stored cases.
    public static func carta(ente: String, anno: Int) -> String { base(ente, anno) + "/carta" }
    /// The page of a node or objective, by its printed code (`C30101`, `SG-4`).
    public static func nodo(ente: String, anno: Int, percorso: String) -> String {
        base(ente, anno) + "/nodi/" + segment(percorso)
    }
    /// The offices that enter measurements in a period: the entry point of the rilevazione.
    public static func rilevazioneElenco(ente: String, anno: Int, periodo: String) -> String {
        base(ente, anno) + "/rilevazione/" + segment(periodo)
    }
    /// The form of one office (unit id) for one period (period code): GET shows it, POST saves it.
    public static func rilevazione(ente: String, anno: Int, periodo: String, ufficio: String) -> String {
        rilevazioneElenco(ente: ente, anno: anno, periodo: periodo) + "/" + segment(ufficio)
    }
    /// The rilevazione's script (saves a row without reloading the page); the page works without it.
    public static let rilevazioneScript = "/risorse/rilevazione.js"
    /// POST: a comment on an element (fields `FormFields.Revisione`).
    public static func commenti(ente: String, anno: Int) -> String { base(ente, anno) + "/commenti" }
    /// POST: the validation of an element's result for a period (fields `FormFields.Revisione`).
    public static func validazioni(ente: String, anno: Int) -> String { base(ente, anno) + "/validazioni" }
    /// An evidence file of the rilevazione (its number in the store), to download.
    public static func evidenza(ente: String, anno: Int, id: Int64) -> String { base(ente, anno) + "/evidenze/\(id)" }
    /// The OIV's sample of a closed period: GET shows it, POST draws it (fields `FormFields.Campione`).
    public static func campione(ente: String, anno: Int, periodo: String) -> String { base(ente, anno) + "/campione/" + segment(periodo) }
    /// POST: the outcome and working note of one sampled item (fields `FormFields.Campione`).
    public static func campioneNota(ente: String, anno: Int, periodo: String) -> String {
        campione(ente: ente, anno: anno, periodo: periodo) + "/nota"
    }
    /// The documento di validazione of the sample: `formato` is `html`, `docx` or `pdf`.
    public static func documentoDiValidazione(ente: String, anno: Int, periodo: String, formato: String) -> String {
        campione(ente: ente, anno: anno, periodo: periodo) + "/validazione." + segment(formato)
    }
    public static func documenti(ente: String, anno: Int) -> String { base(ente, anno) + "/documenti" }
    /// A document to download: `documento` is a `WebDocumentKind` raw value, `formato` a `DocumentFormat` one.
    public static func documento(ente: String, anno: Int, documento: String, formato: String) -> String {
        base(ente, anno) + "/documenti/" + segment(documento) + "." + segment(formato)
    }
    public static func verifiche(ente: String, anno: Int) -> String { base(ente, anno) + "/verifiche" }
    /// The plan's versions, the comparison between two of them (`?da=&a=`, `?anno=`) and an element's history (`?elemento=`).
    public static func pianoVersioni(ente: String, anno: Int) -> String { base(ente, anno) + "/piano/versioni" }
    /// The scores of the Ente-year under its methodology and another (`?altra=` a preset or a stored version): `MetodologiePage`.
    public static func metodologie(ente: String, anno: Int) -> String { base(ente, anno) + "/metodologie" }
    /// POST: approve the plan with its act (field `atto`).
    public static func pianoApprova(ente: String, anno: Int) -> String { base(ente, anno) + "/piano/approva" }
    /// The dirigenti's proposals of changes to their area: GET lists them (the controller's pending ones to decide, a
    /// dirigente's own with their outcome), POST makes one (the editor's fields and `FormFields.PianoEditor.note`).
    public static func pianoProposte(ente: String, anno: Int) -> String { base(ente, anno) + "/piano/proposte" }
    /// The controller's decision on a proposal (`FormFields.Proposta`).
    public static func pianoPropostaDecisione(ente: String, anno: Int) -> String { base(ente, anno) + "/piano/proposte/decisione" }
    /// POST: prepare the plan of another year from this one (fields `anno`, `sostituisci`).
    public static func pianoNuovoAnno(ente: String, anno: Int) -> String { base(ente, anno) + "/piano/nuovo-anno" }
    /// POST: acknowledge a finding (fields `FormFields.Verifiche`).
    public static func verificheRiconosci(ente: String, anno: Int) -> String { verifiche(ente: ente, anno: anno) + "/riconosci" }
    /// The audit log; its filter form uses GET with the fields of `FormFields.Registro`.
    public static let registro = "/registro"
    /// The security log (logins, failed logins, logouts, sessions ended): `AccessiPage`.
    public static let accessi = "/registro/accessi"
    /// The SMTP settings (amministratore): `AdminMailPage`; `postaProva` sends the test message.
    public static let posta = "/amministrazione/posta"
    public static let postaProva = "/amministrazione/posta/prova"
    /// The reminder schedule of an Ente-year and its sent-mail log: `AdminRemindersPage`.
    public static func promemoria(ente: String, anno: Int) -> String { "/amministrazione/promemoria/" + segment(ente) + "/\(anno)" }

    public static let amministrazione = "/amministrazione"
    public static let utenti = "/amministrazione/utenti"
    /// POST: add a user (fields `FormFields.Utente`).
    public static let utentiNuovo = "/amministrazione/utenti/nuovo"
    /// POST: change a user's name, role, Ente, unit and active flag (fields `FormFields.Utente`, no password).
    public static func utente(_ username: String) -> String { utenti + "/" + segment(username) }
    /// POST: set a user's new password (field `FormFields.Utente.password`).
    public static func utentePassword(_ username: String) -> String { utente(username) + "/password" }
    /// POST: revoke one of the user's API tokens, by its code (`APIToken.code`).
    public static func utenteTokenRevoca(_ username: String, code: String) -> String {
        utente(username) + "/token/" + segment(code) + "/revoca"
    }
    public static let unita = "/amministrazione/unita"
    /// The units of an Ente-year: GET lists them, POST adds one (fields `FormFields.Unita`).
    public static func unitaEnte(ente: String, anno: Int) -> String { unita + "/" + segment(ente) + "/\(anno)" }
    public static func periodi(ente: String, anno: Int) -> String { "/amministrazione/periodi/" + segment(ente) + "/\(anno)" }
    /// POST: open or close a period (fields `FormFields.Periodo`).
    public static func periodoStato(ente: String, anno: Int) -> String { periodi(ente: ente, anno: anno) + "/stato" }
    /// POST: the opening date and the deadline of a period (fields `FormFields.Periodo`).
    public static func periodoDate(ente: String, anno: Int) -> String { periodi(ente: ente, anno: anno) + "/date" }
    /// GET: the offices' submissions and completion per period (`?periodo=`); POST: a transition (`FormFields.Invio`).
    public static func invii(ente: String, anno: Int) -> String { base(ente, anno) + "/invii" }
    public static let importazione = "/amministrazione/importazione"
    /// POST, multipart: plan files (fields `FormFields.Importazione`).
    public static let importazionePiano = "/amministrazione/importazione/piano"
    /// POST, multipart: filled-in schede di rilevazione.
    public static let importazioneSchede = "/amministrazione/importazione/schede"
    /// POST, multipart: the cases of Carta dei servizi services, as the registers export them (`ServiceCaseImport`).
    public static let importazioneCasi = "/amministrazione/importazione/casi"

    /// The plan editor of an Ente-year: GET the tree and the lists with their add forms; POST one edit (fields
    /// `FormFields.PianoEditor` and the plan file's keys).
    public static func pianoEditor(ente: String, anno: Int) -> String { base(ente, anno) + "/piano" }
    /// The editor's page of one element: `tipo` a `PlanEdit.Element` raw value, `id` the element's id.
    public static func pianoElemento(ente: String, anno: Int, tipo: String, id: String) -> String {
        pianoEditor(ente: ente, anno: anno) + "/elemento?tipo=" + segment(tipo) + "&id=" + segment(id)
    }
    /// The Enti and their years: GET lists them, POST makes a new Ente-year (fields `NewCycle.fieldKeys`).
    public static let enti = "/amministrazione/enti"

    /// The same paths with `{placeholders}`, for the router (Hummingbird reads `{name}` as a parameter).
    public enum Pattern {
        public static let cruscotto = "/enti/{ente}/{anno}/cruscotto"
        public static let albero = "/enti/{ente}/{anno}/albero"
        public static let nodo = "/enti/{ente}/{anno}/nodi/{percorso}"
        public static let rilevazioneElenco = "/enti/{ente}/{anno}/rilevazione/{periodo}"
        public static let rilevazione = "/enti/{ente}/{anno}/rilevazione/{periodo}/{ufficio}"
        public static let evidenza = "/enti/{ente}/{anno}/evidenze/{id}"
        public static let documenti = "/enti/{ente}/{anno}/documenti"
        /// `{file}` is `documento.formato` (`relazione.pdf`).
        public static let documento = "/enti/{ente}/{anno}/documenti/{file}"
        public static let verifiche = "/enti/{ente}/{anno}/verifiche"
        public static let verificheRiconosci = "/enti/{ente}/{anno}/verifiche/riconosci"
        public static let periodi = "/amministrazione/periodi/{ente}/{anno}"
        public static let periodoStato = "/amministrazione/periodi/{ente}/{anno}/stato"
        public static let periodoDate = "/amministrazione/periodi/{ente}/{anno}/date"
        public static let invii = "/enti/{ente}/{anno}/invii"
        public static let utente = "/amministrazione/utenti/{utente}"
        public static let utentePassword = "/amministrazione/utenti/{utente}/password"
        public static let utenteTokenRevoca = "/amministrazione/utenti/{utente}/token/{codice}/revoca"
        public static let unitaEnte = "/amministrazione/unita/{ente}/{anno}"
        public static let pianoEditor = "/enti/{ente}/{anno}/piano"
        public static let pianoElemento = "/enti/{ente}/{anno}/piano/elemento"
        public static let pianoProposte = "/enti/{ente}/{anno}/piano/proposte"
        public static let pianoPropostaDecisione = "/enti/{ente}/{anno}/piano/proposte/decisione"
    }

    private static func base(_ ente: String, _ anno: Int) -> String { "/enti/" + segment(ente) + "/\(anno)" }

    /// Characters allowed in one path segment: unreserved ones; everything else (`/`, spaces, `‐`) encoded.
    private static let segmentCharacters = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// One percent-encoded path segment.
    public static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: segmentCharacters) ?? text
    }
}
