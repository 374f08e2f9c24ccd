// TEMPORARY: the pages TraguardoWeb has no view for yet in the server (list of cycles, users); the others
// render TraguardoWeb's pages through `PageRendering`.
import Foundation
import TraguardoCore
import TraguardoStore

enum InterimPages {
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    static func layout(title: String, user: SignedInUser?, body: String) -> String {
        let who = user.map { u in
            """
            <p>\(escape(u.account.displayName)) (\(escape(u.role.rawValue)))</p>
            <form method="post" action="/logout"><input type="hidden" name="csrf" value="\(escape(u.csrfToken ?? ""))"/><button type="submit">Esci</button></form>
            """
        } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="it"><head><meta charset="utf-8"/><title>\(escape(title)) — Traguardo</title></head>
            <body><header>\(who)</header><main id="contenuto"><h1>\(escape(title))</h1>\(body)</main></body></html>
            """
    }

    static func login(csrf: String, error: String?) -> String {
        let message = error.map { "<p id=\"errore\" role=\"alert\">\(escape($0))</p>" } ?? ""
        return layout(title: "Accesso", user: nil, body: """
            \(message)<form method="post" action="/login">
            <input type="hidden" name="csrf" value="\(escape(csrf))"/>
            <label for="utente">Utente</label><input id="utente" name="utente"/>
            <label for="password">Password</label><input id="password" name="password" type="password"/>
            <button type="submit" id="accedi">Accedi</button></form>
            """)
    }

    static func message(_ title: String, _ text: String, user: SignedInUser?) -> String {
        layout(title: title, user: user, body: "<p id=\"messaggio\">\(escape(text))</p>")
    }

    static func home(_ cycles: [Cycle], user: SignedInUser) -> String {
        let rows = cycles.map { c in
            "<li><a href=\"/enti/\(escape(c.entityCode))/\(c.year)/cruscotto\">\(escape(c.entityCode)) \(c.year)</a></li>"
        }.joined()
        return layout(title: "Cicli", user: user, body: "<ul>\(rows)</ul>")
    }

    /// Every scored element of the listing with its shown value, each in an element with id `punteggio-<id>`.
    static func scores(_ title: String, rows: [ScoreListing.Row], kinds: Set<String>, user: SignedInUser) -> String {
        let cells = rows.filter { kinds.contains($0.tipo) }.map { row in
            "<tr><td>\(escape(row.percorso))</td><td>\(escape(row.titolo))</td><td id=\"punteggio-\(escape(row.tipo))-\(escape(row.id))\">\(escape(row.mostrato))</td></tr>"
        }.joined()
        return layout(title: title, user: user, body: "<table><tbody>\(cells)</tbody></table>")
    }

    static func users(_ users: [UserAccount], csrf: String, user: SignedInUser) -> String {
        let rows = users.map { "<li>\(escape($0.username)) — \(escape($0.displayName)) (\(escape($0.role)))</li>" }.joined()
        return layout(title: "Utenti", user: user, body: """
            <ul>\(rows)</ul><form method="post" action="/amministrazione/utenti/nuovo">
            <input type="hidden" name="csrf" value="\(escape(csrf))"/>
            <label for="u">Utente</label><input id="u" name="utente"/><label for="n">Nome</label><input id="n" name="nome"/>
            <label for="r">Ruolo</label><input id="r" name="ruolo"/><label for="p">Password</label><input id="p" name="password" type="password"/>
            <button type="submit">Aggiungi</button></form>
            """)
    }
}
