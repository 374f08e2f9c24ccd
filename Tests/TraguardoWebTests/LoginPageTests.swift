import Testing
import TraguardoWeb

@Suite("Pagina di accesso")
struct LoginPageTests {
    @Test func hasLabelledFieldsAndTheCSRFField() throws {
        let page = LoginPage.make(username: "mrossi", error: "Nome utente o password non corretti.", next: "/registro")
        let (_, parsed) = try PageChecks.render(page, chrome: PageChrome(csrf: PageChecks.csrf))
        #expect(parsed.forms.count == 1)
        #expect(parsed.forms.first?.action == WebRoutes.login)
        let names = parsed.inputs.map(\.name)
        #expect(names == [FormFields.Login.username, FormFields.Login.password])
        #expect(parsed.inputs.allSatisfy { $0.invalid && $0.describedBy == "accesso-errore" })
        #expect(parsed.text.contains("Nome utente o password non corretti."))
        #expect(parsed.navLinks.isEmpty, "chi non è entrato non vede il menu")
    }

    @Test func anOutsideNextAddressIsDropped() {
        #expect(LoginPage.make(next: "https://altrove.example/").next == nil)
        #expect(LoginPage.make(next: "//altrove.example/").next == nil)
        #expect(LoginPage.make(next: "/enti/lucca/2013/cruscotto").next == "/enti/lucca/2013/cruscotto")
    }

    /// Browsers drop TAB, CR and LF and read `\` as `/`: each of these would land on another site.
    @Test(arguments: [
        "/\t/altrove.example/phish.html", "/\n/altrove.example", "/\r/altrove.example", "/\u{0B}/altrove.example",
        "/\u{7F}/altrove.example", "/\u{85}/altrove.example", "/ /altrove.example", "/\u{A0}/altrove.example",
        "/\u{200B}/altrove.example", "\t//altrove.example", "/\\altrove.example", "/enti\\..\\\\altrove.example",
        "https://altrove.example/", "javascript:alert(1)", "enti/lucca", "", "/login", "/login?dopo=/x",
        "/" + String(repeating: "a", count: 3000),
    ])
    func aNextAddressThatIsNotExactlyAPathOfThisSiteIsDropped(_ next: String) {
        #expect(LoginPage.localPath(next) == nil, "\(next.debugDescription)")
    }

    @Test(arguments: ["/", "/enti/lucca/2018/albero?periodo=ANNO", "/enti/lucca/2018/nodi/SG-1#spiegazione", "/registro?autore=ufficio.pers%20x"])
    func aPathOfThisSiteIsKept(_ next: String) {
        #expect(LoginPage.localPath(next) == next)
    }

    @Test func aUsernameWithMarkupComesOutEscaped() throws {
        let page = LoginPage.make(username: "\"><script>alert(1)</script>")
        let (html, parsed) = try PageChecks.render(page, chrome: PageChrome(csrf: PageChecks.csrf))
        #expect(parsed.scripts == 0)
        #expect(html.contains("&quot;&gt;&lt;script&gt;"))
    }

    @Test func messagePagesSayWhatHappenedInItalian() throws {
        let (_, parsed) = try PageChecks.render(MessagePage.notFound("il nodo «Z9»"))
        #expect(parsed.text.contains("Non trovo il nodo «Z9»."))
        let (_, forbidden) = try PageChecks.render(MessagePage.forbidden(role: .reader), chrome: PageChecks.chrome(role: .reader))
        #expect(forbidden.text.contains("Con il ruolo «Lettore» questa pagina non è disponibile."))
    }
}
