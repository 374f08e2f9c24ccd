// TEMPORARY: minimal pages of the server until TraguardoWeb's pages (branch `webpages`) are merged; then the
// routes render `WebRenderer.render(page, chrome:)` and this file is deleted.
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

    static func rilevazione(
        plan: CyclePlan, period: MonitoringPeriod, unit: OrganisationalUnit, items: [MeasuredItem], scores: PlanScores,
        errors: [String: String], saved: Bool, user: SignedInUser
    ) -> String {
        let rows = items.map { item -> String in
            let m = plan.measurement(of: item.id, in: period)
            let shown = m?.value.map(\.italian) ?? ""
            let error = errors[item.id].map { "<span id=\"errore-\(escape(item.id))\">\(escape($0))</span>" } ?? ""
            let score = scores.items[item.id]?.score.shown ?? ""
            return """
                <fieldset><legend>\(escape(item.code)) \(escape(item.description))</legend>
                <label for="valore-\(escape(item.id))">Valore</label><input id="valore-\(escape(item.id))" name="valore[\(escape(item.id))]" value="\(escape(shown))"/>\(error)
                <label for="nc-\(escape(item.id))">Motivo N.C.</label><input id="nc-\(escape(item.id))" name="nc[\(escape(item.id))]" value="\(escape(m?.notComputableReason ?? ""))"/>
                <label for="nota-\(escape(item.id))">Nota</label><input id="nota-\(escape(item.id))" name="nota[\(escape(item.id))]" value="\(escape(m?.narrative ?? ""))"/>
                <span id="punteggio-item-\(escape(item.id))">\(escape(score))</span></fieldset>
                """
        }.joined()
        let done = saved ? "<p id=\"salvato\" role=\"status\">Rilevazioni salvate.</p>" : ""
        return layout(title: "Rilevazione \(period.code) — \(unit.name)", user: user, body: """
            \(done)<form method="post" action="">
            <input type="hidden" name="csrf" value="\(escape(user.csrfToken ?? ""))"/>\(rows)
            <button type="submit" id="salva">Salva</button></form>
            """)
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
