/// Column letters of an A1 reference: `A` is column 0, `Z` 25, `AA` 26, … `XFD` 16383.
public enum CellReference {
    public static let maxColumns = 16_384

    /// The 0-based column of a reference such as `C5` or `$C$5`; nil when it has no letters or too many.
    public static func column(of reference: some Collection<UInt8>) -> Int? {
        var column = 0
        var letters = 0
        for byte in reference {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"): column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
            case UInt8(ascii: "$"): continue
            default:
                guard letters > 0 else { return nil }
                return column <= maxColumns ? column - 1 : nil
            }
            letters += 1
            if letters > 3 { return nil }
        }
        guard letters > 0 else { return nil }
        return column <= maxColumns ? column - 1 : nil
    }

    /// The letters of a 0-based column.
    public static func letters(ofColumn column: Int) -> String {
        var n = column + 1
        var result: [Character] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            result.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(remainder))))
            n = (n - 1) / 26
        }
        return String(result.reversed())
    }
}
