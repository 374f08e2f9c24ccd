import Foundation

/// A `DecodingError` (the methodology's rules are decoded from the file's `regole:`) in Italian: which key, where,
/// what was expected. The error's own text is English and names Swift types.
enum DecodingErrorText {
    static func italian(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "contenuto non valido" }
        switch error {
        case .keyNotFound(let key, let context):
            return "manca la chiave «\(key.stringValue)»" + place(context.codingPath)
        case .typeMismatch(let type, let context):
            return "atteso \(name(of: type))" + place(context.codingPath)
        case .valueNotFound(let type, let context):
            return "manca il valore, atteso \(name(of: type))" + place(context.codingPath)
        case .dataCorrupted(let context):
            return "valore non ammesso" + place(context.codingPath)
        @unknown default:
            return "contenuto non valido"
        }
    }

    /// ` in «livelli[0].arrotondamento»`, or nothing at the top.
    static func place(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text.isEmpty ? "" : " in «\(text)»"
    }

    static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "un testo"
        case is Int.Type: "un numero intero"
        case is Decimal.Type, is Double.Type: "un numero"
        case is Bool.Type: "true o false"
        default:
            String(describing: type).hasPrefix("Array") ? "un elenco"
                : String(describing: type).hasPrefix("Dictionary") ? "un elenco di chiavi e valori" : "un valore di altro tipo"
        }
    }
}
