/// `CartaPage`.
enum CartaTemplate {
    static let source = """
        {{<layout}}{{$contenuto}}{{#page}}
        <h1>{{title}}</h1>
        <p class="sottotitolo">{{entityName}}</p>
        <p>{{note}}</p>
        <p>{{#otherSource}}<a href="{{href}}">{{label}}</a>{{/otherSource}}{{#importLink}} · <a href="{{href}}">{{label}}</a>{{/importLink}}</p>
        {{#hasRows}}
        <div class="tabella">
        <table>
        <caption>Righe della Carta dei servizi{{#fromCases}}, calcolate dai casi{{/fromCases}}</caption>
        <thead><tr><th scope="col">Codice</th><th scope="col">Processo</th><th scope="col">Standard</th><th scope="col">Rilevato</th>{{#fromCases}}<th scope="col" class="numero">Casi</th><th scope="col" class="numero">Media giorni lavorativi</th><th scope="col" class="numero">Massimo giorni lavorativi</th><th scope="col" class="numero">Entro lo standard</th><th scope="col" class="numero">Ritardi giustificati</th>{{/fromCases}}<th scope="col" class="numero">Risultato</th></tr></thead>
        <tbody>
        {{#rows}}
        <tr><th scope="row">{{code}}</th><td>{{process}}</td><td>{{standard}}</td><td>{{measured}}</td>{{#fromCases}}<td class="numero">{{cases}}</td><td class="numero">{{meanDays}}</td><td class="numero">{{maximumDays}}</td><td class="numero">{{withinStandard}}</td><td class="numero">{{justified}}</td>{{/fromCases}}<td class="numero">{{result}}</td></tr>
        {{/rows}}
        </tbody>
        </table>
        </div>
        <ul class="piede">{{#footer}}<li>{{.}}</li>{{/footer}}</ul>
        {{/hasRows}}
        {{^hasRows}}<p>Il piano di questo anno non ha una Carta dei servizi.</p>{{/hasRows}}
        {{/page}}{{/contenuto}}{{/layout}}
        """
}
