/// `RilevazionePage`. One `<fieldset>` per item; every input has its `<label for>`; a field with an error
/// has `aria-invalid="true"` and `aria-describedby` pointing at the message beside it.
enum RilevazioneTemplate {
    static let source = """
        {{<layout}}{{$contenuto}}{{#page}}
        <h1>{{title}}</h1>
        <p class="sottotitolo">{{entityName}} – anno {{year}} – periodo: {{periodLabel}}</p>
        {{^isOpen}}<p class="messaggio informazione" role="status">Il periodo è chiuso: le rilevazioni si possono leggere ma non modificare.</p>{{/isOpen}}
        {{#hasErrors}}
        <div class="messaggio errore" role="alert" aria-labelledby="errori-titolo">
        <h2 id="errori-titolo">Non ho salvato nulla: {{errorCount}} da correggere</h2>
        <ul>
        {{#errors}}<li><a href="{{href}}">{{text}}</a></li>
        {{/errors}}
        </ul>
        </div>
        {{/hasErrors}}
        {{#hasItems}}
        <form class="modulo" method="post" action="{{action}}" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        {{#items}}
        <fieldset{{^isOpen}} disabled="disabled"{{/isOpen}}>
        <legend>Item {{path}}</legend>
        <input type="hidden" name="{{presentName}}" value="1" />
        <p>{{description}}</p>
        <p class="aiuto">Indicatore: {{indicatorName}}{{#target}} – target: {{.}}{{/target}}{{#unit}} – unità: {{.}}{{/unit}}</p>
        <p>Risultato attuale: {{#score}}{{>punteggio}}{{/score}} <a href="{{nodeHref}}">(spiegazione)</a></p>
        {{#value}}{{>campo-testo}}{{/value}}
        {{#notComputable}}{{>campo-spunta}}{{/notComputable}}
        {{#notComputableReason}}{{>campo-testo}}{{/notComputableReason}}
        {{#justifiedDeviation}}{{>campo-spunta}}{{/justifiedDeviation}}
        {{#justification}}{{>campo-area}}{{/justification}}
        {{#narrative}}{{>campo-area}}{{/narrative}}
        {{#evidence}}{{>campo-file}}{{/evidence}}
        {{#hasEvidenceFiles}}<div class="allegati"><p class="aiuto">Documenti già allegati:</p>
        <ul>
        {{#evidenceFiles}}{{>allegato}}{{/evidenceFiles}}
        </ul></div>{{/hasEvidenceFiles}}
        {{#hasCurrentEvidence}}<p class="aiuto">Altri riferimenti citati: {{#currentEvidence}}{{.}}; {{/currentEvidence}}</p>{{/hasCurrentEvidence}}
        {{#author}}<p class="aiuto">Ultima rilevazione di {{.}}</p>{{/author}}
        </fieldset>
        {{/items}}
        {{#isOpen}}<p><button type="submit">Salva le rilevazioni</button></p>{{/isOpen}}
        </form>
        {{/hasItems}}
        {{^hasItems}}<p>Nessun item da rilevare per questo ufficio nel periodo.</p>{{/hasItems}}
        {{/page}}{{/contenuto}}{{/layout}}
        """
}

/// The partial of a stored evidence file (`EvidenceLink`): the download link, size, author and date.
enum EvidenceTemplate {
    static let link = """
        <li><a href="{{href}}" download>{{name}}</a> ({{number}}, periodo {{period}}, {{size}}, caricato da {{author}} il {{date}})</li>
        """
}

/// The partials of a form field: label, input, help and error message, wired for screen readers.
enum FieldTemplates {
    static let text = """
        <div class="campo">
        <label for="{{id}}">{{label}}</label>
        <input type="text" id="{{id}}" name="{{name}}" value="{{value}}"{{#describedBy}} aria-describedby="{{.}}"{{/describedBy}}{{#invalid}} aria-invalid="true"{{/invalid}} />
        {{#help}}<p class="aiuto" id="{{helpID}}">{{.}}</p>{{/help}}
        {{#error}}<p class="errore-campo" id="{{errorID}}">{{.}}</p>{{/error}}
        </div>
        """
    static let area = """
        <div class="campo">
        <label for="{{id}}">{{label}}</label>
        <textarea id="{{id}}" name="{{name}}" rows="3"{{#describedBy}} aria-describedby="{{.}}"{{/describedBy}}{{#invalid}} aria-invalid="true"{{/invalid}}>{{value}}</textarea>
        {{#help}}<p class="aiuto" id="{{helpID}}">{{.}}</p>{{/help}}
        {{#error}}<p class="errore-campo" id="{{errorID}}">{{.}}</p>{{/error}}
        </div>
        """
    static let file = """
        <div class="campo">
        <label for="{{id}}">{{label}}</label>
        <input type="file" id="{{id}}" name="{{name}}"{{#describedBy}} aria-describedby="{{.}}"{{/describedBy}}{{#invalid}} aria-invalid="true"{{/invalid}} />
        {{#help}}<p class="aiuto" id="{{helpID}}">{{.}}</p>{{/help}}
        {{#error}}<p class="errore-campo" id="{{errorID}}">{{.}}</p>{{/error}}
        </div>
        """
    static let check = """
        <div class="campo spunta">
        <input type="checkbox" id="{{id}}" name="{{name}}" value="1"{{#checked}} checked="checked"{{/checked}} />
        <label for="{{id}}">{{label}}</label>
        </div>
        """
}
