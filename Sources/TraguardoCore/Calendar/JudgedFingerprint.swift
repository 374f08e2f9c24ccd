import Foundation

/// The fingerprint of a scored element as a reviewer saw it: its score and the whole explanation (every value,
/// rule and rounding below it). A validation or a comment stores it; when the element's score or any value
/// under it changes, the fingerprint changes, and the old validation no longer applies to what is shown.
public enum JudgedFingerprint {
    public static func of(_ element: ScoredElement) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return FNV1a.hex((try? encoder.encode(element)) ?? Data())
    }
}
