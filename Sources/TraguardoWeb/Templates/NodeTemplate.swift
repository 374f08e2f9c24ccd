/// `NodePage`.
enum NodeTemplate {
    static let source = """
        {{<layout}}{{$contenuto}}{{#page}}
        <p><a href="{{treeHref}}">Albero della performance</a>{{#parent}} › <a href="{{href}}">{{label}}</a>{{/parent}}</p>
        <h1>{{title}}</h1>
        {{#periodLabel}}<p class="sottotitolo">Periodo: {{.}}</p>{{/periodLabel}}
        {{#varied}}<p class="nota">{{.}}.</p>{{/varied}}
        <p><a href="{{historyHref}}">Storia dell'elemento: versioni e variazioni</a></p>
        <div class="riquadri">
        <section class="riquadro" aria-labelledby="nodo-risultato">
        <h2 id="nodo-risultato">Risultato</h2>
        {{#score}}<p class="punteggio">{{shown}}</p>{{#hasLight}}<p><span class="semaforo {{lightClass}}">{{lightLabel}}</span></p>{{/hasLight}}{{#hasPoints}}<p>Punteggio: {{points}}</p>{{/hasPoints}}
        {{#hasNotes}}<ul>{{#notes}}<li>{{.}}</li>{{/notes}}</ul>{{/hasNotes}}{{/score}}
        </section>
        <section class="riquadro" aria-labelledby="nodo-dati">
        <h2 id="nodo-dati">Dati</h2>
        <p>{{kindLabel}} {{code}}</p>
        {{#owner}}<p>Responsabile: {{.}}</p>{{/owner}}
        {{#description}}<p>{{.}}</p>{{/description}}
        </section>
        </div>

        <h2 id="spiegazione">Come è stato ottenuto</h2>
        <p class="aiuto">Ogni voce si apre sui valori da cui è calcolata; il codice porta alla sua pagina.</p>
        <ul class="spiegazione">{{#explanation}}{{>spiegazione-voce}}{{/explanation}}</ul>
        {{#hasSources}}
        <details>
        <summary>Fonti</summary>
        <ul>{{#sources}}<li>{{.}}</li>{{/sources}}</ul>
        </details>
        {{/hasSources}}

        {{#hasBudget}}
        <h2 id="risorse">Risorse</h2>
        <div class="tabella">
        <table>
        <caption>Risorse di {{code}} (euro)</caption>
        <thead><tr><th scope="col">Voce</th>{{#budgetPhases}}<th scope="col" class="numero">{{.}}</th>{{/budgetPhases}}</tr></thead>
        <tbody>
        {{#budget}}<tr><th scope="row">{{kind}}</th>{{#amounts}}<td class="numero">{{.}}</td>{{/amounts}}</tr>
        {{/budget}}
        </tbody>
        </table>
        </div>
        {{/hasBudget}}

        {{#hasChildren}}
        <h2 id="rami">Rami</h2>
        <div class="tabella">
        <table>
        <caption>Nodi sotto {{code}}</caption>
        <thead><tr><th scope="col">Codice</th><th scope="col">Titolo</th><th scope="col" class="numero">Risultato</th></tr></thead>
        <tbody>
        {{#children}}<tr><th scope="row"><a href="{{href}}">{{code}}</a></th><td>{{title}}</td><td class="numero">{{#score}}{{>punteggio}}{{/score}}</td></tr>
        {{/children}}
        </tbody>
        </table>
        </div>
        {{/hasChildren}}

        {{#hasIndicators}}
        <h2 id="indicatori">Indicatori, target e rilevazioni</h2>
        {{#indicators}}
        <section aria-labelledby="{{headingID}}">
        <h3 id="{{headingID}}">Indicatore {{code}} – {{name}}: {{#score}}{{>punteggio}}{{/score}}</h3>
        <p class="aiuto">Target: {{targets}} · Unità: {{unit}} · Base: {{baseline}}</p>
        <div class="tabella">
        <table>
        <caption>Item dell'indicatore {{code}}</caption>
        <thead><tr><th scope="col">Item</th><th scope="col">Descrizione</th><th scope="col">Target</th><th scope="col">Rilevato</th><th scope="col">Ufficio</th><th scope="col" class="numero">Risultato</th><th scope="col">Storico</th></tr></thead>
        <tbody>
        {{#items}}<tr><th scope="row">{{path}}</th><td>{{description}}</td><td>{{target}}</td><td>{{measurement}}{{#hasEvidence}}<ul class="allegati">{{#evidence}}{{>allegato}}{{/evidence}}</ul>{{/hasEvidence}}</td><td>{{office}}</td><td class="numero">{{#score}}{{>punteggio}}{{/score}}</td><td>{{history}}</td></tr>
        {{/items}}
        </tbody>
        </table>
        </div>
        </section>
        {{/indicators}}
        {{/hasIndicators}}
        {{#reviews}}
        <h2 id="revisione">Commenti e validazioni dell'OIV</h2>
        {{#hasValidations}}<ul class="validazioni">
        {{#validations}}<li>Risultato di {{period}} validato da {{validatedBy}} il {{at}}{{#note}}: {{.}}{{/note}}</li>
        {{/validations}}</ul>{{/hasValidations}}
        {{^hasValidations}}<p>Il risultato non è ancora stato validato.</p>{{/hasValidations}}
        {{#hasComments}}<ul class="commenti">
        {{#comments}}<li><strong>{{author}}</strong>, {{at}}: {{text}}</li>
        {{/comments}}</ul>{{/hasComments}}
        {{^hasComments}}<p>Nessun commento.</p>{{/hasComments}}
        {{#canComment}}
        <form method="post" action="{{commentAction}}" class="riquadro">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        <input type="hidden" name="{{fields.element}}" value="{{elementPath}}" />
        <div class="campo"><label for="commento-testo">Commento</label>
        <textarea id="commento-testo" name="{{fields.text}}" rows="3" required="required"></textarea></div>
        <button type="submit">Aggiungi il commento</button>
        </form>
        {{/canComment}}
        {{#canValidate}}
        <form method="post" action="{{validateAction}}" class="riquadro">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        <input type="hidden" name="{{fields.element}}" value="{{elementPath}}" />
        <div class="campo"><label for="validazione-periodo">Periodo</label>
        <select id="validazione-periodo" name="{{fields.period}}">
        {{#periods}}<option value="{{code}}"{{#selected}} selected="selected"{{/selected}}>{{label}}</option>
        {{/periods}}</select></div>
        <div class="campo"><label for="validazione-nota">Nota (facoltativa)</label>
        <input type="text" id="validazione-nota" name="{{fields.note}}" /></div>
        <button type="submit">Valida il risultato</button>
        </form>
        {{/canValidate}}
        {{/reviews}}
        {{/page}}{{/contenuto}}{{/layout}}
        """

    /// One element of the explanation, and inside its `<details>` the inputs (`ExplanationTree`).
    static let explanationName = "spiegazione-voce"
    static let explanation = """
        <li>{{#hasChildren}}<details{{#open}} open="open"{{/open}}><summary>{{>spiegazione-testa}}</summary>
        <ul>
        {{#children}}{{>spiegazione-voce}}{{/children}}
        </ul>
        </details>{{/hasChildren}}{{^hasChildren}}{{>spiegazione-testa}}{{/hasChildren}}</li>

        """

    static let explanationHeadName = "spiegazione-testa"
    static let explanationHead = """
        <span class="spiegazione-voce">{{#hasHref}}<a href="{{href}}">{{name}}</a>{{/hasHref}}{{^hasHref}}{{name}}{{/hasHref}}{{#title}} «{{title}}»{{/title}}: <strong class="spiegazione-valore">{{shown}}</strong>{{#hasWords}}<span class="spiegazione-formula"> = {{words}}</span>{{/hasWords}}{{#hasNotes}}<span class="spiegazione-note"> ({{notes}})</span>{{/hasNotes}}</span>
        """
}
