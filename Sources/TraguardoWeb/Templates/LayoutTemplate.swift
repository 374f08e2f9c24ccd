/// The page around every page: header (name, Ente-year selector, user, exit, navigation), a skip link to
/// `<main id="contenuto">`, the flash messages, the page's `contenuto` block, the footer. The style sheet
/// (`LayoutStyle`) is served by the server itself at `WebRoutes.styleSheet`, once, with a long cache.
enum LayoutTemplate {
    static let source = """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="it" xml:lang="it">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{{#chrome}}{{pageTitle}}{{/chrome}} – Traguardo</title>
        <link rel="stylesheet" href="\(WebRoutes.styleSheet)" />
        </head>
        <body>
        <a class="salta" href="#contenuto">Vai al contenuto</a>
        {{#chrome}}
        <header class="testata">
        <div class="barra">
        <p class="marchio"><a href="{{homeHref}}">Traguardo</a></p>
        {{#scope}}
        {{#hasChoices}}
        <details class="ambito">
        <summary>Ente e anno: {{label}}</summary>
        <ul>
        {{#choices}}<li><a href="{{href}}"{{#current}} aria-current="true"{{/current}}>{{label}}</a></li>
        {{/choices}}
        </ul>
        </details>
        {{/hasChoices}}
        {{^hasChoices}}<p class="ambito">{{label}}</p>{{/hasChoices}}
        {{/scope}}
        {{#user}}
        <p class="utente">{{name}} <span class="ruolo">({{roleLabel}})</span></p>
        <form class="esci" method="post" action="{{logoutHref}}">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        <button type="submit">Esci</button>
        </form>
        {{/user}}
        </div>
        {{#hasNav}}
        <nav class="menu" aria-label="Navigazione principale">
        <ul>
        {{#nav}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>
        {{/nav}}
        </ul>
        </nav>
        {{/hasNav}}
        </header>
        {{/chrome}}
        <main id="contenuto" tabindex="-1">
        {{#chrome}}{{#flash}}<p class="messaggio {{kind}}" role="{{role}}">{{text}}</p>
        {{/flash}}{{/chrome}}
        {{$contenuto}}{{/contenuto}}
        </main>
        <footer class="piede">
        <p>Traguardo – ciclo di gestione della performance (D.Lgs. 150/2009).</p>
        </footer>
        </body>
        </html>
        """
}
