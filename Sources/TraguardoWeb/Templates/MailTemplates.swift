/// `AdminMailPage`, `AdminRemindersPage`.
enum MailTemplates {
    static let settings = """
        {{<layout}}{{$contenuto}}{{#page}}
        {{>menu-amministrazione}}
        <h1>{{title}}</h1>
        <p>Il server di posta con cui Traguardo invia i promemoria. La password non è mai salvata nel database: si indica la variabile d'ambiente o il file del server da cui leggerla.</p>
        {{^configured}}<p role="status">Le impostazioni non ci sono ancora: nessun promemoria viene inviato.</p>{{/configured}}
        {{#hasErrors}}<p class="messaggio errore" role="alert">Impostazioni non salvate: correggi i campi segnati.</p>{{/hasErrors}}
        <form class="modulo" method="post" action="{{action}}">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        {{#securitySelect}}{{>scelta-amministrazione}}{{/securitySelect}}
        {{#fields}}{{>campo-amministrazione}}{{/fields}}
        <p><button type="submit">Salva le impostazioni</button></p>
        </form>
        <h2 id="prova">Messaggio di prova</h2>
        <form class="modulo" method="post" action="{{testAction}}">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        {{#testRecipient}}{{>campo-amministrazione}}{{/testRecipient}}
        <p><button type="submit">Invia un messaggio di prova</button></p>
        </form>
        {{/page}}{{/contenuto}}{{/layout}}
        """

    static let reminders = """
        {{<layout}}{{$contenuto}}{{#page}}
        {{>menu-amministrazione}}
        <h1>{{title}}</h1>
        <p>Ogni persona riceve un solo messaggio con tutte le sue rilevazioni mancanti; chi non ha nulla in sospeso non riceve nulla; un promemoria non è mai inviato due volte per la stessa persona, periodo e regola.</p>
        {{#hasErrors}}<p class="messaggio errore" role="alert">Calendario non salvato: correggi i campi segnati.</p>{{/hasErrors}}
        <form class="modulo" method="post" action="{{action}}">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        <div class="campo"><input type="checkbox" id="promemoria-attivo" name="{{enabledName}}" value="1"{{#enabled}} checked="checked"{{/enabled}} /> <label for="promemoria-attivo">Promemoria attivi</label></div>
        <div class="campo"><input type="checkbox" id="promemoria-scadenza" name="{{onDeadlineName}}" value="1"{{#onDeadline}} checked="checked"{{/onDeadline}} /> <label for="promemoria-scadenza">Anche il giorno della scadenza</label></div>
        {{#fields}}{{>campo-amministrazione}}{{/fields}}
        <p><button type="submit">Salva il calendario</button></p>
        </form>
        <h2 id="inviati">Posta inviata</h2>
        <p role="status">{{summary}}</p>
        {{#hasRows}}
        <div class="tabella">
        <table>
        <caption>Messaggi inviati</caption>
        <thead><tr><th scope="col">Quando</th><th scope="col">A</th><th scope="col">Oggetto</th><th scope="col">Periodo</th><th scope="col">Regola</th><th scope="col">Esito</th></tr></thead>
        <tbody>
        {{#rows}}<tr><td>{{at}}</td><td>{{recipient}}</td><td><details><summary>{{subject}}</summary><pre>{{body}}</pre></details></td><td>{{period}}</td><td>{{rule}}</td><td>{{status}}{{#error}} — {{.}}{{/error}}</td></tr>
        {{/rows}}
        </tbody>
        </table>
        </div>
        {{/hasRows}}
        {{/page}}{{/contenuto}}{{/layout}}
        """
}
