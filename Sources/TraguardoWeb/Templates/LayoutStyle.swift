/// The style sheet of every page, served at `WebRoutes.styleSheet` (a file of the server, no asset from outside). Colours keep a contrast of at least 4.5:1 with
/// their background (text #1b1b1b on white 17:1, links #0b4f8a 8:1, header white on #0b3d66 11:1, the
/// traffic lights dark text on light tints ≥ 7:1); focus is a thick yellow-and-black ring; narrow screens
/// get one column and scrolling tables; print drops the navigation and the forms' buttons.
/// No `<` or `&` in here: the layout is XHTML-compatible.
public enum LayoutStyle {
    /// The first 16 hex digits of the FNV-1a hash of `css`: the style sheet's address changes with it.
    public static let version: String = {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in css.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16).leftPadded(to: 16)
    }()

    public static let css = """
        *, *::before, *::after { box-sizing: border-box; }
        html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 100%; }
        body { margin: 0; color: #1b1b1b; background: #ffffff; line-height: 1.5; }
        a { color: #0b4f8a; }
        a:visited { color: #5a2a82; }
        :focus-visible { outline: 3px solid #ffbf47; outline-offset: 0; box-shadow: 0 0 0 6px #1b1b1b; }
        .salta { position: absolute; left: -999em; top: 0; background: #ffbf47; color: #1b1b1b; padding: .5em 1em; z-index: 10; }
        .salta:focus { left: 0; }
        .testata { background: #0b3d66; color: #ffffff; padding: .5em 1em; }
        .testata a, .testata a:visited { color: #ffffff; }
        .barra { display: flex; flex-wrap: wrap; align-items: center; gap: .5em 1.5em; }
        .marchio { font-weight: 700; font-size: 1.25em; margin: 0; }
        .ambito { margin: 0; }
        .ambito summary { cursor: pointer; }
        .ambito ul { list-style: none; padding: 0 0 0 1em; margin: .25em 0; }
        .utente { margin: 0 0 0 auto; }
        .ruolo { font-size: .9em; }
        .esci { margin: 0; }
        .esci button { background: #ffffff; color: #0b3d66; border: 2px solid #ffffff; padding: .2em .8em; font: inherit; cursor: pointer; }
        .menu ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25em 1.25em; padding: 0; margin: .5em 0 0; }
        .menu a { text-decoration: none; padding: .2em 0; display: inline-block; }
        .menu a[aria-current="page"] { border-bottom: 3px solid #ffffff; font-weight: 700; }
        .menu-sezione ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25em 1.25em; padding: 0; margin: 0 0 .5em; }
        .menu-sezione a[aria-current="page"] { font-weight: 700; }
        main { display: block; max-width: 72em; margin: 0 auto; padding: 1em; }
        main:focus { outline: none; }
        h1 { font-size: 1.75em; line-height: 1.2; margin: .5em 0; }
        h2 { font-size: 1.35em; margin: 1.5em 0 .5em; }
        h3 { font-size: 1.1em; }
        .sottotitolo { color: #444444; margin-top: 0; }
        .messaggio { padding: .75em 1em; border-left: 6px solid #0b4f8a; background: #e8f1f8; }
        .messaggio.successo { border-color: #1e6b32; background: #e3f3e6; }
        .messaggio.errore { border-color: #a3161a; background: #fbe9ea; }
        .tabella { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; }
        caption { text-align: left; font-weight: 700; padding: .25em 0; }
        th, td { border-bottom: 1px solid #767676; padding: .35em .5em; text-align: left; vertical-align: top; }
        th { background: #f0f0f0; }
        td.numero, th.numero { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .semaforo { display: inline-block; padding: 0 .5em; border-radius: .25em; font-weight: 700; white-space: nowrap; border: 1px solid currentColor; }
        .semaforo-verde { background: #d4edda; color: #14532d; }
        .semaforo-giallo { background: #fff3cd; color: #5c4400; }
        .semaforo-rosso { background: #f8d7da; color: #7a1c24; }
        .punteggio { font-size: 2.5em; font-weight: 700; margin: 0; }
        .riquadri { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(16em, 100%), 1fr)); gap: 1em; }
        .riquadro { min-width: 0; }
        .punteggio.cifra { font-size: clamp(1.5em, 7vw, 2.5em); line-height: 1.15; overflow-wrap: anywhere; }
        .riquadro { border: 1px solid #767676; padding: .75em 1em; }
        .riquadro > h2:first-child { margin-top: 0; }
        ul.in-linea { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5em 1.5em; }
        figure { margin: 1em 0; }
        figure svg { max-width: 100%; height: auto; }
        figure.grafico .disegno { overflow-x: auto; }
        figure.grafico svg { width: 100%; max-width: 60rem; min-width: 36rem; height: auto; display: block; }
        figure.grafico svg a:focus { outline: 3px solid #1f4e79; outline-offset: 2px; }
        figure.grafico svg a:hover .barra, figure.grafico svg a:focus .barra { opacity: .8; }
        figcaption { font-weight: 700; }
        .albero, .albero ul { list-style: none; padding-left: 1.25em; margin: 0; }
        .albero { padding-left: 0; }
        .albero li { margin: .25em 0; }
        .albero summary { cursor: pointer; }
        .nodo-dati { font-size: .95em; color: #333333; }
        ul.spiegazione, ul.spiegazione ul { list-style: none; margin: 0; padding-left: 1.25em; }
        ul.spiegazione { padding: .5em .75em; background: #f5f5f5; border: 1px solid #767676; }
        ul.spiegazione li { margin: .3em 0; }
        ul.spiegazione summary { cursor: pointer; }
        .spiegazione-valore { font-variant-numeric: tabular-nums; }
        .spiegazione-formula { color: #333333; }
        .spiegazione-note { color: #5c4400; }
        form.modulo { max-width: 48em; }
        details.filtri > summary { cursor: pointer; font-weight: 700; margin: .5em 0; }
        form.filtri-registro { display: grid; grid-template-columns: repeat(auto-fit, minmax(14em, 1fr)); gap: 0 1em; max-width: none; }
        form.filtri-registro > p { grid-column: 1 / -1; }
        ul.modifiche { margin: 0; padding: 0; list-style: none; }
        ul.modifiche > li { margin: 0 0 .25em; overflow-wrap: anywhere; }
        ul.modifiche .campo { font-weight: 600; }
        ul.modifiche del { color: #7a1c24; }
        ul.modifiche ins { color: #14532d; text-decoration: none; font-weight: 600; }
        ol.percorso { list-style: none; display: flex; flex-wrap: wrap; padding: 0; margin: .5em 0 0; font-size: .95em; }
        ol.percorso li + li::before { content: "\\203A"; padding: 0 .5em; color: #444444; }
        dl.dettagli { display: grid; grid-template-columns: max-content 1fr; gap: .25em 1em; margin: .5em 0 1em; }
        dl.dettagli dt { font-weight: 600; }
        dl.dettagli dd { margin: 0; overflow-wrap: anywhere; }
        ul.elenco-piano { list-style: none; padding: 0; margin: .5em 0 1em; }
        ul.elenco-piano li { margin: .2em 0; padding: .2em 0; border-bottom: 1px solid #d9d9d9; overflow-wrap: anywhere; }
        ul.elenco-piano a { font-weight: 700; }
        details.modulo-piano { border: 1px solid #767676; margin: .75em 0; padding: 0 1em; }
        details.modulo-piano[open] { padding-bottom: .5em; }
        details.modulo-piano > summary { cursor: pointer; color: #0b4f8a; padding: .5em 0; }
        details.modulo-piano > summary h2 { display: inline; font-size: 1.15em; margin: 0; }
        button.pericolo { background: #a3161a; border-color: #a3161a; }
        nav.pagine { display: flex; gap: 1em; align-items: center; margin: 1em 0; }
        fieldset { border: 1px solid #767676; margin: 1em 0; padding: .75em 1em; }
        legend { font-weight: 700; padding: 0 .25em; }
        .campo { margin: .75em 0; }
        .campo label { display: block; font-weight: 600; }
        .campo.spunta label { display: inline; font-weight: 400; }
        input[type="text"], input[type="password"], input[type="date"], input[type="file"], select, textarea {
          font: inherit; color: #1b1b1b; background: #ffffff; border: 2px solid #1b1b1b; padding: .3em .4em; width: 100%; max-width: 32em; }
        input[type="checkbox"] { width: 1.25em; height: 1.25em; vertical-align: middle; }
        textarea { min-height: 4em; }
        [aria-invalid="true"] { border-color: #a3161a; border-width: 3px; }
        .errore-campo { color: #a3161a; font-weight: 700; margin: .25em 0 0; }
        .aiuto { color: #444444; font-size: .9em; margin: .25em 0 0; }
        button, .pulsante { font: inherit; background: #0b4f8a; color: #ffffff; border: 2px solid #0b4f8a; padding: .4em 1.2em; cursor: pointer; }
        .risultato { font-weight: 700; }
        .nascosto { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        form.rilevazione { max-width: none; }
        fieldset.righe { border: 0; padding: 0; margin: 0; }
        .tabella-rilevazione th.item { background: none; font-weight: 400; max-width: 24em; }
        .tabella-rilevazione th.item a { font-weight: 700; }
        .tabella-rilevazione th.item span { display: block; }
        .tabella-rilevazione th.item span.semaforo { display: inline-block; }
        .tabella-rilevazione td.valore { min-width: 16em; }
        .tabella-rilevazione .campo { margin: .25em 0; }
        .tabella-rilevazione .campo label { font-size: .9em; }
        .altri-campi summary { cursor: pointer; color: #0b4f8a; font-size: .9em; }
        .dipende { display: none; }
        .spunta:has(input:checked) + .dipende, .dipende:has([aria-invalid="true"]) { display: block; }
        .stato-da-inserire { font-weight: 700; color: #7a1c24; }
        .stato-inserito { color: #14532d; }
        .stato-errore { font-weight: 700; color: #a3161a; }
        .stato-inviato, .stato-verificato, .stato-validato { color: #14532d; font-weight: 700; }
        .stato-rinviato { font-weight: 700; color: #7a1c24; }
        tr.errore { background: #fbe9ea; }
        .salva-tutte { position: sticky; top: 0; background: #ffffff; padding: .5em 0; margin: 0; z-index: 2; }
        .avanzamento progress { width: 100%; max-width: 32em; height: 1em; }
        .avanzamento p { margin: .25em 0; }
        form.filtro { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .5em 1em; margin: .5em 0; }
        form.filtro .campo { margin: 0; }
        input[type="search"] { font: inherit; border: 2px solid #1b1b1b; padding: .3em .4em; width: 16em; max-width: 100%; }
        .esito:empty { display: none; }
        .piede { border-top: 1px solid #767676; padding: 1em; font-size: .9em; color: #444444; text-align: center; }
        @media (max-width: 40em) {
          .utente { margin: 0; }
          h1 { font-size: 1.4em; }
          th, td { padding: .3em; }
          .testata { padding: .25em .75em; }
          .barra { flex-direction: row; flex-wrap: wrap; align-items: center; gap: .25em .75em; }
          .marchio { font-size: 1.1em; }
          .menu ul { flex-direction: row; gap: .1em .9em; font-size: .95em; }
          .tabella-rilevazione thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          .tabella-rilevazione, .tabella-rilevazione tbody, .tabella-rilevazione tr, .tabella-rilevazione th, .tabella-rilevazione td { display: block; width: 100%; }
          .tabella-rilevazione tr { border: 1px solid #767676; margin: 0 0 1em; }
          .tabella-rilevazione td, .tabella-rilevazione th { border: 0; max-width: none; }
          .tabella-rilevazione td.valore { min-width: 0; }
          .tabella-rilevazione td[data-etichetta]::before { content: attr(data-etichetta) ": "; font-weight: 600; }
        }
        @media print {
          .salta, .menu, .esci, .ambito, form, .piede { display: none; }
          .testata { background: none; color: #000000; }
          .testata a { color: #000000; }
          a { color: #000000; text-decoration: none; }
          main { max-width: none; padding: 0; }
          details > * { display: block; }
        }
        """
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(length - count, 0)) + self }
}
