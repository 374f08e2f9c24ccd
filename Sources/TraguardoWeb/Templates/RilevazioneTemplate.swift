/// `RilevazionePage`. One table row per item; every input has its `<label for>`; a field with an error
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
        <div class="avanzamento" id="avanzamento">
        <progress max="{{itemCount}}" value="{{enteredCount}}" aria-label="Rilevazioni inserite">{{progress}}</progress>
        <p><strong>{{progress}}</strong>{{#shownNote}} – {{.}}{{/shownNote}}</p>
        </div>
        <form class="filtro" method="get" action="{{filterAction}}" role="search" aria-label="Filtra gli item">
        <div class="campo spunta"><input type="checkbox" id="solo-mancanti" name="mancanti" value="1"{{#onlyMissing}} checked="checked"{{/onlyMissing}} />
        <label for="solo-mancanti">Solo mancanti</label></div>
        <div class="campo"><label for="cerca">Cerca un item</label>
        <input type="search" id="cerca" name="cerca" value="{{search}}" maxlength="100" /></div>
        <button type="submit">Filtra</button>{{#isFiltered}} <a href="{{filterAction}}">Mostra tutti</a>{{/isFiltered}}
        </form>
        {{#hasItems}}
        <form class="modulo rilevazione" method="post" action="{{action}}" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        {{#isOpen}}<p class="salva-tutte"><button type="submit" name="salva" value="tutte">Salva tutte le righe</button></p>{{/isOpen}}
        <p id="esito-riga" class="esito" role="status"></p>
        <fieldset class="righe"{{^isOpen}} disabled="disabled"{{/isOpen}}>
        <legend>Item di {{officeName}}</legend>
        <div class="tabella">
        <table class="tabella-rilevazione">
        <thead><tr><th scope="col">Item</th><th scope="col">{{#previousPeriodLabel}}Valore {{.}}{{/previousPeriodLabel}}{{^previousPeriodLabel}}Periodo precedente{{/previousPeriodLabel}}</th><th scope="col">Valore rilevato</th><th scope="col">Stato</th><th scope="col">Salva</th></tr></thead>
        <tbody>
        {{#items}}
        <tr id="{{key}}" class="riga {{stateClass}}">
        <th scope="row" class="item">
        <input type="hidden" name="{{presentName}}" value="1" />
        <a href="{{nodeHref}}">{{path}}</a>
        <span class="descrizione">{{description}}</span>
        <span class="aiuto">Indicatore: {{indicatorName}}{{#target}} – target: {{.}}{{/target}}{{#unit}} – unità: {{.}}{{/unit}}</span>
        <span class="aiuto">Risultato attuale: {{#score}}{{>punteggio}}{{/score}}</span>
        </th>
        <td class="precedente" data-etichetta="Periodo precedente">{{#previousValue}}{{.}}{{/previousValue}}{{^previousValue}}<span class="aiuto">nessun valore</span>{{/previousValue}}</td>
        <td class="valore">
        {{#value}}{{>campo-testo}}{{/value}}
        <details class="altri-campi"{{#detailsOpen}} open="open"{{/detailsOpen}}>
        <summary>N.C., scostamento, nota, documento</summary>
        {{#notComputable}}{{>campo-spunta}}{{/notComputable}}
        <div class="dipende">{{#notComputableReason}}{{>campo-testo}}{{/notComputableReason}}</div>
        {{#justifiedDeviation}}{{>campo-spunta}}{{/justifiedDeviation}}
        <div class="dipende">{{#justification}}{{>campo-area}}{{/justification}}</div>
        {{#narrative}}{{>campo-area}}{{/narrative}}
        {{#evidence}}{{>campo-file}}{{/evidence}}
        {{#hasEvidenceFiles}}<div class="allegati"><p class="aiuto">Documenti già allegati:</p>
        <ul>
        {{#evidenceFiles}}{{>allegato}}{{/evidenceFiles}}
        </ul></div>{{/hasEvidenceFiles}}
        {{#hasCurrentEvidence}}<p class="aiuto">Altri riferimenti citati: {{#currentEvidence}}{{.}}; {{/currentEvidence}}</p>{{/hasCurrentEvidence}}
        </details>
        {{#author}}<p class="aiuto">Ultima rilevazione di {{.}}</p>{{/author}}
        </td>
        <td class="stato" data-etichetta="Stato"><span class="stato-{{stateClass}}">{{stateLabel}}</span></td>
        <td class="azione">{{#isOpen}}<button type="submit" class="salva-riga" name="salva" value="{{itemID}}">Salva<span class="nascosto"> l'item {{path}}</span></button>{{/isOpen}}</td>
        </tr>
        {{/items}}
        </tbody>
        </table>
        </div>
        </fieldset>
        </form>
        <script src="{{scriptHref}}" defer="defer"></script>
        {{/hasItems}}
        {{^hasItems}}{{^isFiltered}}<p>Nessun item da rilevare per questo ufficio nel periodo.</p>{{/isFiltered}}{{#isFiltered}}<p>Nessun item corrisponde al filtro.</p>{{/isFiltered}}{{/hasItems}}
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
        <input type="checkbox" id="{{id}}" name="{{name}}" value="1"{{#checked}} checked="checked"{{/checked}}{{#controls}} aria-controls="{{.}}"{{/controls}} />
        <label for="{{id}}">{{label}}</label>
        </div>
        """
}
