import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport
import TraguardoWeb

/// Every role against every POST route of the pages: allowed (a redirect or the page again) or refused (403),
/// as `Permission` designs it; a refused POST writes nothing to the audit log.
@Suite("Ruoli × azioni: la matrice delle POST")
struct AuthorizationMatrixTests {
    /// The demo accounts, one per role (two offices: one owns the item posted, one does not), and an
    /// amministratore limited to Lucca (`admin.lucca`).
    static let accounts = ["admin", "admin.lucca", "controllo", "dirigente.promozione", "ufficio.pers", "ufficio.prog", "oiv", "lettore"]

    /// The accounts the user routes change, added before the matrix runs: a user of every Ente, two of Lucca,
    /// an amministratore of every Ente, another amministratore of Lucca; the two users have one API token per
    /// account of the matrix (`tokenCode`), so that every allowed account has one to revoke.
    static let targets = [
        UserAccount(username: "globale.lettore", displayName: "Lettore di tutti gli Enti", role: "lettore"),
        UserAccount(username: "lucca.lettore", displayName: "Lettore di Lucca", role: "lettore", entityCode: "lucca"),
        UserAccount(username: "lucca.altro", displayName: "Altro lettore di Lucca", role: "lettore", entityCode: "lucca"),
        UserAccount(username: "admin.altro", displayName: "Altro amministratore", role: "amministratore"),
        UserAccount(username: "admin.lucca.due", displayName: "Altro amministratore di Lucca", role: "amministratore", entityCode: "lucca"),
    ]

    /// The code of the token of `owner` that `who` tries to revoke.
    static func tokenCode(of owner: String, for who: String) -> String { String(tokenHash(of: owner, for: who).prefix(12)) }
    static func tokenHash(of owner: String, for who: String) -> String { SecretToken.hash("\(owner) revocato da \(who)") }

    struct Route: Sendable {
        var name: String
        var path: @Sendable (String) -> String
        var fields: @Sendable (String) -> [(String, String)]
        /// The accounts allowed (a redirect, the page, or the page again with its errors: 422); all others get 403
        /// but those in `refusedInForm`.
        var allowed: Set<String>
        /// The accounts the route answers with the form again and its errors (422), writing nothing: an amministratore
        /// may use the form, but not to give that.
        var refusedInForm: Set<String> = []

        init(
            name: String, path: String, fields: @escaping @Sendable (String) -> [(String, String)], allowed: Set<String>,
            refusedInForm: Set<String> = []
        ) {
            self.init(name: name, path: { _ in path }, fields: fields, allowed: allowed, refusedInForm: refusedInForm)
        }

        init(
            name: String, path: @escaping @Sendable (String) -> String, fields: @escaping @Sendable (String) -> [(String, String)],
            allowed: Set<String>, refusedInForm: Set<String> = []
        ) {
            self.name = name
            self.path = path
            self.fields = fields
            self.allowed = allowed
            self.refusedInForm = refusedInForm
        }
    }

