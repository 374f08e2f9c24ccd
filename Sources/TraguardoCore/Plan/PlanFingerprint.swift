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
        return FNV1a.hex((try? encoder.encode(plan)) ?? Data())
    }
}
