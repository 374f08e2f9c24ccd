/// `MetodologiePage`.
enum MetodologieTemplate {
    static let source = """
        {{<layout}}{{$contenuto}}{{#page}}
        <h1>{{title}}</h1>
        <p class="sottotitolo">I punteggi dell'Ente-anno con la sua metodologia e con un'altra (un preset o una versione registrata): che cosa cambia, elemento per elemento. Nulla è registrato.</p>
        <form class="modulo" method="get" action="{{action}}">
        {{#period}}<input type="hidden" name="periodo" value="{{.}}" />{{/period}}
        <div class="campo"><label for="altra">Confronta con la metodologia</label>
        <select id="altra" name="altra">{{#choices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/choices}}</select></div>
        <p><button type="submit">Confronta</button></p>
        </form>
        {{#error}}<p class="messaggio errore" role="alert">{{.}}</p>{{/error}}
        {{#compared}}
        <h2 id="metodologie">{{current}} → {{proposed}}</h2>
        {{#computedPeriod}}<p>Periodo {{.}}.</p>{{/computedPeriod}}
        <p>Ente: <strong>{{entityBefore}}</strong> con la metodologia attuale, <strong>{{entityAfter}}</strong> con l'altra{{#entityDifference}} ({{.}}){{/entityDifference}}.</p>
        <h3 id="regole">Regole diverse</h3>
        {{#hasRuleDifferences}}<ul>{{#ruleDifferences}}<li>{{.}}</li>{{/ruleDifferences}}</ul>{{/hasRuleDifferences}}
        {{^hasRuleDifferences}}<p>Le regole sono le stesse.</p>{{/hasRuleDifferences}}
        <h3 id="elementi">Elementi</h3>
        <p>{{summary}}</p>
        {{#hasRows}}
        <div class="tabella">
        <table>
        <caption>Punteggi che cambiano: attuale → altra metodologia, con la formula di ciascuna</caption>
        <thead><tr><th scope="col">Tipo</th><th scope="col">Elemento</th><th scope="col">Attuale</th><th scope="col">Altra</th><th scope="col">Differenza</th><th scope="col">Come si ottiene</th></tr></thead>
        <tbody>
        {{#rows}}<tr><td>{{kind}}</td><td>{{element}}</td><td>{{before}}</td><td>{{after}}</td><td>{{difference}}</td><td><p>Attuale: {{beforeFormula}}</p><p>Altra: {{afterFormula}}</p></td></tr>
        {{/rows}}
        </tbody>
        </table>
        </div>
        {{/hasRows}}
        <h3 id="fasce">Dirigenti per fascia di punteggio</h3>
        <div class="tabella">
        <table>
        <caption>Quanti dirigenti in ogni fascia, con ciascuna metodologia (differenziazione dei giudizi)</caption>
        <thead><tr><th scope="col">Fascia</th><th scope="col">Attuale</th><th scope="col">Altra</th></tr></thead>
        <tbody>
        {{#bands}}<tr><td>{{label}}</td><td>{{before}}</td><td>{{after}}</td></tr>
        {{/bands}}
        </tbody>
        </table>
        </div>
        {{/compared}}
        {{/page}}{{/contenuto}}{{/layout}}
        """
}
