import Hummingbird
import NIOCore
import TraguardoWeb

/// A `SharedPage` as the bytes it is sent in: its pieces turned into `ByteBuffer`s once, when the page is kept,
/// so that each answer is those same buffers (shared, not copied) with the user's name and CSRF token between
/// them. A page of 32–72 kB is then neither copied into a `String` per user nor again into the answer's buffer.
struct SharedPageBody: Sendable {
    let pieces: [ByteBuffer]
    let holes: [SharedPage.Hole]

    init(_ page: SharedPage) {
        pieces = page.pieces.map { ByteBuffer(string: $0) }
        holes = page.holes
    }

    /// The bytes kept, as a measure for `SharedPageCache`.
    var size: Int { pieces.reduce(0) { $0 + $1.readableBytes } }

    /// The body of the page for this user: the same bytes as `SharedPage.filled(userName:csrf:)`.
    func filled(userName: String, csrf: String) -> ResponseBody {
        let name = ByteBuffer(string: SharedPage.escaped(userName))
        let token = ByteBuffer(string: SharedPage.escaped(csrf))
        var parts: [ByteBuffer] = []
        parts.reserveCapacity(pieces.count + holes.count)
        for (index, piece) in pieces.enumerated() {
            parts.append(piece)
            if index < holes.count {
                switch holes[index] {
                case .userName: parts.append(name)
                case .csrf: parts.append(token)
                }
            }
        }
        return ResponseBody(contentsOf: parts)
    }
}
