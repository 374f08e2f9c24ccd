import Foundation
import Testing
import TraguardoCore
import TraguardoExchange

/// The YAML parser's errors reach the person in Italian, with line, column and what was expected: 7% of 1,598
/// fuzzed plan files once got an Italian sentence wrapped around libyaml's English («found unexpected end of
/// stream», «did not find expected node content»).
@Suite("File piano: errori di sintassi YAML e JSON in italiano")
struct PlanFileSyntaxErrorTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var text: String
        var line: Int
        var expected: String
        var description: String { name }
    }

    static let head = "formato: traguardo/1\nente: {codice: prova, nome: Camera di prova}\nanno: 2024\n"

    static let catalogue: [Case] = [
        Case(name: "virgolette mai chiuse", text: head + "albero:\n  - {codice: A, titolo: \"Area}\n", line: 6,
             expected: "colonna 1: il file finisce prima del previsto (manca una virgoletta o una parentesi di chiusura) (nel testo fra virgolette, dalla riga 5)"),
        Case(name: "parentesi quadra mai chiusa", text: head + "periodi: [T1, T2\n", line: 5,
             expected: "attesa «,» o «]» nell'elenco fra parentesi quadre (nell'elenco fra parentesi quadre, dalla riga 4)"),
        Case(name: "graffa senza virgola", text: head + "ente2: {codice: x nome: y}\n", line: 4,
             expected: "attesa «,» o «}» nell'elenco fra parentesi graffe"),
        Case(name: "quadra senza virgola", text: head + "periodi: [T1 T2: x y: z]\n", line: 4, expected: "colonna "),
        Case(name: "indentazione rotta in un elenco", text: head + "albero:\n  - codice: A\n   titolo: B\n", line: 6,
             expected: "atteso un elemento «- »: l'indentazione di questa riga non corrisponde a quella dell'elenco (nell'elenco, dalla riga 5)"),
        Case(name: "chiave meno indentata", text: head + "albero:\n    - codice: A\n  titolo: B\n", line: 6,
             expected: "attesa una chiave"),
        Case(name: "due punti in un testo", text: head + "nota: prima: seconda\n", line: 4,
             expected: "«chiave: valore» non ammesso qui"),
        Case(name: "tabulazione per indentare", text: head + "albero:\n\t- codice: A\n", line: 5,
             expected: "carattere che non può iniziare un valore"),
        Case(name: "valore mancante in un elenco fra graffe", text: head + "ente2: {codice: , , }\n", line: 4,
             expected: "atteso un valore"),
        Case(name: "chiave ripetuta", text: head + "anno: 2025\n", line: 3, expected: "la chiave «anno» compare due volte"),
        Case(name: "due documenti", text: head + "---\nanno: 2025\n", line: 4, expected: "più di un documento YAML"),
        Case(name: "escape sconosciuto", text: head + "nota: \"C:\\cartella\"\n", line: 4,
             expected: "sequenza «\\» sconosciuta fra virgolette doppie"),
        Case(name: "\\u non valido", text: head + "nota: \"\\uZZZZ\"\n", line: 4, expected: "attese cifre esadecimali"),
        Case(name: "carattere di controllo", text: head + "nota: a\u{07}b\n", line: 4, expected: "carattere di controllo non ammesso"),
        Case(name: "JSON con virgola mancante", text: "{\"formato\": \"traguardo/1\"\n \"anno\": 2024}\n", line: 2,
             expected: "attesa «,» o «}» nell'elenco fra parentesi graffe"),
        Case(name: "JSON troncato", text: "{\"formato\": \"traguardo/1\", \"anno\": [2024, \n", line: 2,
             expected: "atteso un valore (manca il valore, oppure «,», «]», «}» o «-» è fuori posto)"),
        Case(name: "direttiva sconosciuta", text: "%FOO bar\n---\n" + head, line: 1, expected: "colonna "),
        Case(name: "etichetta non dichiarata", text: head + "nota: !x!y valore\n", line: 4, expected: "etichetta «!…!» non dichiarata"),
        Case(name: "blocco con indentazione 0", text: head + "nota: |0\n  testo\n", line: 4, expected: "non può essere 0"),
    ]

    /// libyaml's English words: none may reach a message.
    static let english = ["found", "expected", "did not", "while ", "not allowed", "could not", "unexpected", "stream",
                          "mapping", "sequence", "scalar", "token", "context", "line ", "column"]

    static func syntaxErrors(_ text: String, name: String = "piano.yaml") -> [PlanFileError] {
        do {
            _ = try PlanFileReader.read(texts: [(name: name, text: text)])
            return []
        } catch {
            return error.errors.filter { $0.message.hasPrefix("sintassi") }
        }
    }

    static func englishIn(_ message: String) -> [String] {
        english.filter { message.lowercased().contains($0) }
    }

    @Test(arguments: catalogue)
    func eachMalformedFileGetsItsItalianErrorWithLineAndColumn(_ example: Case) {
        let found = Self.syntaxErrors(example.text)
        #expect(found.count == 1, "\(found)")
        guard let error = found.first else { return }
        #expect(error.line == example.line, "\(error)")
        #expect(error.message.contains(example.expected), "\(error)")
        #expect(Self.englishIn(error.message).isEmpty, "\(error)")
        if !example.expected.hasPrefix("la chiave") { #expect(error.message.contains(", colonna "), "\(error)") }
    }

    /// The methodology's rules are decoded from `regole:`: the decoder's English (`DecodingError.keyNotFound: Key
    /// 'name' not found…`) becomes which key, where and what was expected.
    @Test(arguments: [
        ("{arrotondamento: tanto}", "regole della metodologia non valide: manca la chiave «name»"),
        ("{name: x, levels: [{level: ente, digits: due}]}", "regole della metodologia non valide: atteso un numero intero in «levels[0].digits»"),
        ("{name: x, allowOverAchievement: [1]}", "regole della metodologia non valide: atteso true o false in «allowOverAchievement»"),
        ("{name: x, levels: [{level: inventato}]}", "regole della metodologia non valide: valore non ammesso in «levels[0].level»"),
    ])
    func methodologyRuleErrorsAreItalian(_ rules: String, _ expected: String) {
        let text = Self.head + "metodologia:\n  regole: \(rules)\n"
        let found: [PlanFileError]
        do { _ = try PlanFileReader.read(texts: [(name: "piano.yaml", text: text)]); found = [] } catch { found = error.errors }
        let error = found.first { $0.field == "metodologia.regole" }
        #expect(error?.line == 5, "\(found)")
        #expect(error?.message == expected, "\(found)")
    }

    /// Every truncation and many one-character changes of a real plan file: whatever the parser says, it says
    /// it in Italian and with the line.
    @Test func mutationsOfARealFileNeverGiveEnglish() throws {
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples")
        let source = try String(contentsOf: examples.appendingPathComponent("lucca-2018/atti.yaml"), encoding: .utf8)
        let characters = Array(source.prefix(1500))
        var mutations: [String] = []
        for end in stride(from: 1, to: characters.count, by: 5) { mutations.append(String(characters[..<end])) }
        let inserted: [Character] = ["[", "]", "{", "}", ":", ",", "\"", "'", "&", "*", "!", "|", ">", "%", "@", "\t", "-", "?", "#", "\\"]
        for (index, position) in stride(from: 0, to: characters.count, by: 11).enumerated() {
            var copy = characters
            copy.insert(inserted[index % inserted.count], at: position)
            mutations.append(String(copy))
            var deleted = characters
            deleted.remove(at: position)
            mutations.append(String(deleted))
        }
        var syntaxCount = 0
        for text in mutations {
            for error in Self.syntaxErrors(text) {
                syntaxCount += 1
                #expect(Self.englishIn(error.message).isEmpty, "\(error)\n--- testo:\n\(text)")
                #expect(error.line != nil, "\(error)")
            }
        }
        // The mutations do reach the parser's errors (the test would prove nothing otherwise).
        #expect(syntaxCount > 50, "\(syntaxCount)")
    }
}
