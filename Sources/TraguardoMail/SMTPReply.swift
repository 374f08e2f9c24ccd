/// One reply of the server: a three-digit code and its lines (more than one for `250-…` continuations).
public struct SMTPReply: Sendable, Hashable {
    public var code: Int
    public var lines: [String]

    public var text: String { lines.joined(separator: " ") }
    /// 2xx: done.
    public var isPositive: Bool { (200..<300).contains(code) }
    /// 3xx: go on (after `DATA`, `AUTH`).
    public var isIntermediate: Bool { (300..<400).contains(code) }
}
