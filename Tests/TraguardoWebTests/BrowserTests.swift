import Foundation
import Testing
import TraguardoCore
import TraguardoTestSupport
import TraguardoWeb

/// The pages in a real browser (headless Chromium through Selenium, at a phone's width): no horizontal
/// scrolling of the page, the first Tab lands on the skip link and shows it with a visible outline, the
/// tree opens from the keyboard without any script of ours.
@Suite("Pagine nel browser", .enabled(if: Selenium.shouldRun, "Chromium, chromedriver o selenium mancanti"))
struct BrowserTests {
    /// Each page file opened at a phone's width; what it showed as JSON (`plan["files"]`, no server: `base` empty).
    static let script = Selenium.prelude(window: (390, 844), pageLoadTimeout: 60, waitSeconds: 30, shotHeightCap: 2600) + #"""
    out = []
    try:
        for path in plan["files"]:
            driver.get('file://' + path)
            r = {'scrollWidth': driver.execute_script('return document.documentElement.scrollWidth'),
                 'innerWidth': driver.execute_script('return window.innerWidth')}
            driver.find_element(By.TAG_NAME, 'body').send_keys(Keys.TAB)
            a = driver.switch_to.active_element
            r['firstFocus'] = a.text
            r['firstFocusVisible'] = a.rect['x'] >= 0 and a.rect['y'] >= 0
            r['outline'] = driver.execute_script('return getComputedStyle(arguments[0]).outlineStyle', a)
            summaries = driver.find_elements(By.CSS_SELECTOR, 'ul.albero details > summary')
            r['openedByKeyboard'] = None
            if summaries:
                s = summaries[0]
                driver.execute_script('arguments[0].focus()', s)
                driver.switch_to.active_element.send_keys(Keys.ENTER)
                r['openedByKeyboard'] = driver.execute_script('return arguments[0].parentElement.open', s)
            out.append(r)
    finally:
        driver.quit()
    json.dump(out, sys.stdout)
    """#

    struct Result: Decodable {
        var scrollWidth: Int
        var innerWidth: Int
        var firstFocus: String
        var firstFocusVisible: Bool
        var outline: String
        var openedByKeyboard: Bool?
    }

    @Test func pagesFitAPhoneAndWorkFromTheKeyboard() throws {
        var plan = try Examples.plan("lucca-2013")
        for i in plan.periods.indices { plan.periods[i].status = .open }
        let scores = PlanScorer.score(plan)
        let scope = WebScope(entityCode: "lucca", entityName: "CCIAA Lucca", year: 2013, openPeriodCode: "ANNO")
        let chrome = PageChrome.make(userName: "Maria Rossi", role: .administrator, csrf: "x", current: nil, scope: scope)
        let office = try #require(plan.responsibleUnits().values.first)
        let pages = [
            WebRenderer.render(CruscottoPage.make(plan: plan, scores: scores, period: "ANNO", missing: [], history: []), chrome: chrome),
            WebRenderer.render(AlberoPage.make(plan: plan, scores: scores), chrome: chrome),
            WebRenderer.render(try #require(NodePage.make(plan: plan, scores: scores, path: "SG-4")), chrome: chrome),
            WebRenderer.render(RilevazionePage.make(plan: plan, scores: scores, period: "ANNO", office: office), chrome: chrome),
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The pages link the style sheet the server serves at `WebRoutes.styleSheet`: here it is a file beside them.
        let sheet = folder.appendingPathComponent("stile.css")
        try Data(LayoutStyle.css.utf8).write(to: sheet)
        let files = try pages.enumerated().map { index, html in
            let file = folder.appendingPathComponent("pagina-\(index).html")
            #expect(html.contains("href=\"\(WebRoutes.styleSheet)\""), "pagina \(index): senza foglio di stile")
            try Data(html.replacingOccurrences(of: WebRoutes.styleSheet, with: sheet.path).utf8).write(to: file)
            return file.path
        }
        let arguments = String(decoding: try JSONSerialization.data(withJSONObject: ["base": "", "chromedriver": Selenium.chromedriver, "files": files] as [String: Any]), as: UTF8.self)
        let results = try JSONDecoder().decode([Result].self, from: try Python.run(Self.script, arguments: [arguments]))
        #expect(results.count == pages.count)
        for (index, r) in results.enumerated() {
            #expect(r.scrollWidth <= r.innerWidth, "pagina \(index): larga \(r.scrollWidth) px in \(r.innerWidth)")
            #expect(r.firstFocus == "Vai al contenuto" && r.firstFocusVisible, "pagina \(index)")
            #expect(r.outline == "solid", "pagina \(index): il fuoco non si vede")
        }
        #expect(results[1].openedByKeyboard == true, "l'albero si apre con Invio")
    }
}
