import Hummingbird
import NIOCore
import TraguardoWeb

/// The style sheet of every page (`LayoutStyle`), at its versioned address `WebRoutes.styleSheet`: anyone may
/// read it (the login page needs it), browsers keep it for a year, since a new version has a new address.
/// Any other version's address answers 404.
struct StyleSheetRoute {
    static let body = ByteBuffer(string: LayoutStyle.css)

    func register(on router: some RouterMethods<TraguardoRequestContext>) {
        router.get(RouterPath(WebRoutes.styleSheet)) { _, _ in
            Response(
                status: .ok,
                headers: [
                    .contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=31536000, immutable",
                    .eTag: "\"\(LayoutStyle.version)\"",
                ],
                body: .init(byteBuffer: Self.body))
        }
    }
}
