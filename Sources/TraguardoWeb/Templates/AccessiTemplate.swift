/// `AccessiPage`.
enum AccessiTemplate {
    static let source = """
        {{<layout}}{{$contenuto}}{{#page}}
        <h1>{{title}}</h1>
        <p>Accessi, tentativi non riusciti, uscite e sessioni terminate. Le modifiche ai dati sono nel <a href="{{registroHref}}">registro modifiche</a>.</p>
        <p role="status">{{summary}} {{retention}}</p>
        {{#hasRows}}
        <div class="tabella">
        <table>
        <caption>Eventi registrati</caption>
        <thead><tr><th scope="col">Quando</th><th scope="col">Evento</th><th scope="col">Utente</th><th scope="col">Indirizzo</th><th scope="col">Dettaglio</th></tr></thead>
        <tbody>
        {{#rows}}<tr><td>{{at}}</td><td>{{kindLabel}}</td><td>{{username}}</td><td>{{address}}</td><td>{{detail}}</td></tr>
        {{/rows}}
        </tbody>
        </table>
        </div>
        {{/hasRows}}
        {{/page}}{{/contenuto}}{{/layout}}
        """
}
