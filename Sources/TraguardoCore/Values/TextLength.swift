import Foundation

/// How long a text a person types may be: a comment, a validation note, a measurement's note, N.C. reason
/// or justification. One limit, checked by every edge that takes such a text (web forms, API, sheets), so a
/// megabyte of text never reaches the pages every reader opens.
public enum TextLength {
    /// The most characters kept in one such text.
    public static let maxCharacters = 4_000

    /// nil when `text` fits; otherwise the Italian error, naming what is too long
    /// («La nota ha 5.000 caratteri: il massimo è 4.000. Accorciare il testo.»).
    /// - Parameter what: the text with its article, as it starts a sentence («La nota», «Il commento»).
    public static func problem(_ text: String, what: String) -> String? {
        guard text.utf8.count > maxCharacters else { return nil }  // never fewer bytes than characters
        let count = text.count
        guard count > maxCharacters else { return nil }
        return "\(what) ha \(ItalianFormatting.number(Decimal(count))) caratteri: il massimo è "
            + "\(ItalianFormatting.number(Decimal(maxCharacters))). Accorciare il testo."
    }
}
