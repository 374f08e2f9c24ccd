/// `HomePage`.
enum HomeTemplate {
    static let source = """
        {{<layout}}{{$contenuto}}{{#page}}
        <h1>{{title}}</h1>
        {{#dashboard}}
        <div class="riquadri">
        {{#cards}}
        <section class="riquadro scheda">
        <h2>{{title}}</h2>
        <p class="punteggio cifra">{{value}}</p>
        {{#light}}{{#hasLight}}<p><span class="semaforo {{lightClass}}">{{lightLabel}}</span></p>{{/hasLight}}{{/light}}
        {{#note}}<p class="aiuto">{{.}}</p>{{/note}}
        {{#link}}<p><a href="{{href}}">{{label}}</a></p>{{/link}}
        </section>
        {{/cards}}
        </div>
        {{#tasks}}
        <section class="riquadro compiti" aria-labelledby="compiti">
        <h2 id="compiti">I tuoi compiti</h2>
        {{#hasTasks}}<ul>{{#tasks}}<li><a href="{{href}}">{{label}}</a>{{#note}} – {{.}}{{/note}}{{#overdue}} <strong>in ritardo</strong>{{/overdue}}</li>
        {{/tasks}}</ul>{{/hasTasks}}
        {{^hasTasks}}<p>Nessun compito in sospeso.</p>{{/hasTasks}}
        {{#completionLink}}<p><a href="{{href}}">{{label}}</a></p>{{/completionLink}}
        </section>
        {{/tasks}}
        <div class="riquadri">
        <section class="riquadro" aria-labelledby="da-fare">
        <h2 id="da-fare">{{todoTitle}}</h2>
        {{#hasTodo}}<ul>{{#todo}}<li><a href="{{href}}">{{label}}</a>{{#note}} – {{.}}{{/note}}</li>
        {{/todo}}</ul>{{/hasTodo}}
        {{^hasTodo}}<p>{{todoEmpty}}</p>{{/hasTodo}}
        </section>
        {{#hasDeadlines}}
        <section class="riquadro" aria-labelledby="scadenze">
        <h2 id="scadenze">Periodi e scadenze</h2>
        <ul>{{#deadlines}}<li>{{label}}: fino al {{date}}{{#due}}, valori entro il {{.}}{{/due}} – {{status}}</li>
        {{/deadlines}}</ul>
        </section>
        {{/hasDeadlines}}
        </div>
        <h2>Tutti i cicli</h2>
        {{/dashboard}}
        {{#hasCycles}}
        <ul class="cicli">
        {{#cycles}}<li><h3>{{label}}</h3>
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
