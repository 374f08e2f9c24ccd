/// `VerifichePage`.
enum VerificheTemplate {
    static let source = """
        {{<layout}}{{$contenuto}}{{#page}}
        <h1>{{title}}</h1>
        <p class="sottotitolo">{{entityName}}</p>
        <p>{{summary}}</p>
        <nav aria-label="Quali segnalazioni mostrare"><ul class="in-linea">
        {{#filters}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>
        {{/filters}}</ul></nav>
        {{#filterNote}}<p class="aiuto">{{.}}</p>{{/filterNote}}
        {{#hasOpen}}
        <div class="tabella">
        <table>
        <caption>Segnalazioni aperte</caption>
        <thead><tr><th scope="col">Codice</th><th scope="col">Gravità</th><th scope="col">Elemento</th><th scope="col">Messaggio</th><th scope="col">Stato</th></tr></thead>
        <tbody>
        {{#open}}
        <tr><td>{{code}}</td><td>{{severity}}</td><td>{{elementKind}} {{#hasElementHref}}<a href="{{elementHref}}">{{elementCode}}</a>{{/hasElementHref}}{{^hasElementHref}}{{elementCode}}{{/hasElementHref}}</td><td>{{message}}{{#hasSource}} <span class="aiuto">({{source}})</span>{{/hasSource}}</td>
        <td>da vedere{{#canAcknowledge}}
        <details{{#error}} open="open"{{/error}}><summary>Riconosci…</summary>
        <form method="post" action="{{action}}">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        <input type="hidden" name="{{keyName}}" value="{{key}}" />
        <label for="{{reasonID}}">Motivo per riconoscerla</label>
        <input type="text" id="{{reasonID}}" name="{{reasonName}}" value="{{reasonValue}}" required="required"{{#error}} aria-invalid="true" aria-describedby="{{errorID}}"{{/error}} />
        {{#error}}<p class="errore-campo" id="{{errorID}}">{{.}}</p>{{/error}}
        <button type="submit">Riconosci</button>
        </form></details>{{/canAcknowledge}}</td></tr>
        {{/open}}
        </tbody>
        </table>
        </div>
        {{/hasOpen}}
        {{#hasAcknowledged}}
        <div class="tabella">
        <table>
        <caption>Segnalazioni riconosciute</caption>
        <thead><tr><th scope="col">Codice</th><th scope="col">Gravità</th><th scope="col">Elemento</th><th scope="col">Messaggio</th><th scope="col">Stato</th></tr></thead>
        <tbody>
        {{#acknowledged}}
        <tr><td>{{code}}</td><td>{{severity}}</td><td>{{elementKind}} {{#hasElementHref}}<a href="{{elementHref}}">{{elementCode}}</a>{{/hasElementHref}}{{^hasElementHref}}{{elementCode}}{{/hasElementHref}}</td><td>{{message}}</td><td>riconosciuta ({{acknowledgement}})</td></tr>
        {{/acknowledged}}
        </tbody>
        </table>
        </div>
        {{/hasAcknowledged}}
        {{/page}}{{/contenuto}}{{/layout}}
        """
}
