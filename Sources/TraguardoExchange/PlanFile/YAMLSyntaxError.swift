import Foundation
import Yams

/// The YAML parser's errors (libyaml's English, through Yams) in Italian: where (line and column), what is wrong
/// or what was expected, and in which construct that began on which line. A problem not in the table still gets
/// an Italian sentence with its place: English never reaches the person.
enum YAMLSyntaxError {
    struct Description: Equatable {
        var line: Int?
        var message: String
    }

    static func describe(_ error: any Error) -> Description {
        guard let yaml = error as? YamlError else { return Description(line: nil, message: generic) }
        switch yaml {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "\(prefix), colonna \(mark.column): \(problems[problem] ?? generic)"
            if let context, let within = contexts[context.text] {
                message += " (\(within), dalla riga \(context.mark.line))"
            }
            return Description(line: mark.line, message: message)
        case .reader(let problem, let offset, _, let text):
            let place = offset.map { position(ofCharacter: $0, in: text) }
            let column = place.map { ", colonna \($0.column)" } ?? ""
            return Description(line: place?.line, message: "\(prefix)\(column): \(readerProblems[problem] ?? generic)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "«\($0)»" }.joined(separator: ", ")
            let message = duplicates.count == 1 ? "la chiave \(keys) compare due volte nello stesso elenco"
                : "le chiavi \(keys) compaiono due volte nello stesso elenco"
            return Description(line: context.mark.line, message: "\(prefix): \(message)")
        case .memory:
            return Description(line: nil, message: "memoria esaurita leggendo il file")
        default:
            return Description(line: nil, message: generic)
        }
    }

    static let prefix = "sintassi YAML/JSON non valida"
    static let generic = "il testo non segue la sintassi YAML o JSON in questo punto (controllare indentazione, virgolette, parentesi e «:»)"

    /// Line and column (from 1) of the character at `offset`.
    static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    /// libyaml's scanner, parser and composer problems (Yams adds the composer's two).
    static let problems: [String: String] = [
        // Scanner
        "found character that cannot start any token":
            "carattere che non può iniziare un valore (una tabulazione, «@», «`», «%» o «|» fuori posto: mettere il testo fra virgolette)",
        "found unexpected end of stream": "il file finisce prima del previsto (manca una virgoletta o una parentesi di chiusura)",
        "found unexpected ':'": "«:» inatteso (un testo che contiene «:» va messo fra virgolette)",
        "mapping values are not allowed in this context":
            "«chiave: valore» non ammesso qui (controllare l'indentazione, o mettere fra virgolette un testo che contiene «: »)",
        "mapping keys are not allowed in this context": "una chiave non è ammessa qui (controllare l'indentazione)",
        "block sequence entries are not allowed in this context": "un elemento «- » non è ammesso qui (controllare l'indentazione)",
        "could not find expected ':'": "manca il «:» dopo la chiave",
        "found a tab character where an indentation space is expected": "tabulazione dove è attesa un'indentazione: indentare con spazi",
        "found a tab character that violates indentation": "tabulazione che rompe l'indentazione: indentare con spazi",
        "found unknown escape character": "sequenza «\\» sconosciuta fra virgolette doppie (per una barra rovesciata scrivere «\\\\»)",
        "found invalid Unicode character escape code": "codice Unicode non valido dopo «\\u» o «\\U»",
        "did not find expected hexdecimal number": "attese cifre esadecimali dopo «\\x», «\\u» o «\\U»",
        "found unexpected document indicator": "«---» o «...» a inizio riga dentro un testo fra virgolette",
        "did not find expected comment or line break": "atteso un commento «#» o la fine della riga",
        "did not find expected whitespace or line break": "atteso uno spazio o la fine della riga",
        "did not find expected whitespace": "atteso uno spazio",
        "found an indentation indicator equal to 0": "l'indicatore di indentazione di un testo a blocco non può essere 0",
        "did not find expected alphabetic or numeric character": "attesa una lettera o una cifra dopo «&», «*» o «%»",
        "did not find expected tag URI": "etichetta «!…» non valida",
        "did not find URI escaped octet": "etichetta «!…» non valida (sequenza «%» incompleta)",
        "found an incorrect leading UTF-8 octet": "etichetta «!…» non valida (UTF-8 errato)",
        "found an incorrect trailing UTF-8 octet": "etichetta «!…» non valida (UTF-8 errato)",
        "did not find the expected '>'": "etichetta «!<…>» senza «>» di chiusura",
        "did not find expected '!'": "etichetta «!…!» senza «!» di chiusura",
        "found unknown directive name": "direttiva «%…» sconosciuta",
        "could not find expected directive name": "manca il nome della direttiva dopo «%»",
        "found unexpected non-alphabetical character": "direttiva «%…» con caratteri non ammessi",
        "did not find expected digit or '.' character": "versione della direttiva «%YAML» non valida",
        "found extremely long version number": "versione della direttiva «%YAML» troppo lunga",
        "did not find expected version number": "manca la versione della direttiva «%YAML»",
        // Parser
        "did not find expected node content":
            "atteso un valore (manca il valore, oppure «,», «]», «}» o «-» è fuori posto)",
        "did not find expected key": "attesa una chiave: l'indentazione di questa riga non corrisponde a quella delle chiavi sopra",
        "did not find expected '-' indicator": "atteso un elemento «- »: l'indentazione di questa riga non corrisponde a quella dell'elenco",
        "did not find expected ',' or ']'": "attesa «,» o «]» nell'elenco fra parentesi quadre",
        "did not find expected ',' or '}'": "attesa «,» o «}» nell'elenco fra parentesi graffe",
        "did not find expected <document start>": "atteso l'inizio di un documento («---»)",
        "did not find expected <stream-start>": "inizio del file non valido",
        "found undefined tag handle": "etichetta «!…!» non dichiarata",
        "found duplicate %YAML directive": "direttiva «%YAML» ripetuta",
        "found duplicate %TAG directive": "direttiva «%TAG» ripetuta",
        "found incompatible YAML document": "versione di YAML non supportata (ammessa la 1.x)",
        "Maximum nesting level reached, set with yaml_set_max_nest_level())": "troppi livelli di elenchi uno dentro l'altro",
        // Composer (Yams)
        "found undefined alias": "alias «*…» di un'ancora non definita",
        "but found another document": "il file contiene più di un documento YAML («---»): un file piano è un documento solo",
    ]

    /// The construct a problem was found in (libyaml's «while …» contexts).
    static let contexts: [String: String] = [
        "while parsing a block mapping": "nell'elenco di chiavi",
        "while parsing a block collection": "nell'elenco",
        "while parsing a flow sequence": "nell'elenco fra parentesi quadre",
        "while parsing a flow mapping": "nell'elenco fra parentesi graffe",
        "while parsing a block node": "nel valore",
        "while parsing a flow node": "nel valore",
        "while parsing a node": "nel valore",
        "while parsing": "nel valore",
        "while scanning a simple key": "nella chiave",
        "while scanning a quoted scalar": "nel testo fra virgolette",
        "while parsing a quoted scalar": "nel testo fra virgolette",
        "while scanning a plain scalar": "nel testo",
        "while scanning a block scalar": "nel testo a blocco («|» o «>»)",
        "while scanning an anchor": "nell'ancora «&…»",
        "while scanning an alias": "nell'alias «*…»",
        "while scanning a tag": "nell'etichetta «!…»",
        "while parsing a tag": "nell'etichetta «!…»",
        "while scanning a directive": "nella direttiva «%…»",
        "while scanning a %YAML directive": "nella direttiva «%YAML»",
        "while scanning a %TAG directive": "nella direttiva «%TAG»",
        "while parsing a %TAG directive": "nella direttiva «%TAG»",
        "while scanning a tag directive": "nella direttiva «%TAG»",
        "while parsing a tag directive": "nella direttiva «%TAG»",
    ]

    /// libyaml's reader problems: the bytes are not valid text.
    static let readerProblems: [String: String] = [
        "control characters are not allowed": "carattere di controllo non ammesso (il file è testo? togliere il carattere)",
        "invalid leading UTF-8 octet": "il testo non è UTF-8 valido: salvarlo con codifica UTF-8",
        "invalid trailing UTF-8 octet": "il testo non è UTF-8 valido: salvarlo con codifica UTF-8",
        "incomplete UTF-8 octet sequence": "il testo non è UTF-8 valido: salvarlo con codifica UTF-8",
        "invalid length of a UTF-8 sequence": "il testo non è UTF-8 valido: salvarlo con codifica UTF-8",
        "invalid Unicode character": "carattere Unicode non ammesso in YAML",
        "input is too long": "il file è troppo lungo",
        "input error": "il file non si può leggere",
        "incomplete UTF-16 character": "il testo UTF-16 è incompleto: salvarlo con codifica UTF-8",
        "incomplete UTF-16 surrogate pair": "il testo UTF-16 è incompleto: salvarlo con codifica UTF-8",
        "expected low surrogate area": "il testo UTF-16 non è valido: salvarlo con codifica UTF-8",
        "unexpected low surrogate area": "il testo UTF-16 non è valido: salvarlo con codifica UTF-8",
    ]
}
