/// The partial `figura`: a `WebFigure`, the drawing and its table. The SVG is the only raw insertion of
/// the site: it comes from the chart code, which escapes what it writes.
enum FigureTemplate {
    static let name = "figura"
    static let source = """
        <figure class="grafico">
        <figcaption>{{caption}}</figcaption>
        <div class="disegno">{{{svg}}}</div>
        <details>
        <summary>Dati del grafico</summary>
        <div class="tabella">
        <table>
        <thead><tr>{{#header}}<th scope="col">{{.}}</th>{{/header}}</tr></thead>
        <tbody>
        {{#rows}}<tr>{{#.}}<td{{#numeric}} class="numero"{{/numeric}}>{{text}}</td>{{/.}}</tr>
        {{/rows}}
        </tbody>
        </table>
        </div>
        </details>
        </figure>
        """
}
