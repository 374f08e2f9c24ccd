import TraguardoCore
import Foundation
import Testing
import TraguardoWeb

/// What every page must be, whatever its content: well-formed (the reader parses it), `<!DOCTYPE html>`,
/// `lang="it"`, a skip link to `<main id="contenuto">`, no script and no asset from outside, every input
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
        #expect(parsed.scripts == 0)
        #expect(parsed.externalReferences.isEmpty)
        #expect(parsed.duplicateIDs.isEmpty, "id ripetuti: \(parsed.duplicateIDs)")
        #expect(parsed.missingDescribedBy.isEmpty, "aria-describedby senza elemento: \(parsed.missingDescribedBy)")
        for input in parsed.inputs {
            #expect(input.labelled, "il campo «\(input.name)» (\(input.type)) non ha un'etichetta")
        }
        for form in parsed.forms {
            // A form that changes something posts with the CSRF token; a search form (the registro's filter) reads
            // only, by GET, and must not put the token in the address.
            #expect(["post", "get"].contains(form.method), "il modulo \(form.action) usa \(form.method)")
            #expect(form.csrf == (form.method == "post" ? csrf : nil), "il modulo \(form.action): campo csrf sbagliato")
        }
        return (html, parsed)
    }
}