    /// Lucca 2018: item SG-2/2/1 is entered by the Ufficio Personale (PERS); Lucca 2013: the items of node
    /// path `APS`… belong to the Area Promozione e Sviluppo (APS), the dirigente.promozione's area.
    /// `admin.lucca` may do in Lucca what `admin` does, but on the users of every Ente and on amministratori.
    static let routes: [Route] = [
        Route(
            name: "rilevazione di un ufficio", path: "/enti/lucca/2018/rilevazione/ANNO/PERS",
            fields: { _ in [("valore[SG-2/2/1]", "no")] }, allowed: ["admin", "admin.lucca", "controllo", "ufficio.pers"]),
        Route(
            name: "rilevazione di un'area", path: "/enti/lucca/2013/rilevazione/ANNO/APS",
            fields: { _ in [] }, allowed: ["admin", "admin.lucca", "controllo", "dirigente.promozione"]),
        Route(
            name: "commento", path: "/enti/lucca/2018/commenti",
            fields: { _ in [("elemento", "SG-2"), ("testo", "Verificare il report")] }, allowed: ["oiv", "controllo"]),
        Route(
            name: "validazione", path: "/enti/lucca/2018/validazioni",
            fields: { _ in [("elemento", "SG-2"), ("periodo", "ANNO")] }, allowed: ["oiv"]),
        Route(
            name: "apertura del periodo", path: "/amministrazione/periodi/lucca/2018/stato",
            fields: { _ in [("periodo", "ANNO"), ("azione", "apri")] }, allowed: ["admin", "admin.lucca", "controllo"]),
        Route(
            name: "date del periodo", path: "/amministrazione/periodi/lucca/2018/date",
            fields: { _ in [("periodo", "ANNO"), ("apertura", "2019-01-02"), ("scadenza", "2019-01-31")] },
            allowed: ["admin", "admin.lucca", "controllo"]),
        // The submission of the Ufficio Personale's values for ANNO, moved by every account in turn: an allowed account
        // gets the move done or, when the state (or having submitted it) does not allow it, the page again (422).
        Route(
            name: "invio dei valori di un ufficio", path: "/enti/lucca/2018/invii",
            fields: { _ in [("ufficio", "PERS"), ("periodo", "ANNO"), ("azione", "invia")] },
            allowed: ["admin", "admin.lucca", "controllo", "ufficio.pers"]),
        Route(
            name: "verifica dei valori di un ufficio", path: "/enti/lucca/2018/invii",
            fields: { _ in [("ufficio", "PERS"), ("periodo", "ANNO"), ("azione", "verifica")] },
            allowed: ["admin", "admin.lucca", "controllo"]),
        Route(
            name: "rinvio dei valori di un ufficio", path: "/enti/lucca/2018/invii",
            fields: { who in [("ufficio", "PERS"), ("periodo", "ANNO"), ("azione", "rinvia"), ("motivo", "Rinviato da \(who)")] },
            allowed: ["admin", "admin.lucca", "controllo", "oiv"]),
        Route(
            name: "validazione dei valori di un ufficio", path: "/enti/lucca/2018/invii",
            fields: { _ in [("ufficio", "PERS"), ("periodo", "ANNO"), ("azione", "valida")] }, allowed: ["oiv"]),
        Route(
            name: "riapertura dei valori di un ufficio", path: "/enti/lucca/2018/invii",
            fields: { who in [("ufficio", "PERS"), ("periodo", "ANNO"), ("azione", "riapri"), ("motivo", "Riaperto da \(who)")] },
            allowed: ["admin", "admin.lucca", "controllo"]),
        Route(
            name: "registrazione dei punteggi", path: "/enti/lucca/2018/punteggi/ANNO",
            fields: { _ in [] }, allowed: ["admin", "admin.lucca", "controllo"]),
        Route(
            name: "nuovo utente", path: "/amministrazione/utenti/nuovo",
            fields: { who in [("utente", "nuovo.\(who.replacingOccurrences(of: ".", with: "-"))"), ("nome", "Nuovo"),
                              ("ruolo", "lettore"), ("password", "una-password-lunga")] },
            allowed: ["admin"], refusedInForm: ["admin.lucca"]),
        Route(
            name: "nuovo utente di Lucca", path: "/amministrazione/utenti/nuovo",
            fields: { who in [("utente", "lucca.\(who.replacingOccurrences(of: ".", with: "-"))"), ("nome", "Nuovo"),
                              ("ruolo", "lettore"), ("ente", "lucca"), ("password", "una-password-lunga")] },
            allowed: ["admin", "admin.lucca"]),
        Route(
            name: "nuovo amministratore di Lucca", path: "/amministrazione/utenti/nuovo",
            fields: { who in [("utente", "amministratore.\(who.replacingOccurrences(of: ".", with: "-"))"), ("nome", "Nuovo"),
                              ("ruolo", "amministratore"), ("ente", "lucca"), ("password", "una-password-lunga")] },
            allowed: ["admin"], refusedInForm: ["admin.lucca"]),
        // `nuovo.admin` is the user the admin has just added above (the admin's row runs first); it changes no demo account.
        // It stays a user of every Ente, whom `admin.lucca` may not change. The routes below leave every target as it was
        // (its Ente, its tokens) for the accounts that follow.
        Route(
            name: "modifica di un utente", path: "/amministrazione/utenti/nuovo.admin",
            fields: { _ in [("nome", "Nuovo, modificato"), ("ruolo", "lettore"), ("ente", ""), ("ufficio", ""), ("attivo", "1")] },
            allowed: ["admin"]),
        Route(
            name: "nuova password di un utente", path: "/amministrazione/utenti/nuovo.admin/password",
            fields: { _ in [("password", "un-altra-password-lunga")] }, allowed: ["admin"]),
        Route(
            name: "modifica di un utente di tutti gli Enti", path: "/amministrazione/utenti/globale.lettore",
            fields: { _ in [("nome", "Lettore"), ("ruolo", "lettore"), ("ente", ""), ("ufficio", ""), ("attivo", "1")] },
            allowed: ["admin"]),
        Route(
            name: "modifica di un utente di Lucca", path: "/amministrazione/utenti/lucca.lettore",
            fields: { who in [("nome", "Lettore di \(who)"), ("ruolo", "lettore"), ("ente", "lucca"), ("ufficio", ""), ("attivo", "1")] },
            allowed: ["admin", "admin.lucca"]),
        Route(
            name: "nuova password di un utente di Lucca", path: "/amministrazione/utenti/lucca.altro/password",
            fields: { _ in [("password", "un-altra-password-lunga")] }, allowed: ["admin", "admin.lucca"]),
        Route(
            name: "nuova password di un amministratore di tutti gli Enti", path: "/amministrazione/utenti/admin.altro/password",
            fields: { _ in [("password", "un-altra-password-lunga")] }, allowed: ["admin"]),
        Route(
            name: "modifica di un amministratore di Lucca", path: "/amministrazione/utenti/admin.lucca.due",
            fields: { _ in [("nome", "Altro"), ("ruolo", "amministratore"), ("ente", "lucca"), ("ufficio", ""), ("attivo", "1")] },
            allowed: ["admin"]),
        Route(
            name: "limite all'Ente tolto al proprio utente", path: { who in "/amministrazione/utenti/" + who },
            fields: { who in [("nome", who), ("ruolo", "amministratore"), ("ente", ""), ("ufficio", ""), ("attivo", "1")] },
            allowed: ["admin"], refusedInForm: ["admin.lucca"]),
        Route(
            name: "revoca di un token di un utente di tutti gli Enti",
            path: { who in "/amministrazione/utenti/globale.lettore/token/\(tokenCode(of: "globale.lettore", for: who))/revoca" },
            fields: { _ in [] }, allowed: ["admin"]),
        Route(
            name: "revoca di un token di un utente di Lucca",
            path: { who in "/amministrazione/utenti/lucca.lettore/token/\(tokenCode(of: "lucca.lettore", for: who))/revoca" },
            fields: { _ in [] }, allowed: ["admin", "admin.lucca"]),
        // Issue 18: the SMTP settings (an amministratore of every Ente: they hold for all), the test message (an empty
        // recipient: the page again, 422, nothing sent), the reminder schedule of an Ente-year.
        Route(
            name: "impostazioni di posta", path: "/amministrazione/posta",
            fields: { _ in [("host", "127.0.0.1"), ("porta", "25"), ("sicurezza", "nessuna"), ("mittente", "performance@lucca.example.it")] },
            allowed: ["admin"]),
        Route(
            name: "messaggio di prova", path: "/amministrazione/posta/prova", fields: { _ in [("destinatario", "")] }, allowed: ["admin"]),
        Route(
            name: "calendario dei promemoria", path: "/amministrazione/promemoria/lucca/2018",
            fields: { _ in [("attivo", "1"), ("giorni_prima", "7, 2"), ("alla_scadenza", "1"), ("dirigente_dopo", "3")] },
            allowed: ["admin", "admin.lucca", "controllo"]),
        Route(
            name: "nuova unità", path: "/amministrazione/unita/lucca/2018",
            fields: { who in [("codice", "U-\(who.replacingOccurrences(of: ".", with: "-"))"), ("nome", "Unità di \(who)"),
                              ("tipo", "ufficio"), ("padre", "")] },
            allowed: ["admin", "admin.lucca", "controllo"]),
        Route(
            name: "importazione del piano", path: "/amministrazione/importazione/piano",
            fields: { _ in [("prova", "1")] }, allowed: ["admin", "admin.lucca", "controllo"]),
        Route(
            name: "importazione delle schede", path: "/amministrazione/importazione/schede",
            fields: { _ in [("ente_anno", "lucca/2018"), ("prova", "1")] }, allowed: ["admin", "admin.lucca", "controllo"]),
        Route(
            name: "importazione dei casi della Carta", path: "/amministrazione/importazione/casi",
            fields: { _ in [("ente_anno", "lucca/2018"), ("prova", "1")] }, allowed: ["admin", "admin.lucca", "controllo"]),
        Route(
            name: "riconoscimento di una verifica", path: "/enti/lucca/2013/verifiche/riconosci",
            fields: { who in [("chiave", "VALORE-DICHIARATO|nodo|C10101"), ("motivo", "Visto da \(who)")] },
            allowed: ["admin", "admin.lucca", "controllo"]),
        // Issue 18: the OIV's sample of the closed period T1 of Lucca 2018 (closed and sampled by `addAccounts`).
        Route(
            name: "estrazione del campione dell'OIV", path: "/enti/lucca/2018/campione/T1",
            fields: { _ in [("dimensione", "10000"), ("seme", "42")] }, allowed: ["oiv"]),
        Route(
            name: "esito di un item del campione", path: "/enti/lucca/2018/campione/T1/nota",
            fields: { _ in [("item", "SG-2/2/1"), ("esito", "confermato"), ("nota", "Visto")] }, allowed: ["oiv"]),
        // Issue 17: the plan editor (a node added to Lucca 2018, a change of one) and a new Ente-year.
        Route(
            name: "editor del piano: nuovo nodo", path: "/enti/lucca/2018/piano",
            fields: { who in [("elemento", "nodo"), ("operazione", "crea"), ("codice", "N-\(who.replacingOccurrences(of: ".", with: "-"))"),
                              ("tipo", "progetto"), ("titolo", "Progetto di \(who)"), ("padre", "")] },
            allowed: ["admin", "admin.lucca", "controllo"]),
        Route(
            name: "editor del piano: modifica di un nodo", path: "/enti/lucca/2018/piano",
            fields: { who in [("elemento", "nodo"), ("operazione", "modifica"), ("id", "N-admin"), ("titolo", "Rinominato da \(who)")] },
            allowed: ["admin", "admin.lucca", "controllo"]),
        Route(
            name: "nuovo Ente-anno", path: "/amministrazione/enti",
            fields: { _ in [("codice", "lucca"), ("nome", ""), ("anno", "2031"), ("periodi", "solo-anno")] },
            allowed: ["admin", "admin.lucca", "controllo"]),
        Route(
            name: "filtro del registro modifiche", path: "/registro",
            fields: { _ in [("autore", "admin"), ("tipo", ""), ("dal", ""), ("al", "")] }, allowed: ["admin", "admin.lucca", "controllo", "oiv"]),
        Route(
            name: "approvazione del piano", path: "/enti/lucca/2013/piano/approva",
            fields: { _ in [("atto", "Delibera di Giunta n. 9 del 28/01/2013")] }, allowed: ["admin", "admin.lucca", "controllo"]),
        Route(
            name: "nuovo anno dal piano", path: "/enti/lucca/2013/piano/nuovo-anno",
            fields: { _ in [("anno", "2014")] }, allowed: ["admin", "admin.lucca", "controllo"]),
        // Issue 17: a dirigente's proposal on his area (APS owns C10101 in Lucca 2013), the controller's decision on one
        // of the proposals `addAccounts` made (each allowed account refuses its own one).
        Route(
            name: "proposta di modifica del piano", path: "/enti/lucca/2013/piano/proposte",
            fields: { who in [("modulo", "modifica"), ("elemento", "nodo"), ("operazione", "modifica"), ("id", "C10101"),
                              ("titolo", "Proposto da \(who)"), ("nota_proposta", "Nota")] },
            allowed: ["dirigente.promozione"]),
        Route(
            name: "decisione su una proposta", path: "/enti/lucca/2013/piano/proposte/decisione",
            fields: { who in [("proposta", String(proposalNumbers[who] ?? 1)), ("esito", "rifiuta"), ("motivo", "Rifiutata da \(who)")] },
            allowed: ["admin", "admin.lucca", "controllo"]),
    ]

