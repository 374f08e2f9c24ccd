/// A page's view model: plain strings, flags and lists, ready for its Mustache template. Built by a pure
/// `make` function from core values; rendered with `WebRenderer.render(_:chrome:)`.
public protocol WebPage: Sendable {
    /// The name of the page's template in `WebTemplates.library`.
    static var templateName: String { get }
    /// The page's title: the `<title>` of the document and its `<h1>`.
    var title: String { get }
}
