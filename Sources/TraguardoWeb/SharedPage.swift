/// A page rendered once for everyone who sees the same thing, with holes where the signed-in user's own values
/// go (their name, the CSRF token their forms carry). Filling the holes is a copy of a few pieces of text, so
/// a page read by many users is rendered by Mustache only when its data change (`WebRenderer.renderShared`).
public struct SharedPage: Sendable {
    /// What goes in a hole.
    public enum Hole: Sendable {
        case userName
        case csrf
    }

    /// `holes.count + 1` pieces of HTML; `holes[i]` goes between `pieces[i]` and `pieces[i + 1]`.
    public let pieces: [String]
    public let holes: [Hole]

    /// The bytes of the page, as a rough measure of what a cache of them holds.
    public var size: Int { pieces.reduce(0) { $0 + $1.utf8.count } }

    /// The page of this user: `userName` HTML-escaped as Mustache escapes it, `csrf` (letters and digits) as is.
    public func filled(userName: String, csrf: String) -> String {
        let name = Self.escaped(userName)
        var html = ""
        html.reserveCapacity(size + holes.count * max(name.utf8.count, csrf.utf8.count))
        for (index, piece) in pieces.enumerated() {
            html += piece
            if index < holes.count {
                switch holes[index] {
                case .userName: html += name
                case .csrf: html += Self.escaped(csrf)
                }
            }
        }
        return html
    }

    /// The markers a shared page is rendered with, in place of the user's values: letters and digits only, so
    /// that HTML escaping leaves them as they are, and unlike anything a page shows.
    static let userNameMarker = "trgdSegnapostoNome7c1e"
    static let csrfMarker = "trgdSegnapostoCsrf7c1e"

    /// Splits `html` (rendered with the markers) at every marker.
    init(rendered html: String) {
        var pieces: [String] = []
        var holes: [Hole] = []
        var rest = Substring(html)
        while let next = [(Self.userNameMarker, Hole.userName), (Self.csrfMarker, Hole.csrf)]
            .compactMap({ marker, hole in rest.range(of: marker).map { (range: $0, hole: hole) } })
            .min(by: { $0.range.lowerBound < $1.range.lowerBound })
        {
            pieces.append(String(rest[..<next.range.lowerBound]))
            holes.append(next.hole)
            rest = rest[next.range.upperBound...]
        }
        pieces.append(String(rest))
        self.pieces = pieces
        self.holes = holes
    }

    /// Mustache's escaping of `{{value}}`.
    public static func escaped(_ text: String) -> String {
        guard text.contains(where: { "&<>\"'".contains($0) }) else { return text }
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
}
