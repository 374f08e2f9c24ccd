import Foundation
import Testing
import TraguardoCore
import TraguardoWeb

/// A page rendered once for many users and filled in for each is the same, byte for byte, as the page
/// rendered for that user alone.
@Suite("Pagina condivisa tra utenti")
struct SharedPageTests {
    @Test(arguments: ["Anna Rossi", #"<b>O'Neil & "Figli"</b>"#, ""])
    func fillingInTheUserGivesThePageRenderedForThem(_ name: String) throws {
        let plan = try Examples.plan("lucca-2018")
        let (page, _) = CruscottoPageTests.page(plan)
        let csrf = "Abc123-_token"
        let chrome = PageChrome.make(
            userName: name, role: .controller, csrf: csrf, current: .cruscotto, scope: CruscottoPageTests.scope(plan))
        let direct = WebRenderer.render(page, chrome: chrome)
        // Rendered for someone else, with another token: the same shared page.
        let someoneElse = PageChrome.make(
            userName: "Altro Utente", role: .controller, csrf: "altro", current: .cruscotto, scope: CruscottoPageTests.scope(plan))
        #expect(WebRenderer.sharedKey(someoneElse) == WebRenderer.sharedKey(chrome), "stessa chiave per stesso ruolo e Ente-anno")
        let shared = WebRenderer.renderShared(page, chrome: someoneElse)
        #expect(shared.filled(userName: name, csrf: csrf) == direct)
    }

    @Test func anotherRoleIsAnotherSharedPage() throws {
        let plan = try Examples.plan("lucca-2018")
        let scope = CruscottoPageTests.scope(plan)
        let controller = PageChrome.make(userName: "A", role: .controller, csrf: "x", current: .cruscotto, scope: scope)
        let reader = PageChrome.make(userName: "A", role: .reader, csrf: "x", current: .cruscotto, scope: scope)
        #expect(WebRenderer.sharedKey(controller) != WebRenderer.sharedKey(reader), "il menu dipende dal ruolo")
    }
}
