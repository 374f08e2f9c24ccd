import Foundation

/// FNV-1a (64 bit): a short fingerprint of some bytes, stable across runs and machines, not a security measure.
public enum FNV1a {
    public static func hash(_ data: Data) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// `3FA2-91C0-7D44-0B1E`.
    public static func hex(_ data: Data) -> String {
        let hex = String(hash(data), radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: 16 - hex.count) + hex
        return stride(from: 0, to: 16, by: 4).map { start in
            let from = padded.index(padded.startIndex, offsetBy: start)
            return String(padded[from..<padded.index(from, offsetBy: 4)])
        }.joined(separator: "-")
    }
}
