/// Bytes written as lowercase hexadecimal, two digits each (`0a1b…`): how digests are written everywhere (session and
/// API token hashes, page tags, the SHA-256 of an imported file or an evidence document). Digit by digit, because a
/// page request writes two of them and `String(format:)` per byte cost more than the hashing.
public enum LowercaseHex {
    public static func text(_ bytes: some Sequence<UInt8>) -> String {
        var hex: [UInt8] = []
        hex.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
