import Foundation

extension String {
    /// The text without the spaces and line breaks around it (`trimmingCharacters(in: .whitespacesAndNewlines)`),
    /// answered at once when both ends are visible ASCII characters, as nearly every cell of a sheet is (Foundation's
    /// trimming was 6% of an import).
    public var trimmed: String { endsAreVisibleASCII ? self : trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The text without the spaces around it (`trimmingCharacters(in: .whitespaces)`), with the same shortcut.
    var trimmedSpaces: String { endsAreVisibleASCII ? self : trimmingCharacters(in: .whitespaces) }

    private var endsAreVisibleASCII: Bool {
        guard let first = utf8.first, let last = utf8.last else { return true }
        return (0x21...0x7E).contains(first) && (0x21...0x7E).contains(last)
    }
}
