/// `DocumentiPage`.
enum DocumentiTemplate {
    static let source = """
        {{<layout}}{{$contenuto}}{{#page}}
        <h1>{{title}}</h1>
        <p class="sottotitolo">{{entityName}}: i documenti del ciclo, calcolati ora dai dati registrati.</p>
        {{#periodNote}}<p>{{.}}</p>{{/periodNote}}
        {{#sampleLink}}<p><a href="{{href}}">{{label}}</a></p>{{/sampleLink}}
        {{#methodologyLink}}<p><a href="{{href}}">{{label}}</a></p>{{/methodologyLink}}
        {{#cartaLink}}<p><a href="{{href}}">{{label}}</a></p>{{/cartaLink}}
        {{#hasPeriods}}<nav aria-label="Periodo dei documenti"><ul class="in-linea">
        {{#periods}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>
        {{/periods}}</ul></nav>{{/hasPeriods}}
        {{#documents}}
        <section class="riquadro">
        <h2>{{name}}</h2>
        <p>{{description}}</p>
        <ul class="in-linea">
        {{#links}}<li><a href="{{href}}" aria-label="{{accessibleLabel}}">{{label}}</a></li>
        {{/links}}
        </ul>
        </section>
        {{/documents}}
        {{/page}}{{/contenuto}}{{/layout}}
        """
}
