import Crypto
import Foundation
import Hummingbird
import TraguardoCore
import TraguardoWeb

/// The `ETag` of a page that is kept rendered: a digest of everything that decides its bytes — this build's
/// templates, the page and its period, the markers of every year of the Ente (so any change of the data gives
/// a new tag), and the user (name, role, the Enti they reach, the CSRF token their forms carry). A browser that
/// sends it back in `If-None-Match` gets `304 Not Modified` without the page being read or filled.
struct PageTag: Sendable {
    let value: String

    init(page: String, cycle: CycleOfEnte, period: String?, user: SignedInUser) {
        var text = Self.templates
        text += "\u{1F}" + page + "\u{1F}" + cycle.scope.entityCode + "\u{1F}\(cycle.scope.year)\u{1F}" + (period.map { "p" + $0 } ?? "-")
        for (year, marker) in cycle.markers.sorted(by: { $0.key < $1.key }) {
            text += "\u{1F}\(year):\(marker.lastChange.map(String.init) ?? "-"):\(marker.changes)"
        }
        text += "\u{1F}" + user.username + "\u{1F}" + user.account.displayName + "\u{1F}" + user.role.rawValue
        text += "\u{1F}" + (user.account.entityCode ?? "*") + "\u{1F}" + (user.account.unitCode ?? "*") + "\u{1F}" + (user.csrfToken ?? "")
        value = "\"" + Self.digest(text) + "\""
    }

    /// Whether the request's `If-None-Match` names this tag (or `*`).
    func matches(_ request: Request) -> Bool {
        guard let header = request.headers[.ifNoneMatch] else { return false }
        return header.split(separator: ",").contains { part in
            let tag = part.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == value || tag == "W/" + value
        }
    }

    /// `304 Not Modified` with the tag.
    var notModified: Response {
        Response(status: .notModified, headers: [.eTag: value, .cacheControl: HTMLResponse.revalidate])
    }

    /// The page, with the tag and the instruction to ask again each time (the answer is then a 304).
    func page(_ body: ResponseBody) -> Response {
        var response = HTMLResponse.page(body: body)
        response.headers[.eTag] = value
        response.headers[.cacheControl] = HTMLResponse.revalidate
        return response
    }

    /// This build's templates: a new version of Traguardo never answers 304 for a page it draws differently.
    private static let templates = digest(WebTemplates.sources.sorted { $0.key < $1.key }.map { $0.key + "\u{1F}" + $0.value }.joined(separator: "\u{1E}"))

    private static func digest(_ text: String) -> String {
        LowercaseHex.text(SHA256.hash(data: Data(text.utf8)).prefix(16))
    }
}
