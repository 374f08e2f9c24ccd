import TraguardoCore

/// The names of the form fields the pages post, so that the server reads the same names the pages write.
/// Every form posts with `method="post"` and carries the CSRF token in the hidden field `csrf`.
public enum FormFields {
    /// The hidden field with the session's CSRF token, in every form.
    public static let csrf = "csrf"

    /// `WebRoutes.login`.
    public enum Login {
        public static let username = "utente"
        public static let password = "password"
        /// Hidden: where to go after logging in (a path of this site).
        public static let next = "dopo"
    }

    /// `WebRoutes.rilevazione(…)`: one set of fields per item, the item id in brackets (`valore[ITEM]`).
    /// The form is `multipart/form-data` because of the evidence file.
    public enum Rilevazione {
        /// The value as the office writes it (`95`, `4,2 gg`, `43/47`, `31/12/2013`, `sì`): read with `MeasurementEntry`.
        public static func value(_ itemID: String) -> String { field(valuePrefix, itemID) }
        /// Checkbox, value `1`: the measurement is N.C. (non computabile).
        public static func notComputable(_ itemID: String) -> String { field(notComputablePrefix, itemID) }
        /// Why it is N.C. (required with `nc`).
        public static func notComputableReason(_ itemID: String) -> String { field(notComputableReasonPrefix, itemID) }
        /// Checkbox, value `1`: a justified deviation (scored 100, the note shown).
        public static func justifiedDeviation(_ itemID: String) -> String { field(justifiedDeviationPrefix, itemID) }
        /// The justification of the deviation (required with `scostamento`).
        public static func justification(_ itemID: String) -> String { field(justificationPrefix, itemID) }
        /// The narrative: what was done, in words.
        public static func narrative(_ itemID: String) -> String { field(narrativePrefix, itemID) }
        /// File input: the evidence (a document, a register extract).
        public static func evidence(_ itemID: String) -> String { field(evidencePrefix, itemID) }
        /// Checkbox-like hidden marker: the item was on the form (so that an empty value is «not entered», not ignored).
        public static func present(_ itemID: String) -> String { field(presentPrefix, itemID) }

        /// `prefix[ITEM]`: the name of one item's field.
        static func field(_ prefix: String, _ itemID: String) -> String { "\(prefix)[\(itemID)]" }

        /// The item id in a field name `prefix[ITEM]`, when the name has that prefix.
        public static func itemID(in name: String, prefix: String) -> String? {
            guard name.hasPrefix(prefix + "["), name.hasSuffix("]") else { return nil }
            return String(name.dropFirst(prefix.count + 1).dropLast())
        }

        public static let valuePrefix = "valore"
        public static let notComputablePrefix = "nc"
        public static let notComputableReasonPrefix = "motivo_nc"
        public static let justifiedDeviationPrefix = "scostamento"
        public static let justificationPrefix = "giustificazione"
        public static let narrativePrefix = "nota"
        public static let evidencePrefix = "evidenza"
        public static let presentPrefix = "item"
        /// The button that posts the form: an item id saves that row only; `tutte` (or none) saves every row.
        public static let save = "salva"
        public static let saveAll = "tutte"
        /// The list's filter (GET): only the items still without a measurement; a text to search.
        public static let onlyMissing = "mancanti"
        public static let search = "cerca"
    }

    /// `WebRoutes.verificheRiconosci(…)`: acknowledge a finding.
    /// `WebRoutes.commenti` and `WebRoutes.validazioni`.
    public enum Revisione {
        /// The element's code (`C30101`, `SG-4`), as `traguardo explain` reads it.
        public static let element = "elemento"
        /// The comment.
        public static let text = "testo"
        /// The period validated (code).
        public static let period = "periodo"
        /// The validation's optional note.
        public static let note = "nota"
    }

    public enum Verifiche {
        /// `Finding.key` (`RISORSE-SOMMA|nodo|2C`).
        public static let key = "chiave"
        public static let reason = "motivo"
    }

    /// `WebRoutes.registro`: the audit log filter (all optional).
    public enum Registro {
        public static let actor = "autore"
        /// A kind of change (`WebAuditKind` raw value), or empty for all.
        public static let kind = "tipo"
        /// `GG/MM/AAAA` or `AAAA-MM-GG`, inclusive.
        public static let from = "dal"
        public static let to = "al"
        /// An element's id (`SG-2/2/1`; its measurements too).
        public static let element = "elemento"
        /// `lucca/2013`, or empty for every Ente-year.
        public static let cycle = "ente_anno"
        /// The page of the list, from 1.
        public static let page = "pagina"
        /// `csv`: the whole filtered log as a CSV file.
        public static let format = "formato"
    }

    /// `WebRoutes.utentiNuovo`, `WebRoutes.utente(…)` (change; no password) and `WebRoutes.utentePassword(…)`.
    public enum Utente {
        public static let username = "utente"
        public static let displayName = "nome"
        public static let password = "password"
        /// A `UserRole` raw value.
        public static let role = "ruolo"
        /// The unit, for a responsabile d'ufficio or a dirigente: `ENTE/CODICE` (`UnitChoice.value`, what the
        /// page's choices send) or the code of a unit of the Ente `entity`.
        public static let unit = "ufficio"
        /// The Ente the account is limited to (an Ente code), or empty for every Ente.
        public static let entity = "ente"
        /// Checkbox, value `1`: the account may sign in (absent: deactivated).
        public static let active = "attivo"
    }

