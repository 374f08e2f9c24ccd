import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// Every answer carries the security headers, whatever produced it: a page, a redirect, a refusal thrown by a
/// middleware or a route, a path no route knows (web-trial L1). Before, only the answers a route returned had them.
@Suite("Intestazioni di sicurezza su ogni risposta, 404 del sito")
struct SecurityHeadersTests {
    @Test(arguments: [false, true])
    func everyAnswerCarriesTheSecurityHeaders(_ https: Bool) async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration(secureCookies: https))
            try await app.test(.router) { client in
                let anonymous = Browser(client)
                var answers: [(String, Browser.Page)] = []
                answers.append(("pagina", try await anonymous.get("/login")))
                answers.append(("303 verso l'accesso", try await anonymous.get("/enti/lucca/2018/cruscotto")))
                answers.append(("403 CSRF", try await anonymous.post("/login", [("utente", "admin")], withCSRF: false)))
                answers.append(("404 pagina", try await anonymous.get("/pagina-che-non-esiste")))
                answers.append(("404 POST", try await anonymous.post("/pagina-che-non-esiste", [])))
                answers.append(("401 API", try await anonymous.get("/api/v1/enti/lucca/2018/piano")))
                answers.append(("404 API", try await anonymous.get("/api/v1/non-esiste")))
                #expect(answers.map(\.1.status) == [.ok, .seeOther, .forbidden, .notFound, .notFound, .unauthorized, .notFound])
                for (name, page) in answers {
                    #expect(page.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "\(name)")
                    #expect(page.headers[.xContentTypeOptions] == "nosniff", "\(name)")
                    #expect(page.headers[HTTPFields.Element.Name("X-Frame-Options")!] == "DENY", "\(name)")
                    #expect(page.headers[HTTPFields.Element.Name("Referrer-Policy")!] == "same-origin", "\(name)")
                    #expect((page.headers[HTTPFields.Element.Name("Strict-Transport-Security")!] != nil) == https, "\(name)")
                }
                // The 404 is the site's own, in Italian: a page for the pages, JSON under the API.
                let page = answers[3].1
                #expect(page.headers[.contentType] == "text/html; charset=utf-8")
                #expect(page.body.contains("Pagina non trovata"))
                let api = answers[6].1
                #expect(api.headers[.contentType] == "application/json; charset=utf-8")
                #expect(api.body.contains(#""errore":"nessuna risorsa «/api/v1/non-esiste»"#))
            }
        }
    }
}
