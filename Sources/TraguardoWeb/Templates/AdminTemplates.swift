/// The pages under Amministrazione, each with the section's own menu (`menu-amministrazione`).
enum AdminTemplates {
    static let menuName = "menu-amministrazione"
    static let menu = """
        <nav class="menu-sezione" aria-label="Amministrazione">
        <ul>
        {{#adminNav}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>
        {{/adminNav}}
        </ul>
        </nav>
        """

    static let adminField = """
        <div class="campo">
        <label for="{{id}}">{{label}}</label>
        {{^multiline}}<input type="{{type}}" id="{{id}}" name="{{name}}" value="{{value}}" autocomplete="{{autocomplete}}"{{#required}} required="required"{{/required}}{{#describedBy}} aria-describedby="{{.}}"{{/describedBy}}{{#invalid}} aria-invalid="true"{{/invalid}} />{{/multiline}}
        {{#multiline}}<textarea id="{{id}}" name="{{name}}" rows="3"{{#describedBy}} aria-describedby="{{.}}"{{/describedBy}}{{#invalid}} aria-invalid="true"{{/invalid}}>{{value}}</textarea>{{/multiline}}
        {{#help}}<p class="aiuto" id="{{helpID}}">{{.}}</p>{{/help}}
        {{#error}}<p class="errore-campo" id="{{errorID}}">{{.}}</p>{{/error}}
        </div>
        """

    /// `AdminSelect`.
    static let adminSelect = """
        <div class="campo">
        <label for="{{id}}">{{label}}</label>
        <select id="{{id}}" name="{{name}}"{{#error}} aria-describedby="{{errorID}}" aria-invalid="true"{{/error}}>
        {{#options}}<option value="{{value}}"{{#selected}} selected="selected"{{/selected}}>{{label}}</option>
        {{/options}}
        </select>
        {{#error}}<p class="errore-campo" id="{{errorID}}">{{.}}</p>{{/error}}
        </div>
        """

    static let users = """
        {{<layout}}{{$contenuto}}{{#page}}
        {{>menu-amministrazione}}
        <h1>{{title}}</h1>
        {{#hasUsers}}
        <div class="tabella">
        <table>
        <caption>Utenti registrati</caption>
        <thead><tr><th scope="col">Nome utente</th><th scope="col">Nome</th><th scope="col">Ruolo</th><th scope="col">Ente</th><th scope="col">Ufficio</th><th scope="col">Stato</th></tr></thead>
        <tbody>
        {{#users}}<tr><td><a href="#modifica-{{username}}">{{username}}</a></td><td>{{displayName}}</td><td>{{role}}</td><td>{{entity}}</td><td>{{unit}}{{#warning}}<p class="messaggio">{{.}}</p>{{/warning}}</td><td>{{status}}</td></tr>
        {{/users}}
        </tbody>
        </table>
        </div>
        <h2 id="modifica-utenti">Modifica un utente</h2>
        <p>Ruolo, Ente, ufficio, nome, accesso attivo o disattivato, nuova password, token delle API. Disattivando un utente o cambiandone la password si chiudono le sue sessioni aperte e si revocano i suoi token delle API.</p>
        {{#users}}
        <details class="modifica-utente" id="modifica-{{username}}"{{#open}} open="open"{{/open}}>
        <summary>{{username}} ({{displayName}}, {{role}}{{#inactive}}, disattivato{{/inactive}})</summary>
        {{#hasEditErrors}}<p class="messaggio errore" role="alert">Utente «{{username}}» non modificato: correggi i campi segnati.</p>{{/hasEditErrors}}
        <form class="modulo" method="post" action="{{editAction}}">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        {{#name}}{{>campo-amministrazione}}{{/name}}
        {{#roleSelect}}{{>scelta-amministrazione}}{{/roleSelect}}
        {{#entitySelect}}{{>scelta-amministrazione}}{{/entitySelect}}
        {{#unitSelect}}{{>scelta-amministrazione}}{{/unitSelect}}
        <div class="campo spunta">
        <input type="checkbox" id="{{activeID}}" name="{{activeName}}" value="1"{{#active}} checked="checked"{{/active}}{{#activeError}} aria-describedby="{{activeID}}-errore" aria-invalid="true"{{/activeError}} />
        <label for="{{activeID}}">Attivo (può accedere)</label>
        {{#activeError}}<p class="errore-campo" id="{{activeID}}-errore">{{.}}</p>{{/activeError}}
        </div>
        <p><button type="submit">Salva le modifiche di «{{username}}»</button></p>
        </form>
        {{#hasPasswordErrors}}<p class="messaggio errore" role="alert">Password di «{{username}}» non cambiata: correggi il campo segnato.</p>{{/hasPasswordErrors}}
        <form class="modulo" method="post" action="{{passwordAction}}">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        {{#password}}{{>campo-amministrazione}}{{/password}}
        <p><button type="submit">Imposta la nuova password</button></p>
        </form>
        {{#hasTokens}}
        <div class="tabella">
        <table>
        <caption>Token delle API di «{{username}}»</caption>
        <thead><tr><th scope="col">Codice</th><th scope="col">Etichetta</th><th scope="col">Permessi</th><th scope="col">Creato</th><th scope="col">Scadenza</th><th scope="col">Ultimo uso</th><th scope="col">Azione</th></tr></thead>
        <tbody>
        {{#tokens}}<tr><td>{{code}}</td><td>{{label}}</td><td>{{scope}}</td><td>{{created}}</td><td>{{expires}}</td><td>{{lastUsed}}</td><td><form method="post" action="{{revokeAction}}"><input type="hidden" name="csrf" value="{{csrf}}" /><button type="submit">Revoca il token {{code}}</button></form></td></tr>
        {{/tokens}}
        </tbody>
        </table>
        </div>
        {{/hasTokens}}
        </details>
        {{/users}}
        {{/hasUsers}}
        <h2 id="nuovo-utente">Aggiungi un utente</h2>
        {{#hasErrors}}<p class="messaggio errore" role="alert">Utente non aggiunto: correggi i campi segnati.</p>{{/hasErrors}}
        <form class="modulo" method="post" action="{{action}}">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        {{#username}}{{>campo-amministrazione}}{{/username}}
        {{#displayName}}{{>campo-amministrazione}}{{/displayName}}
        {{#password}}{{>campo-amministrazione}}{{/password}}
        {{#roleSelect}}{{>scelta-amministrazione}}{{/roleSelect}}
        {{#entitySelect}}{{>scelta-amministrazione}}{{/entitySelect}}
        {{#unitSelect}}{{>scelta-amministrazione}}{{/unitSelect}}
        <p><button type="submit">Aggiungi l'utente</button></p>
        </form>
        {{/page}}{{/contenuto}}{{/layout}}
        """

