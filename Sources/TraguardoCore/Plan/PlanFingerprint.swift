import Foundation

/// A short fingerprint of everything an Ente-year's documents are computed from: the plan, the measurements,
/// the methodology. Two documents with the same fingerprint were made from the same data; one changed
/// measurement changes it. FNV-1a (64 bit) over the plan's JSON with sorted keys: stable across runs and
/// machines, not a security measure.
public enum PlanFingerprint {
    /// `3FA2-91C0-7D44-0B1E`.
    public static func of(_ plan: CyclePlan) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let data = (try? encoder.encode(plan)) ?? Data()
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: 16 - hex.count) + hex
        return stride(from: 0, to: 16, by: 4).map { start in
            let from = padded.index(padded.startIndex, offsetBy: start)
            return String(padded[from..<padded.index(from, offsetBy: 4)])
        }.joined(separator: "-")
    }
}
