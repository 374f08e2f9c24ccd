/// `HomePage`.
enum HomeTemplate {
    static let source = """
        {{<layout}}{{$contenuto}}{{#page}}
        <h1>{{title}}</h1>
        {{#hasCycles}}
        <ul class="cicli">
        {{#cycles}}<li><h2>{{label}}</h2>
        {{#own}}<p class="diretto"><a href="{{href}}">{{label}}</a></p>{{/own}}
        <ul>{{#links}}<li><a href="{{href}}">{{label}}</a></li>{{/links}}</ul>
        </li>
        {{/cycles}}
        </ul>
        {{/hasCycles}}
        {{^hasCycles}}<p>Il database non contiene ancora nessun ciclo: importa un piano.</p>{{/hasCycles}}
        {{/page}}{{/contenuto}}{{/layout}}
        """
}
