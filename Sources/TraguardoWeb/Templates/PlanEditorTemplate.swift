/// `PlanEditorPage` and `AdminEntiPage`: the editor's lists and forms, each form with its errors beside the
/// fields and, on top of the page, a summary linking each error to its field.
enum PlanEditorTemplate {
    static let errorSummary = """
        {{#hasErrors}}<div class="messaggio errore" role="alert" tabindex="-1" id="riepilogo-errori">
        <p>Non ho salvato nulla: correggi i campi segnati.</p>
        <ul>{{#errorLinks}}<li><a href="{{href}}">{{text}}</a></li>{{/errorLinks}}</ul>
        </div>{{/hasErrors}}
        """

    static let forms = """
        {{#forms}}
        <section aria-labelledby="{{id}}--sezione">
        <details class="modulo-piano"{{#open}} open{{/open}}>
        <summary><h2 id="{{id}}--sezione">{{heading}}</h2></summary>
        <form class="modulo" method="post" action="{{action}}">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        {{#hidden}}<input type="hidden" name="{{name}}" value="{{value}}" />
        {{/hidden}}
        {{#notes}}<p class="errore-campo" id="{{id}}" tabindex="-1">{{text}}</p>
        {{/notes}}
        {{#controls}}{{#field}}{{>campo-amministrazione}}{{/field}}{{#select}}{{>scelta-amministrazione}}{{/select}}{{/controls}}
        <p><button type="submit"{{#danger}} class="pericolo"{{/danger}}>{{button}}</button></p>
        </form>
        </details>
        </section>
        {{/forms}}
        """

    static let source = """
        {{<layout}}{{$contenuto}}{{#page}}
        {{>menu-amministrazione}}
        <nav aria-label="Percorso nel piano"><ol class="percorso">{{#breadcrumbs}}<li><a href="{{href}}">{{label}}</a></li>{{/breadcrumbs}}</ol></nav>
        <h1>{{title}}</h1>
        {{#planState}}<p>{{.}} <a href="{{versionsHref}}">Approvazione, versioni e nuovo anno</a></p>{{/planState}}
        \(errorSummary)
        {{#hasDetails}}<dl class="dettagli">{{#details}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/details}}</dl>{{/hasDetails}}
        {{#hasFindings}}<section aria-labelledby="verifiche-titolo" class="messaggio informazione">
        <h2 id="verifiche-titolo">Verifiche su questo elemento</h2>
        <ul>{{#findings}}<li>{{.}}</li>{{/findings}}</ul>
        </section>{{/hasFindings}}
        {{#lists}}
        <h2>{{heading}}</h2>
        {{#hasRows}}<ul class="elenco-piano">{{#rows}}<li>{{indent}}<a href="{{href}}">{{code}}</a> {{label}}</li>
        {{/rows}}</ul>{{/hasRows}}
        {{^hasRows}}<p>{{empty}}</p>{{/hasRows}}
        {{/lists}}
        \(forms)
        {{/page}}{{/contenuto}}{{/layout}}
        """

    static let entiSource = """
        {{<layout}}{{$contenuto}}{{#page}}
        {{>menu-amministrazione}}
        <h1>{{title}}</h1>
        \(errorSummary)
        {{#hasCycles}}<ul class="elenco-piano">{{#cycles}}<li><a href="{{href}}">{{label}}</a></li>
        {{/cycles}}</ul>{{/hasCycles}}
        {{^hasCycles}}<p>Il database non contiene ancora nessun Ente: crearne uno con il suo primo anno qui sotto.</p>{{/hasCycles}}
        \(forms)
        {{/page}}{{/contenuto}}{{/layout}}
        """

    static let proposalsSource = """
        {{<layout}}{{$contenuto}}{{#page}}
        {{>menu-amministrazione}}
        <h1>{{title}}</h1>
        \(errorSummary)
        <p><a href="{{editorHref}}">Torna all'editor del piano</a></p>
        {{^hasProposals}}<p>Nessuna proposta di modifica.</p>{{/hasProposals}}
        {{#proposals}}
        <section class="proposta" aria-labelledby="proposta-{{number}}">
        <h2 id="proposta-{{number}}">{{heading}} <span class="stato">({{status}})</span></h2>
        <dl class="dettagli">{{#details}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/details}}</dl>
        {{#hasFields}}<h3>Campi proposti</h3>
        <dl class="dettagli">{{#fields}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/fields}}</dl>{{/hasFields}}
        \(forms)
        </section>
        {{/proposals}}
        {{/page}}{{/contenuto}}{{/layout}}
        """
}
