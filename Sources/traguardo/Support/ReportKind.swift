import ArgumentParser
import TraguardoCore
import TraguardoDocuments

/// The documents `traguardo report` produces, and the formats each one is written in.
enum ReportKind: String, CaseIterable {
    case relazione

    var title: String {
        switch self {
        case .relazione: "Relazione sulla performance"
        }
    }

    var formats: [ReportFormat] {
        switch self {
        case .relazione: [.html, .xlsx, .pdf]
        }
    }

    func build(plan: CyclePlan, scores: PlanScores, source: String) -> Document {
        switch self {
        case .relazione: RelazioneBuilder.build(plan: plan, scores: scores, source: source)
        }
    }

    /// The document and the format asked for, or the Italian error naming what exists.
    static func check(kind: String, format: String?) throws -> (ReportKind, ReportFormat) {
        guard let found = ReportKind(rawValue: kind.lowercased()) else {
            let known = allCases.map { "«\($0.rawValue)»" }.joined(separator: ", ")
            throw ValidationError("documento «\(kind)» sconosciuto: documenti disponibili \(known)")
        }
        let name = (format ?? found.formats[0].rawValue).lowercased()
        guard let chosen = ReportFormat(rawValue: name), found.formats.contains(chosen) else {
            let known = found.formats.map { "«\($0.rawValue)»" }.joined(separator: ", ")
            throw ValidationError("formato «\(name)» non previsto per «\(found.rawValue)»: formati disponibili \(known)")
        }
        return (found, chosen)
    }
}

enum ReportFormat: String, CaseIterable {
    case html, xlsx, pdf

    /// Formats that are files, not text: they need `-o FILE`.
    var isBinary: Bool { self != .html }
}