    /// The proposal each account that may decide refuses in the matrix (made by `addAccounts`, numbered from 1).
    static let proposalNumbers = ["admin": 1, "admin.lucca": 2, "controllo": 3]

    /// Adds `admin.lucca` (the demo password) and the target accounts with their tokens.
    static func addAccounts(to store: Store) async throws {
        let hash = await PasswordHashing.hash(DemoAccounts.password, cost: 4)
        try await store.addUser(
            UserAccount(username: "admin.lucca", displayName: "Amministratore di Lucca", role: "amministratore", entityCode: "lucca"),
            passwordHash: hash, actor: "test")
        for target in targets { try await store.addUser(target, passwordHash: hash, actor: "test") }
        for owner in ["globale.lettore", "lucca.lettore"] {
            for who in accounts {
                try await store.addAPIToken(tokenHash: tokenHash(of: owner, for: who), username: owner, label: who, at: Date(), actor: "test")
            }
        }
        // A closed period with its snapshot and the OIV's sample of all its items (issue 18).
        try await store.insert(
            MonitoringPeriod(id: "lucca/2018/T1", entityCode: "lucca", year: 2018, code: "T1", name: "Primo trimestre", kind: .quarter,
                             endsOn: CivilDate(year: 2018, month: 3, day: 31), sequence: 0),
            in: ServerFixture.lucca2018, actor: "test")
        try await store.closePeriod("T1", in: ServerFixture.lucca2018, actor: "test")
        try await store.drawOIVSample(ServerFixture.lucca2018, period: "T1", size: 10_000, seed: 1, actor: "test")
        // Three proposals of the dirigente of APS on Lucca 2013 (issue 17), one for each account that decides.
        let plan = try #require(try await store.loadPlan(ServerFixture.lucca2013))
        let area = PlanArea(heading: try #require(plan.unit(named: "APS")), in: plan)
        for number in 1...proposalNumbers.count {
            let edit = PlanEdit(.node, .update, id: "C10101", fields: ["titolo": "Proposta \(number)"])
            let (outcome, baseline) = try PlanProposalRule.check(edit, on: plan, area: area).get()
            try await store.addPlanProposal(PlanProposal(
                entityCode: "lucca", year: 2013, edit: edit, summary: outcome.summary, proposedBy: "dirigente.promozione", unitID: "APS",
                proposedAt: Date(), fingerprint: PlanFingerprint.of(plan), baseline: baseline), actor: "dirigente.promozione")
        }
    }

    @Test func everyRoleAgainstEveryMutatingRoute() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            try await Self.addAccounts(to: store)
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                var table: [String] = []
                for account in Self.accounts {
                    let browser = Browser(client)
                    #expect(try await browser.logIn(account).status == .seeOther, "accesso di \(account)")
                    for route in Self.routes {
                        let before = try await store.auditLog(AuditQuery(limit: 100_000)).count
                        let page = try await browser.post(route.path(account), route.fields(account))
                        let allowed = route.allowed.contains(account)
                        let after = try await store.auditLog(AuditQuery(limit: 100_000)).count
                        table.append("\(account) \(route.name): \(page.status.code)")
                        if allowed {
                            #expect([.seeOther, .ok, .unprocessableContent].contains(page.status), "\(account) → \(route.name): \(page.status)\n\(page.body)")
                        } else if route.refusedInForm.contains(account) {
                            #expect(page.status == .unprocessableContent, "\(account) → \(route.name): \(page.status)")
                            #expect(after == before, "\(account) → \(route.name): rifiutata ma ha scritto \(after - before) righe")
                        } else {
                            #expect(page.status == .forbidden, "\(account) → \(route.name): \(page.status)")
                            #expect(after == before, "\(account) → \(route.name): rifiutata ma ha scritto \(after - before) righe")
                        }
                    }
                }
                print(table.joined(separator: "\n"))
            }
        }
    }

    /// The pages read only by some roles: allowed (200) or refused (403); anonymous: to the login page.
    static let readOnlyPages: [(path: String, allowed: Set<String>)] = [
        (path: "/registro", allowed: ["admin", "admin.lucca", "controllo", "oiv"]),
        (path: "/registro?autore=admin&pagina=2", allowed: ["admin", "admin.lucca", "controllo", "oiv"]),
        (path: "/registro?formato=csv", allowed: ["admin", "admin.lucca", "controllo", "oiv"]),
        (path: "/registro/accessi", allowed: ["admin", "admin.lucca", "controllo"]),
        (path: "/enti/lucca/2018/piano", allowed: ["admin", "admin.lucca", "controllo"]),
        (path: "/enti/lucca/2018/piano/elemento?tipo=obiettivo&id=SG-2", allowed: ["admin", "admin.lucca", "controllo"]),
        (path: "/amministrazione/enti", allowed: ["admin", "admin.lucca", "controllo"]),
        // Issue 17: a dirigente sees the editor of his own area (APS in Lucca 2013; none in Lucca 2018) and his proposals.
        (path: "/enti/lucca/2013/piano", allowed: ["admin", "admin.lucca", "controllo", "dirigente.promozione"]),
        (path: "/enti/lucca/2013/piano/elemento?tipo=nodo&id=C10101", allowed: ["admin", "admin.lucca", "controllo", "dirigente.promozione"]),
        (path: "/enti/lucca/2013/piano/elemento?tipo=nodo&id=C101", allowed: ["admin", "admin.lucca", "controllo"]),
        (path: "/enti/lucca/2013/piano/proposte", allowed: ["admin", "admin.lucca", "controllo", "dirigente.promozione"]),
        (path: "/enti/lucca/2018/piano/proposte", allowed: ["admin", "admin.lucca", "controllo", "dirigente.promozione"]),
        // Issue 21: the home with its dashboard (every role), the rilevazione's filter.
        (path: "/", allowed: Set(accounts)),
        (path: "/enti/lucca/2018/rilevazione/ANNO/PERS?mancanti=1&cerca=SG", allowed: ["admin", "admin.lucca", "controllo", "ufficio.pers"]),
        // Issue 18: the OIV's sample and its documento di validazione.
        (path: "/enti/lucca/2018/campione/T1", allowed: ["admin", "admin.lucca", "controllo", "oiv"]),
        (path: "/enti/lucca/2018/campione/T1/validazione.html", allowed: ["admin", "admin.lucca", "controllo", "oiv"]),
        (path: "/enti/lucca/2018/campione/T1/validazione.docx", allowed: ["admin", "admin.lucca", "controllo", "oiv"]),
        // Issue 18: the offices' submissions and completion, read by every role (the buttons follow the role).
        (path: "/enti/lucca/2018/invii?periodo=ANNO", allowed: Set(accounts)),
        // Issue 18: the SMTP settings (amministratore of every Ente), the reminders and the sent-mail log of an Ente-year.
        (path: "/amministrazione/posta", allowed: ["admin"]),
        (path: "/amministrazione/promemoria/lucca/2018", allowed: ["admin", "admin.lucca", "controllo"]),
        // Issue 22: the scores under another methodology, read by every role that sees the plan (`Action.viewPlan`).
        (path: "/enti/lucca/2018/metodologie?altra=lucca-2013", allowed: Set(accounts)),
        // Issue 19: the comparison across Enti of an Ente-year, read by every role that reads its cruscotto.
        (path: "/enti/lucca/2018/confronto", allowed: Set(accounts)),
    ]

    /// What anyone may read, signed in or not: the style sheet (the login page needs it).
    static let publicPages = [WebRoutes.styleSheet]

    @Test func everyRoleAgainstTheLogs() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            try await Self.addAccounts(to: store)
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                for page in Self.readOnlyPages {
                    #expect(try await Browser(client).get(page.path).status == .seeOther, "anonimo → \(page.path)")
                }
                for path in Self.publicPages {
                    #expect(try await Browser(client).get(path).status == .ok, "anonimo → \(path)")
                }
                // The rilevazione's script is the same for everyone, signed in or not: no data in it.
                #expect(try await Browser(client).get("/risorse/rilevazione.js").status == .ok)
                for account in Self.accounts {
                    let browser = Browser(client)
                    #expect(try await browser.logIn(account).status == .seeOther, "accesso di \(account)")
                    for path in Self.publicPages {
                        #expect(try await browser.get(path).status == .ok, "\(account) → \(path)")
                    }
                    for page in Self.readOnlyPages {
                        let answer = try await browser.get(page.path)
                        #expect(answer.status == (page.allowed.contains(account) ? .ok : .forbidden), "\(account) → \(page.path): \(answer.status)")
                    }
                }
            }
        }
    }

    @Test func theOfficeEntersItsItemAndTheScoreIsTheScorersOnTheStoredPlan() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                let office = Browser(client)
                try await office.logIn("ufficio.pers")
                let before = PlanScorer.score(try #require(try await store.loadPlan(ServerFixture.lucca2018)), period: "ANNO")
                let form = try await office.get("/enti/lucca/2018/rilevazione/ANNO/PERS")
                #expect(form.status == .ok)
                #expect(form.body.contains("valore[SG-2/2/1]"))
                let saved = try await office.post("/enti/lucca/2018/rilevazione/ANNO/PERS", [("valore[SG-2/2/1]", "no")])
                #expect(saved.status == .ok)
                let plan = try #require(try await store.loadPlan(ServerFixture.lucca2018))
                let measurement = try #require(plan.measurements.first { $0.id == "SG-2/2/1@ANNO" })
                #expect(measurement.done == false)
                #expect(measurement.author == "ufficio.pers")
                let after = PlanScorer.score(plan, period: "ANNO")
                let objectiveBefore = try #require(before.objective(code: "SG-2")).score.shown
                let objectiveAfter = try #require(after.objective(code: "SG-2")).score.shown
                #expect(objectiveBefore != objectiveAfter)
                let cruscotto = try await office.get("/enti/lucca/2018/cruscotto")
                #expect(cruscotto.body.contains(">\(objectiveAfter)<"))
                let audit = try await store.auditLog(AuditQuery(table: "measurements", recordID: "SG-2/2/1@ANNO"))
                #expect(audit.first?.actor == "ufficio.pers")
                #expect(audit.first?.action == .update)
                // The list of the period shows its own office's form, not the others'.
                let list = try await office.get("/enti/lucca/2018/rilevazione/ANNO")
                #expect(list.status == .ok)
                #expect(list.body.contains("/enti/lucca/2018/rilevazione/ANNO/PERS"))
                #expect(!list.body.contains("/enti/lucca/2018/rilevazione/ANNO/SG\""))
                // Another office's page, read or posted: refused, nothing written.
                #expect(try await office.get("/enti/lucca/2018/rilevazione/ANNO/SG").status == .forbidden)
                #expect(try await office.post("/enti/lucca/2018/rilevazione/ANNO/SG", [("valore[SG-1/1/1]", "1")]).status == .forbidden)
                // Its own page, naming an item of another office: refused as a whole.
                let smuggled = try await office.post(
                    "/enti/lucca/2018/rilevazione/ANNO/PERS", [("valore[SG-2/2/1]", "sì"), ("valore[SG-1/1/1]", "1")])
                #expect(smuggled.status == .forbidden)
                #expect(try await store.loadPlan(ServerFixture.lucca2018)?.measurements.first { $0.id == "SG-2/2/1@ANNO" }?.done == false)
                // A value the core cannot read: 422, the Italian reason beside the field, nothing written.
                let wrong = try await office.post("/enti/lucca/2018/rilevazione/ANNO/PERS", [("valore[SG-2/2/1]", "forse")])
                #expect(wrong.status == .unprocessableContent)
                #expect(wrong.body.contains(#"name="valore[SG-2/2/1]" value="forse""#))
                #expect(wrong.body.contains(#"aria-invalid="true""#))
                #expect(wrong.body.contains("Valore «forse» non leggibile"))
            }
        }
    }
}
