/// `InviiPage`.
enum InviiTemplate {
    static let source = """
        {{<layout}}{{$contenuto}}{{#page}}
        <h1>{{title}}</h1>
        <nav aria-label="Periodi"><ul class="filtri">{{#periodLinks}}<li><a href="{{href}}">{{label}}</a></li>{{/periodLinks}}</ul></nav>
        <p>{{periodNote}}</p>
        {{#error}}<div class="errori" role="alert"><p>{{.}}</p></div>{{/error}}
        {{#hasUnits}}
        <div class="tabella">
        <table>
        <caption>Completamento per unità</caption>
        <thead><tr><th scope="col">Unità</th><th scope="col" class="numero">Uffici</th><th scope="col">Compilato</th><th scope="col" class="numero">Uffici in ritardo</th></tr></thead>
        <tbody>
        {{#units}}<tr><td>{{name}}</td><td class="numero">{{offices}}</td><td>{{completion}}</td><td class="numero">{{overdue}}</td></tr>
        {{/units}}
        </tbody>
        </table>
        </div>
        {{/hasUnits}}
        {{#hasOffices}}
        <div class="tabella">
        <table>
        <caption>Uffici: valori inseriti, scadenza e stato dell'invio</caption>
        <thead><tr><th scope="col">Ufficio</th><th scope="col">Compilati</th><th scope="col" class="numero">%</th><th scope="col">Scadenza</th><th scope="col">Stato</th><th scope="col">Azioni</th></tr></thead>
        <tbody>
        {{#offices}}<tr><td>{{name}}{{#missingHref}} (<a href="{{.}}">cosa manca</a>){{/missingHref}}</td><td>{{entered}}</td><td class="numero">{{completion}}</td>
        <td>{{deadline}}{{#overdue}} <strong>in ritardo</strong>{{/overdue}}</td>
        <td>{{state}}{{#reason}}: {{.}}{{/reason}}</td>
        <td>{{#buttons}}<form method="post" action="{{action}}">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        <input type="hidden" name="{{fields.unit}}" value="{{unitID}}" />
        <input type="hidden" name="{{fields.period}}" value="{{periodCode}}" />
        <input type="hidden" name="{{fields.action}}" value="{{value}}" />
        {{#needsReason}}<label for="{{reasonID}}">Motivo</label> <input type="text" id="{{reasonID}}" name="{{fields.reason}}" required maxlength="4000" />{{/needsReason}}
        <button type="submit">{{label}}</button>
        </form>{{/buttons}}</td></tr>
        {{/offices}}
        </tbody>
        </table>
        </div>
        {{/hasOffices}}
        {{^hasOffices}}<p>Nessun ufficio ha item da rilevare in questo periodo.</p>{{/hasOffices}}
        <h2>Storia degli invii</h2>
        {{#hasHistory}}<ul class="storia">{{#history}}<li>{{at}} – {{office}}, {{period}}: {{move}} ({{actor}}){{#reason}}: {{.}}{{/reason}}</li>
        {{/history}}</ul>{{/hasHistory}}
        {{^hasHistory}}<p>Ancora nessun invio.</p>{{/hasHistory}}
        {{/page}}{{/contenuto}}{{/layout}}
        """
}
