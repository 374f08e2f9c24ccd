/// `RilevazioneElencoPage`.
enum RilevazioneElencoTemplate {
    static let source = """
        {{<layout}}{{$contenuto}}{{#page}}
        <h1>{{title}}</h1>
        <p class="sottotitolo">{{entityName}} – periodo: {{periodLabel}}</p>
        {{^isOpen}}<p class="messaggio informazione" role="status">Il periodo è chiuso: le rilevazioni si possono leggere ma non modificare.</p>{{/isOpen}}
        {{#hasOffices}}
        <div class="tabella">
        <table>
        <caption>Uffici che inseriscono le rilevazioni</caption>
        <thead><tr><th scope="col">Ufficio</th><th scope="col" class="numero">Item</th><th scope="col" class="numero">Ancora da inserire</th></tr></thead>
        <tbody>
        {{#offices}}<tr><th scope="row"><a href="{{href}}">{{name}}</a></th><td class="numero">{{items}}</td><td class="numero">{{missing}}</td></tr>
        {{/offices}}
        </tbody>
        </table>
        </div>
        {{/hasOffices}}
        {{^hasOffices}}<p>Nessun ufficio ha item da rilevare in questo periodo.</p>{{/hasOffices}}
        {{/page}}{{/contenuto}}{{/layout}}
        """
}
