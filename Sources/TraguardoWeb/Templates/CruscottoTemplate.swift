/// `CruscottoPage`.
enum CruscottoTemplate {
    static let source = """
        {{<layout}}{{$contenuto}}{{#page}}
        <h1>{{title}}</h1>
        <p class="sottotitolo">{{entityName}}{{#periodLabel}} – periodo: {{.}}{{/periodLabel}} – metodologia: {{methodologyName}}</p>
        {{#hasPeriods}}<nav aria-label="Periodo del cruscotto"><ul class="in-linea">
        {{#periods}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>
        {{/periods}}</ul></nav>{{/hasPeriods}}
        <div class="riquadri">
        <section class="riquadro" aria-labelledby="ris-ente">
        <h2 id="ris-ente">Risultato dell'Ente</h2>
        {{#entity}}<p class="punteggio">{{shown}}</p>{{#hasLight}}<p><span class="semaforo {{lightClass}}">{{lightLabel}}</span></p>{{/hasLight}}{{/entity}}
        </section>
        <section class="riquadro" aria-labelledby="ril-mancanti">
        <h2 id="ril-mancanti">Rilevazioni mancanti</h2>
        {{#hasMissingCount}}<p class="punteggio">{{missingCount}}</p>
        <p><a href="#mancanti">Vedi chi le deve inserire</a></p>{{/hasMissingCount}}
        {{#missingNote}}<p>{{.}}</p>{{/missingNote}}
        </section>
        </div>

        {{#hasFigures}}
        <h2 id="grafici">Grafici</h2>
        <p class="aiuto">Ogni barra e ogni punto apre la pagina di ciò che mostra; i dati di ogni grafico sono nella tabella sotto il disegno.</p>
        {{#figures}}{{>figura}}{{/figures}}
        {{/hasFigures}}

        {{#hasAreas}}
        <h2 id="aree">Raggiungimento per area e obiettivo</h2>
        <div class="tabella">
        <table>
        <caption>Aree strategiche e obiettivi strategici</caption>
        <thead><tr><th scope="col">Codice</th><th scope="col">Area / obiettivo</th><th scope="col" class="numero">Raggiungimento</th></tr></thead>
        <tbody>
        {{#areas}}
        <tr class="area"><th scope="row"><a href="{{href}}">{{code}}</a></th><td><strong>{{title}}</strong></td><td class="numero">{{#score}}{{>punteggio}}{{/score}}</td></tr>
        {{#children}}
        <tr><td><a href="{{href}}">{{code}}</a></td><td>{{title}}</td><td class="numero">{{#score}}{{>punteggio}}{{/score}}</td></tr>
        {{/children}}
        {{/areas}}
        </tbody>
        </table>
        </div>
        <p><a href="{{treeHref}}">Apri l'albero della performance</a> · <a href="{{comparisonHref}}">Confronto con gli altri Enti</a></p>
        {{/hasAreas}}

        {{#hasObjectives}}
        <h2 id="obiettivi">Obiettivi di Ente e individuali</h2>
        <div class="tabella">
        <table>
        <caption>Obiettivi</caption>
        <thead><tr><th scope="col">Codice</th><th scope="col">Obiettivo</th><th scope="col">Tipo</th><th scope="col" class="numero">Raggiungimento</th><th scope="col" class="numero">Punteggio</th></tr></thead>
        <tbody>
        {{#objectives}}
        <tr><th scope="row"><a href="{{href}}">{{code}}</a></th><td>{{title}}</td><td>{{kindLabel}}</td><td class="numero">{{#score}}{{>punteggio}}{{/score}}</td><td class="numero">{{#score}}{{#hasPoints}}{{points}}{{/hasPoints}}{{/score}}</td></tr>
        {{/objectives}}
        </tbody>
        </table>
        </div>
        {{/hasObjectives}}

        {{#hasLowestItems}}
        <h2 id="item-bassi">Item con il risultato più basso</h2>
        <div class="tabella">
        <table>
        <caption>Gli item misurati con la percentuale più bassa (N.C. esclusi)</caption>
        <thead><tr><th scope="col">Item</th><th scope="col">Descrizione</th><th scope="col" class="numero">Risultato</th></tr></thead>
        <tbody>
        {{#lowestItems}}
        <tr><th scope="row"><a href="{{href}}">{{path}}</a></th><td>{{description}}</td><td class="numero">{{#score}}{{>punteggio}}{{/score}}</td></tr>
        {{/lowestItems}}
        </tbody>
        </table>
        </div>
        {{/hasLowestItems}}

        {{#hasAtRisk}}
        <h2 id="a-rischio">Item a rischio</h2>
        <p>{{forecastRule}}</p>
        <div class="tabella">
        <table>
        <caption>Gli item la cui previsione a fine anno non raggiunge il target</caption>
        <thead><tr><th scope="col">Item</th><th scope="col">Descrizione</th><th scope="col" class="numero">Previsione</th><th scope="col">Target</th><th scope="col">Metodo</th><th scope="col">Stato</th></tr></thead>
        <tbody>
        {{#atRisk}}
        <tr><th scope="row"><a href="{{href}}">{{path}}</a></th><td>{{description}}</td><td class="numero">{{forecast}}</td><td>{{target}}</td><td>{{method}}</td><td><strong>a rischio</strong></td></tr>
        {{/atRisk}}
        </tbody>
        </table>
        </div>
        {{/hasAtRisk}}

        <h2 id="mancanti">Rilevazioni ancora mancanti</h2>
        {{#hasMissing}}
        {{#missing}}
        <div class="tabella">
        <table>
        <caption>{{office}}: {{count}} da inserire</caption>
        <thead><tr><th scope="col">Item</th><th scope="col">Descrizione</th></tr></thead>
        <tbody>
        {{#items}}<tr><td>{{itemPath}}</td><td>{{itemDescription}}</td></tr>
        {{/items}}
        </tbody>
        </table>
        </div>
        {{/missing}}
        {{/hasMissing}}
        {{^hasMissing}}{{#hasMissingCount}}<p>Tutte le rilevazioni del periodo sono state inserite.</p>{{/hasMissingCount}}{{#missingNote}}<p>{{.}}</p>{{/missingNote}}{{/hasMissing}}
        {{/page}}{{/contenuto}}{{/layout}}
        """
}
