import TraguardoCore
import Foundation
import Testing
import TraguardoWeb

/// What every page must be, whatever its content: well-formed (the reader parses it), `<!DOCTYPE html>`,
/// `lang="it"`, a skip link to `<main id="contenuto">`, no script but the site's own and no asset from outside, every input
/// named by a label, the CSRF field in every form posted with POST, no dangling `aria-describedby`.
enum PageChecks {
    static let csrf = "gettone-csrf-di-prova"

    static func chrome(role: UserRole = .administrator, current: WebSection? = nil, scope: WebScope? = nil) -> PageChrome {
        PageChrome.make(userName: "Maria Rossi", role: role, csrf: csrf, current: current, scope: scope)
    }

    @discardableResult
    static func render<Page: WebPage>(_ page: Page, chrome: PageChrome? = nil) throws -> (html: String, page: PageReader.Page) {
        let html = WebRenderer.render(page, chrome: chrome ?? Self.chrome())
        let parsed = try PageReader.read(html)
        #expect(parsed.doctype)
        #expect(parsed.lang == "it")
        #expect(parsed.title.hasPrefix(page.title))
        #expect(parsed.h1 == [page.title])
        #expect(parsed.mainID == "contenuto")
        #expect(parsed.skipLink)
        // The only script is the site's own, on the rilevazione (`RilevazioneScript`); the page works without it.
        #expect(parsed.scripts == (html.contains(#"<script src="\#(WebRoutes.rilevazioneScript)""#) ? 1 : 0))
        #expect(parsed.externalReferences.isEmpty)
        #expect(parsed.duplicateIDs.isEmpty, "id ripetuti: \(parsed.duplicateIDs)")
        #expect(parsed.missingDescribedBy.isEmpty, "aria-describedby senza elemento: \(parsed.missingDescribedBy)")
        for input in parsed.inputs {
            #expect(input.labelled, "il campo «\(input.name)» (\(input.type)) non ha un'etichetta")
        }
        for form in parsed.forms {
            // A GET form only filters (the rilevazione's «solo mancanti» and search): it never carries the token.
            if form.method == "get" {
                #expect(form.csrf == nil, "il modulo GET \(form.action) espone il token CSRF nell'indirizzo")
                continue
            }
            #expect(form.method == "post", "il modulo \(form.action) non usa POST")
            #expect(form.csrf == csrf, "il modulo \(form.action) non ha il campo csrf")
        }
        return (html, parsed)
    }
}