    /// `WebRoutes.unitaEnte(…)`: add a unit to the plan of an Ente-year.
    public enum Unita {
        public static let entity = "ente"
        public static let code = "codice"
        public static let name = "nome"
        /// A `UnitKind` raw value.
        public static let kind = "tipo"
        /// The parent unit id (optional).
        public static let parent = "padre"
    }

    /// `WebRoutes.pianoEditor(…)`: one edit of the plan. Every other field is a key of the plan file
    /// (`codice`, `titolo`, `padre`, `baseline.valore` …), read by `PlanEditor` with the plan file's rules.
    public enum PianoEditor {
        /// A `PlanEdit.Element` raw value.
        public static let element = "elemento"
        /// A `PlanEdit.Operation` raw value.
        public static let operation = "operazione"
        /// The element changed, moved or removed.
        public static let id = "id"
        /// Which form of the page was posted (its errors are shown there).
        public static let form = "modulo"
        /// The `PlanFingerprint` of the plan the form was drawn from (`PlanEditor.changedMeanwhile`).
        public static let drawnFrom = "impronta"
        /// The fields that are not keys of the plan file.
        /// The act of the variation, asked when the plan is approved (`ActCitation`).
        public static let act = "atto_variazione"
        /// A dirigente's note to the controller, with a proposal.
        public static let note = "nota_proposta"
        public static let control: Set<String> = [csrf, element, operation, id, form, drawnFrom, act, note]
    }

    /// `WebRoutes.pianoPropostaDecisione(…)`: the controller's decision on a dirigente's proposal.
    public enum Proposta {
        /// The proposal's number.
        public static let proposal = "proposta"
        /// `accetta` or `rifiuta`.
        public static let decision = "esito"
        public static let accept = "accetta"
        public static let refuse = "rifiuta"
        /// Why it is refused (required for a refusal).
        public static let reason = "motivo"
        /// The act of the variation, when the plan is approved (as the editor's `PianoEditor.act`).
        public static let act = PianoEditor.act
    }

    /// `WebRoutes.periodoStato(…)`.
    public enum Periodo {
        /// The period code (`ANNO`, `T2`).
        public static let period = "periodo"
        /// `apri`, `in-verifica`, `chiudi` or `riapri`.
        public static let action = "azione"
        public static let open = "apri"
        public static let review = "in-verifica"
        public static let close = "chiudi"
        public static let reopen = "riapri"
        /// Freezes the snapshot of a period that is closed but has none (imported already closed).
        public static let freeze = "congela"
        /// Why the period is reopened (needed with `riapri`).
        public static let reason = "motivo"
        /// `WebRoutes.periodoDate(…)`: the opening date and the deadline, `AAAA-MM-GG` (empty: not set).
        public static let opensOn = "apertura"
        public static let deadline = "scadenza"
    }

    /// `WebRoutes.invii(…)`: a transition of an office's submission for a period.
    public enum Invio {
        /// The office (unit id).
        public static let unit = "ufficio"
        /// The period code.
        public static let period = "periodo"
        /// A `SubmissionTransition` raw value: `invia`, `verifica`, `rinvia`, `valida`, `riapri`.
        public static let action = "azione"
        /// Why it is sent back or reopened.
        public static let reason = "motivo"
    }

    /// `WebRoutes.campione(…)`, `WebRoutes.campioneNota(…)`: the OIV's sample.
    public enum Campione {
        /// How many items to draw.
        public static let size = "dimensione"
        /// The seed (digits; empty: the server picks one and records it).
        public static let seed = "seme"
        /// The sampled item's id.
        public static let item = "item"
        /// An `OIVSample.Outcome` raw value, or empty for «non esaminato».
        public static let outcome = "esito"
        /// The working note.
        public static let note = "nota"
    }

    /// `WebRoutes.posta`, `WebRoutes.postaProva`: the SMTP settings (never a password: where to read it).
    public enum Posta {
        public static let host = "host"
        public static let port = "porta"
        /// `nessuna`, `starttls`, `tls`.
        public static let security = "sicurezza"
        public static let username = "utente"
        public static let passwordVariable = "variabile_password"
        public static let passwordFile = "file_password"
        public static let senderAddress = "mittente"
        public static let senderName = "nome_mittente"
        public static let certificates = "certificati"
        public static let siteAddress = "indirizzo_sito"
        /// The test message's recipient.
        public static let testRecipient = "destinatario"
    }

    /// `WebRoutes.promemoria(…)`: the reminder schedule of an Ente-year.
    public enum Promemoria {
        /// Checkbox, value `1`.
        public static let enabled = "attivo"
        /// `7, 2`: days before the deadline.
        public static let daysBefore = "giorni_prima"
        /// Checkbox, value `1`.
        public static let onDeadline = "alla_scadenza"
        /// Days after the deadline for the dirigente (empty: never).
        public static let managerAfter = "dirigente_dopo"
        /// Days after the deadline for the controller (empty: never).
        public static let controllerAfter = "controllo_dopo"
        /// The controller's addresses, separated by commas or lines.
        public static let controllerAddresses = "indirizzi_controllo"
    }

    /// `WebRoutes.importazionePiano`, `WebRoutes.importazioneSchede`: multipart uploads.
    public enum Importazione {
        /// One or more files (`multiple`).
        public static let files = "file"
        /// The Ente-year the schede belong to, as `ente/anno` (`lucca/2013`).
        public static let scope = "ente_anno"
        /// Checkbox, value `1`: check only, store nothing.
        public static let dryRun = "prova"
        /// The Carta code of every case of a file without a «servizio» column (`3.1.1`); empty: from the file.
        public static let service = "servizio"
    }
}
