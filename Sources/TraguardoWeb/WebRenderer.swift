import Mustache

/// Renders a page inside the layout: the page's template extends `layout` and fills its `contenuto` block.
/// Every `{{value}}` is HTML-escaped by Mustache; only the SVG drawn by the chart code is inserted raw.
public enum WebRenderer {
    public static func render<Page: WebPage>(_ page: Page, chrome: PageChrome) -> String {
        var chrome = chrome
        chrome.pageTitle = page.title
        let context = PageContext(chrome: chrome, page: page, csrf: chrome.csrf)
        guard let html = WebTemplates.library.render(context, withTemplate: Page.templateName) else {
            preconditionFailure("modello «\(Page.templateName)» non registrato in WebTemplates")
        }
        return html
    }

    /// The page rendered for every user who has `chrome` but another name or CSRF token: render it once,
    /// keep it (under the data it shows and `sharedKey(chrome)`), and give each user `filled(userName:csrf:)`.
    public static func renderShared<Page: WebPage>(_ page: Page, chrome: PageChrome) -> SharedPage {
        SharedPage(rendered: render(page, chrome: sharedKey(chrome)))
    }

    /// The chrome with the user's name and CSRF token replaced by markers: what a shared page depends on.
    public static func sharedKey(_ chrome: PageChrome) -> PageChrome {
        var chrome = chrome
        chrome.csrf = SharedPage.csrfMarker
        chrome.user?.name = SharedPage.userNameMarker
        return chrome
    }
}

/// What a template sees: the chrome, the page, and the CSRF token at the top of the stack so that every
/// form, however deep in a list, finds `{{csrf}}`.
struct PageContext<Page: WebPage>: Sendable {
    var chrome: PageChrome
    var page: Page
    var csrf: String
}
