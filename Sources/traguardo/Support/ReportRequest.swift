import ArgumentParser
import TraguardoDocuments

/// The document and the format `traguardo report` is asked for, or the Italian error naming what exists.
enum ReportRequest {
    static func check(kind: String, format: String?) throws -> (DocumentKind, DocumentFormat) {
        guard let found = DocumentKind(rawValue: kind.lowercased()) else {
            let known = DocumentKind.allCases.map { "«\($0.rawValue)»" }.joined(separator: ", ")
            throw ValidationError("documento «\(kind)» sconosciuto: documenti disponibili \(known)")
        }
        let name = (format ?? found.formats[0].rawValue).lowercased()
        guard let chosen = DocumentFormat(rawValue: name), found.formats.contains(chosen) else {
            let known = found.formats.map { "«\($0.rawValue)»" }.joined(separator: ", ")
            throw ValidationError("formato «\(name)» non previsto per «\(found.rawValue)»: formati disponibili \(known)")
        }
        return (found, chosen)
    }
}
