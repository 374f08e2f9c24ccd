import Foundation

extension ItalianFormatting {
    /// A file's size as an Italian reader expects it, in decimal units: `512 byte`, `12,3 kB`, `3 MB`, `1,5 GB`
    /// (one decimal, rounded half up, dropped when it is zero).
    public static func fileSize(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) byte" }
        let units: [(String, Decimal)] = [("kB", 1000), ("MB", 1_000_000), ("GB", 1_000_000_000)]
        var chosen = units[0]
        for unit in units where Decimal(bytes) >= unit.1 { chosen = unit }
        var text = number(Decimal(bytes) / chosen.1, fractionDigits: 1)
        if text.hasSuffix(",0") { text.removeLast(2) }
        // 999.950 bytes round to «1.000 kB»: say «1 MB» instead.
        if text == "1.000", let next = units.firstIndex(where: { $0.0 == chosen.0 }).map({ $0 + 1 }), next < units.count {
            return "1 \(units[next].0)"
        }
        return "\(text) \(chosen.0)"
    }
}
