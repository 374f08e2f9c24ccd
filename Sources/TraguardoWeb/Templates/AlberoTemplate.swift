/// `AlberoPage`, with the recursive partial `albero-nodo` (a node, and inside its `<details>` its children).
enum AlberoTemplate {
    static let source = """
        {{<layout}}{{$contenuto}}{{#page}}
        <h1>{{title}}</h1>
        <p class="sottotitolo">{{entityName}}{{#periodLabel}} – periodo: {{.}}{{/periodLabel}}</p>
        {{#hasNodes}}
        <h2 id="albero">Aree, obiettivi, programmi e progetti</h2>
        <p class="aiuto">Apri una voce per vederne i rami; il codice porta alla pagina del nodo con la spiegazione del risultato.</p>
        <ul class="albero">
        {{#nodes}}{{>albero-nodo}}{{/nodes}}
        </ul>
        {{/hasNodes}}
        {{#hasObjectives}}
        <h2 id="obiettivi">Obiettivi di Ente e individuali</h2>
        <ul class="albero">
        {{#objectives}}{{>albero-nodo}}{{/objectives}}
        </ul>
        {{/hasObjectives}}
        {{/page}}{{/contenuto}}{{/layout}}
        """

    static let nodeName = "albero-nodo"
    static let node = """
        <li>{{#hasChildren}}<details><summary>{{>albero-voce}}</summary>
        <ul>
        {{#children}}{{>albero-nodo}}{{/children}}
        </ul>
        </details>{{/hasChildren}}{{^hasChildren}}{{>albero-voce}}{{/hasChildren}}</li>

        """

    static let entryName = "albero-voce"
    static let entry = """
        <a href="{{href}}">{{code}}</a> {{title}} – {{#score}}{{>punteggio}}{{/score}} <span class="nodo-dati">({{kindLabel}}{{#hasOwner}}; responsabile: {{owner}}{{/hasOwner}}{{#hasBudget}}; {{budget}}{{/hasBudget}})</span>
        """
}
