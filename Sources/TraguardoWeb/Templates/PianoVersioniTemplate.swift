/// `PianoVersioniPage`.
enum PianoVersioniTemplate {
    static let source = """
        {{<layout}}{{$contenuto}}{{#page}}
        <h1>{{title}}</h1>
        {{#flash}}<p class="messaggio successo" role="status">{{.}}</p>{{/flash}}
        <p>{{state}}</p>
        {{#editorHref}}<p><a href="{{.}}">Editor del piano: nodi, obiettivi, indicatori, target, risorse</a></p>{{/editorHref}}
        {{#manage}}
        {{^approved}}
        <h2 id="approva">Approvazione</h2>
        {{#hasTargetsToSet}}<p>Indicatori ancora senza target per l'anno, da fissare nell'editor prima dell'approvazione:</p>
        <ul>{{#targetsToSet}}<li><a href="{{href}}">{{label}}</a></li>{{/targetsToSet}}</ul>{{/hasTargetsToSet}}
        <form class="modulo" method="post" action="{{approveAction}}">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        <div class="campo">
        <label for="atto-approvazione">Atto di approvazione</label>
        <input type="text" id="atto-approvazione" name="atto" value="{{act}}" maxlength="300" aria-describedby="atto-aiuto{{#actError}} atto-errore{{/actError}}"{{#actError}} aria-invalid="true"{{/actError}} />
        <p class="aiuto" id="atto-aiuto">Tipo, organo, numero e data, per esempio «Delibera di Consiglio n. 12 del 20/12/2018».</p>
        {{#actError}}<p class="errore-campo" id="atto-errore">{{.}}</p>{{/actError}}
        </div>
        <p><button type="submit">Approva il piano</button></p>
        </form>
        {{/approved}}
        <h2 id="nuovo-anno">Nuovo anno</h2>
        <p>Prepara il piano di un altro anno da questo: organizzazione, metodologia, albero, obiettivi e indicatori; valori di partenza dai risultati di quest'anno; target del nuovo anno da fissare; le variazioni degli elementi che continuano, con i loro atti; rilevazioni, risorse e approvazione restano qui.</p>
        <form class="modulo" method="post" action="{{rolloverAction}}">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        <div class="campo">
        <label for="anno-nuovo">Anno nuovo</label>
        <input type="text" inputmode="numeric" id="anno-nuovo" name="anno" value="{{nextYear}}" maxlength="4"{{#rolloverError}} aria-describedby="anno-errore" aria-invalid="true"{{/rolloverError}} />
        {{#rolloverError}}<p class="errore-campo" id="anno-errore">{{.}}</p>{{/rolloverError}}
        </div>
        <div class="campo"><input type="checkbox" id="sostituisci" name="sostituisci" value="si" /> <label for="sostituisci">Sostituisci il piano dell'anno nuovo, se c'è già (con le sue rilevazioni)</label></div>
        <p><button type="submit">Prepara l'anno nuovo</button></p>
        </form>
        {{/manage}}
        <h2 id="versioni">Versioni</h2>
        {{#hasVersions}}
        <div class="tabella">
        <table>
        <caption>Versioni del piano, dalla più recente</caption>
        <thead><tr><th scope="col">Versione</th><th scope="col">Quando</th><th scope="col">Chi</th><th scope="col">Tipo</th><th scope="col">Atto</th></tr></thead>
        <tbody>
        {{#versions}}<tr><td>{{number}}</td><td>{{at}}</td><td>{{actor}}</td><td>{{kind}}</td><td>{{act}}</td></tr>
        {{/versions}}
        </tbody>
        </table>
        </div>
        {{/hasVersions}}
        {{^hasVersions}}<p>Nessuna versione registrata: se ne registra una a ogni salvataggio che cambia il piano.</p>{{/hasVersions}}
        <h2 id="confronto">Confronto tra versioni</h2>
        <form class="modulo" method="get" action="{{compareAction}}">
        <div class="campo"><label for="da">Dalla versione (numero o data)</label><input type="text" id="da" name="da" value="{{from}}" maxlength="20" /></div>
        <div class="campo"><label for="a">Alla versione (numero o data)</label><input type="text" id="a" name="a" value="{{to}}" maxlength="20" /></div>
        <div class="campo"><label for="altro-anno">Oppure con il piano dell'anno</label><input type="text" inputmode="numeric" id="altro-anno" name="anno" value="{{otherYear}}" maxlength="4" /></div>
        <div class="campo"><label for="elemento">Solo l'elemento (codice; da solo: la sua storia)</label><input type="text" id="elemento" name="elemento" value="{{element}}" maxlength="200" /></div>
        <p><button type="submit">Confronta</button></p>
        </form>
        {{#comparisonError}}<p class="messaggio errore" role="alert">{{.}}</p>{{/comparisonError}}
        {{#comparisonTitle}}<h3>{{.}}</h3>{{/comparisonTitle}}
        {{#hasChanges}}
        <div class="tabella">
        <table>
        <caption>Elementi aggiunti, eliminati, modificati</caption>
        <thead><tr><th scope="col">Versione</th><th scope="col">Elemento</th><th scope="col">Modifica</th><th scope="col">Campi: prima → dopo</th></tr></thead>
        <tbody>
        {{#changes}}<tr><td>{{version}}</td><td>{{element}}</td><td>{{kind}}</td><td>{{#fields}}<p>{{name}}: «{{before}}» → «{{after}}»</p>{{/fields}}</td></tr>
        {{/changes}}
        </tbody>
        </table>
        </div>
        {{/hasChanges}}
        {{#comparisonTitle}}{{^hasChanges}}<p>Nessuna differenza.</p>{{/hasChanges}}{{/comparisonTitle}}
        {{/page}}{{/contenuto}}{{/layout}}
        """
}