    static let units = """
        {{<layout}}{{$contenuto}}{{#page}}
        {{>menu-amministrazione}}
        <h1>{{title}}</h1>
        {{#hasUnits}}
        <div class="tabella">
        <table>
        <caption>Unità organizzative</caption>
        <thead><tr><th scope="col">Codice</th><th scope="col">Unità</th><th scope="col">Tipo</th><th scope="col" class="numero">Item</th></tr></thead>
        <tbody>
        {{#units}}<tr><td>{{code}}</td><td>{{path}}</td><td>{{kind}}</td><td class="numero">{{items}}</td></tr>
        {{/units}}
        </tbody>
        </table>
        </div>
        {{/hasUnits}}
        {{#hasAddForm}}
        <h2 id="nuova-unita">Aggiungi un'unità</h2>
        {{#hasErrors}}<p class="messaggio errore" role="alert">Unità non aggiunta: correggi i campi segnati.</p>{{/hasErrors}}
        <form class="modulo" method="post" action="{{action}}">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        <input type="hidden" name="{{entityField}}" value="{{entityCode}}" />
        {{#code}}{{>campo-amministrazione}}{{/code}}
        {{#name}}{{>campo-amministrazione}}{{/name}}
        {{#kindSelect}}{{>scelta-amministrazione}}{{/kindSelect}}
        {{#parentSelect}}{{>scelta-amministrazione}}{{/parentSelect}}
        <p><button type="submit">Aggiungi l'unità</button></p>
        </form>
        {{/hasAddForm}}
        {{/page}}{{/contenuto}}{{/layout}}
        """

    static let periods = """
        {{<layout}}{{$contenuto}}{{#page}}
        {{>menu-amministrazione}}
        <h1>{{title}}</h1>
        {{#hasPeriods}}
        <div class="tabella">
        <table>
        <caption>Periodi</caption>
        <thead><tr><th scope="col">Codice</th><th scope="col">Periodo</th><th scope="col">Date</th><th scope="col">Apertura e scadenza</th><th scope="col">Stato</th><th scope="col" class="numero">Rilevazioni mancanti</th><th scope="col">Azione</th></tr></thead>
        <tbody>
        {{#periods}}<tr><td>{{code}}</td><td>{{name}}</td><td>{{span}}</td>
        <td><form method="post" action="{{datesAction}}" class="date-periodo">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        <input type="hidden" name="{{fields.period}}" value="{{code}}" />
        <label for="apertura-{{code}}">Apertura</label> <input type="date" id="apertura-{{code}}" name="{{fields.opensOn}}" value="{{opensOn}}" />
        <label for="scadenza-{{code}}">Scadenza</label> <input type="date" id="scadenza-{{code}}" name="{{fields.deadline}}" value="{{deadline}}" />
        <button type="submit">Salva le date di {{code}}</button>
        </form></td>
        <td>{{status}}{{#reopenReason}}: {{.}}{{/reopenReason}}</td><td class="numero">{{missing}}</td>
        <td>{{#actions}}<form method="post" action="{{action}}">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        <input type="hidden" name="{{fields.period}}" value="{{code}}" />
        <input type="hidden" name="{{fields.action}}" value="{{value}}" />
        {{#needsReason}}<label for="motivo-{{code}}">Motivo</label> <input type="text" id="motivo-{{code}}" name="{{fields.reason}}" required="required" maxlength="4000" />{{/needsReason}}
        <button type="submit">{{buttonLabel}}</button>
        </form>{{/actions}}</td></tr>
        {{/periods}}
        </tbody>
        </table>
        </div>
        {{/hasPeriods}}
        {{^hasPeriods}}<p>L'anno non ha periodi di monitoraggio.</p>{{/hasPeriods}}
        {{/page}}{{/contenuto}}{{/layout}}
        """

