/// `OIVSamplePage`.
enum OIVSampleTemplate {
    static let source = """
        {{<layout}}{{$contenuto}}{{#page}}
        <h1>{{title}}</h1>
        {{#message}}<div class="messaggio successo" role="status"><p>{{.}}</p></div>{{/message}}
        {{#snapshotText}}<p>{{.}}</p>{{/snapshotText}}
        {{#notFrozen}}<p class="messaggio">{{.}}</p>{{/notFrozen}}
        {{#canDraw}}
        <form class="modulo" method="post" action="{{drawAction}}">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        <div class="campo">
        <label for="campione-dimensione">Numero di item da estrarre (su {{population}})</label>
        <input type="number" id="campione-dimensione" name="{{sizeName}}" min="1" max="10000" value="{{suggestedSize}}" required="required" />
        </div>
        <div class="campo">
        <label for="campione-seme">Seme (facoltativo: vuoto, lo sceglie Traguardo e lo registra)</label>
        <input type="text" id="campione-seme" name="{{seedName}}" inputmode="numeric" maxlength="19" aria-describedby="campione-aiuto" />
        <p class="aiuto" id="campione-aiuto">Estrazione stratificata per ufficio; lo stesso seme sulla stessa istantanea estrae lo stesso campione.</p>
        </div>
        <button type="submit">Estrai il campione</button>
        </form>
        {{/canDraw}}
        {{#hasSample}}
        <h2>Campione</h2>
        <p>{{sampleText}}</p>
        <ul class="in-linea">{{#documents}}<li><a href="{{href}}">{{label}}</a></li>{{/documents}}</ul>
        <div class="tabella">
        <table>
        <caption>Item del campione</caption>
        <thead><tr><th scope="col">Ufficio</th><th scope="col">Item</th><th scope="col">Valore congelato</th><th scope="col" class="numero">Punteggio</th><th scope="col">Documenti a supporto</th><th scope="col">Esito e nota di lavoro</th></tr></thead>
        <tbody>
        {{#rows}}<tr><td>{{office}}</td><td>{{path}}<br />{{title}}</td><td>{{value}}</td><td class="numero">{{score}}</td>
        <td>{{#hasEvidence}}<ul>{{#evidence}}<li><a href="{{href}}">{{label}}</a></li>{{/evidence}}</ul>{{/hasEvidence}}{{^hasEvidence}}nessuno{{/hasEvidence}}</td>
        <td>{{^canNote}}{{outcome}}{{#note}}: {{.}}{{/note}}{{/canNote}}
        {{#canNote}}<form method="post" action="{{noteAction}}">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        <input type="hidden" name="{{itemName}}" value="{{itemID}}" />
        <label for="esito-{{noteID}}">Esito per {{path}}</label>
        <select id="esito-{{noteID}}" name="{{outcomeName}}">{{#choices}}<option value="{{value}}"{{#selected}} selected="selected"{{/selected}}>{{label}}</option>{{/choices}}</select>
        <label for="{{noteID}}">Nota di lavoro per {{path}}</label>
        <textarea id="{{noteID}}" name="{{noteName}}" rows="2" maxlength="4000">{{note}}</textarea>
        <button type="submit">Salva l'esito di {{path}}</button>
        </form>{{/canNote}}</td></tr>
        {{/rows}}
        </tbody>
        </table>
        </div>
        {{/hasSample}}
        {{/page}}{{/contenuto}}{{/layout}}
        """
}
