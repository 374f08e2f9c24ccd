/// `ConfrontoPage`.
enum ConfrontoTemplate {
    static let source = """
        {{<layout}}{{$contenuto}}{{#page}}
        <h1>Confronto fra Enti {{year}}</h1>
        <p>{{entityName}}. {{summary}}</p>
        <p><a href="{{cruscottoHref}}">Torna al cruscotto</a></p>
        {{#hasRows}}
        <table class="tabella">
        <caption>Indicatori comuni: posizione dell'Ente e quartili</caption>
        <thead><tr><th scope="col">Indicatore</th><th scope="col">Risultato</th><th scope="col">Posizione</th><th scope="col">Quartile</th><th scope="col">Q1</th><th scope="col">Mediana</th><th scope="col">Q3</th></tr></thead>
        <tbody>
        {{#rows}}
        <tr><th scope="row">{{code}} – {{name}}</th><td>{{shown}}</td><td>{{position}}</td><td>{{quartile}}</td><td>{{firstQuartile}}</td><td>{{median}}</td><td>{{thirdQuartile}}</td></tr>
        {{/rows}}
        </tbody>
        </table>
        {{#rows}}
        <details><summary>Classifica di {{code}} – {{name}}</summary>
        <ol class="classifica">
        {{#ranking}}<li value="{{rank}}">{{#isThisEnte}}<strong>{{name}}: {{shown}}</strong>{{/isThisEnte}}{{^isThisEnte}}{{name}}: {{shown}}{{/isThisEnte}}</li>
        {{/ranking}}
        </ol>
        </details>
        {{/rows}}
        {{/hasRows}}
        {{/page}}{{/contenuto}}{{/layout}}
        """
}
