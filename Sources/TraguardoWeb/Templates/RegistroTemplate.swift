/// `RegistroPage`.
enum RegistroTemplate {
    static let source = """
        {{<layout}}{{$contenuto}}{{#page}}
        <h1>{{title}}</h1>
        {{#accessiHref}}<p>Accessi e tentativi non riusciti sono nel <a href="{{accessiHref}}">registro degli accessi</a>.</p>{{/accessiHref}}
        <details class="filtri"{{#filtering}} open="open"{{/filtering}}>
        <summary>Filtra le modifiche</summary>
        <form class="modulo filtri-registro" method="get" action="{{action}}">
        {{#actor}}{{>campo-testo}}{{/actor}}
        {{#element}}{{>campo-testo}}{{/element}}
        <div class="campo">
        <label for="filtro-tipo">Tipo di dato</label>
        <select id="filtro-tipo" name="{{kindName}}">
        {{#kinds}}<option value="{{value}}"{{#selected}} selected="selected"{{/selected}}>{{label}}</option>
        {{/kinds}}
        </select>
        </div>
        <div class="campo">
        <label for="filtro-ente-anno">Ente e anno</label>
        <select id="filtro-ente-anno" name="{{cycleName}}">
        {{#cycles}}<option value="{{value}}"{{#selected}} selected="selected"{{/selected}}>{{label}}</option>
        {{/cycles}}
        </select>
        </div>
        {{#from}}{{>campo-testo}}{{/from}}
        {{#to}}{{>campo-testo}}{{/to}}
        <p><button type="submit">Filtra</button> <a href="{{action}}">Tutte le modifiche</a></p>
        </form>
        </details>
        <p role="status">{{summary}} {{#hasRows}}<a href="{{csvHref}}" download="registro-modifiche.csv">Scarica in CSV</a>{{/hasRows}}</p>
        {{#hasRows}}
        <div class="tabella">
        <table class="registro">
        <caption>Modifiche registrate{{#pageText}}, {{pageText}}{{/pageText}}</caption>
        <thead><tr><th scope="col">Quando</th><th scope="col">Chi</th><th scope="col">Operazione</th><th scope="col">Dato</th><th scope="col">Ente e anno</th><th scope="col">Elemento</th><th scope="col">Che cosa è cambiato</th></tr></thead>
        <tbody>
        {{#rows}}<tr><td>{{at}}</td><td>{{actor}}</td><td>{{action}}</td><td>{{kindLabel}}</td><td>{{scope}}</td><td>{{recordID}}</td><td>{{#hasChanges}}<ul class="modifiche">{{#changes}}<li>{{#field}}<span class="campo">{{field}}</span>: {{/field}}<span>{{#hasBefore}}<del>{{before}}</del>{{/hasBefore}}{{#hasBefore}}{{#hasAfter}} → {{/hasAfter}}{{/hasBefore}}{{#hasAfter}}<ins>{{after}}</ins>{{/hasAfter}}{{^hasAfter}} (tolto){{/hasAfter}}</span></li>{{/changes}}</ul>{{/hasChanges}}{{^hasChanges}}–{{/hasChanges}}</td></tr>
        {{/rows}}
        </tbody>
        </table>
        </div>
        {{/hasRows}}
        {{#pageText}}<nav class="pagine" aria-label="Pagine del registro">{{#previousHref}}<a href="{{previousHref}}" rel="prev">← Più recenti</a> {{/previousHref}}<span>{{pageText}}</span>{{#nextHref}} <a href="{{nextHref}}" rel="next">Meno recenti →</a>{{/nextHref}}</nav>{{/pageText}}
        {{/page}}{{/contenuto}}{{/layout}}
        """
}
