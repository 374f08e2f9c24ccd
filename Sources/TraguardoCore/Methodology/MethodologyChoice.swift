import Foundation

/// Which methodology a person asks for, to score or compare an Ente-year under it: a preset of the engine
/// (`lucca-2013`, `standard`), a stored version of the Ente-year (`2`, `v2`), or a file (the command line only).
public enum MethodologyChoice: Hashable, Sendable {
    case preset(String)
    case storedVersion(Int)
    case file(String)

    /// `lucca-2013` → preset; `2`, `v2` → stored version; anything else → a file path.
    public static func parse(_ text: String) -> MethodologyChoice {
        let key = text.trimmingCharacters(in: .whitespaces)
        if MethodologyPresets.all[key] != nil { return .preset(key) }
        let digits = key.lowercased().hasPrefix("v") ? String(key.dropFirst()) : key
        if let number = Int(digits), number > 0, digits.count <= 6 { return .storedVersion(number) }
        return .file(key)
    }

    /// The version for a preset or a stored version (nil when there is no such version); a file is read by the caller.
    public func version(entityCode: String, year: Int, stored: [MethodologyVersion]) -> MethodologyVersion? {
        switch self {
        case .preset(let key): MethodologyPresets.version(key, entityCode: entityCode, year: year)
        case .storedVersion(let number): stored.first { $0.version == number }
        case .file: nil
        }
    }

    /// What to say when the choice names nothing: the presets and the stored versions there are (and a file, where
    /// one may be read: the command line).
    public static func unknown(_ text: String, stored: [MethodologyVersion], file: Bool = true) -> String {
        let versions = stored.map { "v\($0.version)" }.joined(separator: ", ")
        return "metodologia «\(text)» sconosciuta: indicare un preset (\(MethodologyPresets.all.keys.sorted().joined(separator: ", "))), "
            + "\(file ? "" : "o ")una versione registrata dell'Ente-anno (\(versions.isEmpty ? "nessuna" : versions))\(file ? " o un file" : "")"
    }
}