    static let importing = """
        {{<layout}}{{$contenuto}}{{#page}}
        {{>menu-amministrazione}}
        <h1>{{title}}</h1>
        {{#hasReport}}<div class="messaggio successo" role="status"><ul>{{#report}}<li>{{.}}</li>{{/report}}</ul>{{#link}}<p><a href="{{href}}">{{label}}</a></p>{{/link}}</div>{{/hasReport}}
        {{#hasErrors}}<div class="messaggio errore" role="alert"><p>Non ho importato nulla:</p><ul>{{#errors}}<li>{{.}}</li>{{/errors}}</ul></div>{{/hasErrors}}
        <h2 id="piano">File del piano</h2>
        <form class="modulo" method="post" action="{{planAction}}" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        <div class="campo">
        <label for="piano-file">File del piano (YAML, JSON o foglio Excel del piano, anche più d'uno)</label>
        <input type="file" id="piano-file" name="{{filesName}}" multiple="multiple" accept=".yaml,.yml,.json,.xlsx" required="required" aria-describedby="piano-aiuto" />
        <p class="aiuto" id="piano-aiuto">Tutto o niente: se un file ha un errore, non viene importato nessun dato. Il foglio Excel del piano si ottiene con «traguardo export --format xlsx» (o vuoto, con le istruzioni, con «traguardo export --template»).</p>
        </div>
        <div class="campo spunta">
        <input type="checkbox" id="piano-prova" name="{{dryRunName}}" value="1" />
        <label for="piano-prova">Solo verifica, senza salvare</label>
        </div>
        <p><button type="submit">Importa il piano</button></p>
        </form>
        <h2 id="schede">Schede di rilevazione</h2>
        <form class="modulo" method="post" action="{{sheetsAction}}" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        <div class="campo">
        <label for="schede-ambito">Ente e anno</label>
        <select id="schede-ambito" name="{{scopeName}}">
        {{#scopes}}<option value="{{value}}"{{#selected}} selected="selected"{{/selected}}>{{label}}</option>
        {{/scopes}}
        </select>
        </div>
        <div class="campo">
        <label for="schede-file">Schede compilate (XLSX o CSV)</label>
        <input type="file" id="schede-file" name="{{filesName}}" multiple="multiple" accept=".xlsx,.csv" required="required" />
        </div>
        <div class="campo spunta">
        <input type="checkbox" id="schede-prova" name="{{dryRunName}}" value="1" />
        <label for="schede-prova">Solo verifica, senza salvare</label>
        </div>
        <p><button type="submit">Importa le schede</button></p>
        </form>
        <h2 id="casi">Casi della Carta dei servizi</h2>
        <form class="modulo" method="post" action="{{casesAction}}" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        <div class="campo">
        <label for="casi-ambito">Ente e anno</label>
        <select id="casi-ambito" name="{{scopeName}}">
        {{#scopes}}<option value="{{value}}"{{#selected}} selected="selected"{{/selected}}>{{label}}</option>
        {{/scopes}}
        </select>
        </div>
        <div class="campo">
        <label for="casi-file">Esportazioni dei registri (CSV o XLSX, una riga per caso)</label>
        <input type="file" id="casi-file" name="{{filesName}}" multiple="multiple" accept=".xlsx,.csv" required="required" aria-describedby="casi-aiuto" />
        <p class="aiuto" id="casi-aiuto">Colonne: servizio (il codice della Carta, per esempio 3.1.1), protocollo, ricevuta, conclusa; facoltative sospensioni (o sospeso dal e sospeso al), canale, ritardo giustificato. I casi di ogni servizio presente nei file sostituiscono quelli registrati. Tutto o niente: se un file ha un errore, non viene registrato nessun caso.</p>
        </div>
        <div class="campo">
        <label for="casi-servizio">Servizio di tutte le righe (solo per un file senza la colonna «servizio»)</label>
        <input type="text" id="casi-servizio" name="{{serviceName}}" maxlength="40" />
        </div>
        <div class="campo spunta">
        <input type="checkbox" id="casi-prova" name="{{dryRunName}}" value="1" />
        <label for="casi-prova">Solo verifica, senza salvare</label>
        </div>
        <p><button type="submit">Importa i casi</button></p>
        </form>
        {{/page}}{{/contenuto}}{{/layout}}
        """
}
