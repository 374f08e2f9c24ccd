/// `LoginPage`.
enum LoginTemplate {
    static let source = """
        {{<layout}}{{$contenuto}}{{#page}}
        <h1>{{title}}</h1>
        <p class="sottotitolo">Entra con il nome utente e la password che ti ha dato l'amministratore.</p>
        <form class="modulo" method="post" action="{{action}}">
        <input type="hidden" name="csrf" value="{{csrf}}" />
        {{#next}}<input type="hidden" name="{{fields.next}}" value="{{.}}" />{{/next}}
        {{#error}}<p class="messaggio errore" role="alert" id="accesso-errore">{{.}}</p>{{/error}}
        <div class="campo">
        <label for="accesso-utente">Nome utente</label>
        <input type="text" id="accesso-utente" name="{{fields.username}}" value="{{username}}" autocomplete="username" required="required"{{#error}} aria-invalid="true" aria-describedby="accesso-errore"{{/error}} />
        </div>
        <div class="campo">
        <label for="accesso-password">Password</label>
        <input type="password" id="accesso-password" name="{{fields.password}}" autocomplete="current-password" required="required"{{#error}} aria-invalid="true" aria-describedby="accesso-errore"{{/error}} />
        </div>
        <p><button type="submit">Entra</button></p>
        </form>
        {{/page}}{{/contenuto}}{{/layout}}
        """
}
