/// `RegistroPage`.
enum RegistroTemplate {
    static let source = """
        {{<layout}}{{$contenuto}}{{#page}}
        <h1>{{title}}</h1>
        {{#accessiHref}}<p>Accessi e tentativi non riusciti sono nel <a href="{{accessiHref}}">registro degli accessi</a>.</p>{{/accessiHref}}
        <form class="modulo" method="post" action="{{action}}">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        <fieldset>
        <legend>Filtra le modifiche</legend>
        {{#actor}}{{>campo-testo}}{{/actor}}
        <div class="campo">
        <label for="filtro-tipo">Tipo di dato</label>
        <select id="filtro-tipo" name="{{kindName}}">
        {{#kinds}}<option value="{{value}}"{{#selected}} selected="selected"{{/selected}}>{{label}}</option>
        {{/kinds}}
        </select>
        </div>
        {{#from}}{{>campo-testo}}{{/from}}
        {{#to}}{{>campo-testo}}{{/to}}
        <p><button type="submit">Filtra</button></p>
        </fieldset>
        </form>
        <p role="status">{{summary}}</p>
        {{#hasRows}}
        <div class="tabella">
        <table>
        <caption>Modifiche registrate</caption>
        <thead><tr><th scope="col">Quando</th><th scope="col">Chi</th><th scope="col">Operazione</th><th scope="col">Dato</th><th scope="col">Ente e anno</th><th scope="col">Elemento</th><th scope="col">Prima</th><th scope="col">Dopo</th></tr></thead>
        <tbody>
        {{#rows}}<tr><td>{{at}}</td><td>{{actor}}</td><td>{{action}}</td><td>{{kindLabel}}</td><td>{{scope}}</td><td>{{recordID}}</td><td><code>{{before}}</code></td><td><code>{{after}}</code></td></tr>
        {{/rows}}
        </tbody>
        </table>
        </div>
        {{/hasRows}}
        {{/page}}{{/contenuto}}{{/layout}}
        """
}
