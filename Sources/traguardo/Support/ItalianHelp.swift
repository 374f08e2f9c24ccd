import Foundation

/// ArgumentParser writes its help and its parsing errors in English; Traguardo speaks Italian.
/// This rewrites the fixed phrases of that text (the abstracts and option helps are already ours).
enum ItalianHelp {
    private static let phrases: [(String, String)] = [
        ("OVERVIEW:", "DESCRIZIONE:"),
        ("USAGE:", "USO:"),
        ("Usage:", "Uso:"),
        ("ARGUMENTS:", "ARGOMENTI:"),
        ("OPTIONS:", "OPZIONI:"),
        ("SUBCOMMANDS:", "SOTTOCOMANDI:"),
        ("Show help information.", "Mostra questo aiuto."),
        ("Show the version.", "Mostra la versione."),
        ("<subcommand>", "<sottocomando>"),
        ("[<options>]", "[<opzioni>]"),
        ("<options>", "<opzioni>"),
        ("for detailed help.", "per l'aiuto dettagliato."),
        ("for more information.", "per saperne di più."),
        ("(default)", "(predefinito)"),
        ("(default: ", "(predefinito: "),
        ("; default: ", "; predefinito: "),
        ("(values: ", "(valori: "),
        ("Help:  ", "Aiuto:  "),
        ("Error: ", "Errore: "),
        ("Missing required subcommand.", "Manca il sottocomando."),
        ("Missing expected argument", "Manca l'argomento"),
        ("Missing one of:", "Manca uno fra:"),
        ("Missing value for", "Manca il valore di"),
        ("Unknown option", "Opzione sconosciuta"),
        ("Did you mean", "Forse si intendeva"),
        ("Unexpected argument", "Argomento inatteso"),
        ("unexpected arguments:", "argomenti inattesi:"),
        ("Invalid option:", "Opzione non valida:"),
        ("Please provide one of the following:", "Indicare uno fra:"),
        ("Please provide one of", "Indicare uno fra"),
        (" and ", " e "),
        (" or ", " o "),
        ("does not take any value, but", "non accetta valori, ma è stato dato"),
        ("was specified.", ""),
        ("had already been set with", "era già stato indicato con"),
        ("Value to be set with", "Il valore di"),
    ]

    static func translate(_ text: String) -> String {
        var result = text
        // "See 'traguardo help <subcommand>'" and "The value 'x' is invalid for '--y'" carry names in the middle.
        result = result.replacing(/\ \ See '([^']*)'/) { "  Vedere '\($0.output.1)'" }
        result = result.replacing(/The value '([^']*)' is invalid for '([^']*)'/) {
            "Il valore '\($0.output.1)' non è valido per '\($0.output.2)'"
        }
        result = result.replacing(/The value '([^']*)' is invalid\./) { "Il valore '\($0.output.1)' non è valido." }
        result = result.replacing(/The option '([^']*)'/) { "L'opzione '\($0.output.1)'" }
        for (english, italian) in phrases {
            result = result.replacingOccurrences(of: english, with: italian)
        }
        return result
    }
}
