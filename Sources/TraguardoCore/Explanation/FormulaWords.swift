import Foundation

extension Formula {
    /// The formula in Italian words, for a person who does not read `tronca a 2 decimali(media(…))`:
    /// «media di 4 valori (98,99; 100; 75; 0), troncata a 2 decimali». The web page and the documents write
    /// the same words; `text` stays the CLI's and the tests' form.
    public var words: String {
        switch self {
        case .number, .amount, .notComputable, .text:
            return text
        case .infix(let lhs, let op, let rhs):
            return "\(lhs.wordsInside) \(Self.operatorWords[op] ?? op) \(rhs.wordsInside)"
        case .call(let name, let arguments):
            if arguments.count == 1, let after = Self.afterwards(name) {
                return "\(arguments[0].words), \(after)"
            }
            let values = arguments.map(\.wordsInside).joined(separator: "; ")
            switch name {
            case "media": return "media di \(Self.count(arguments.count)) (\(values))"
            case "media ponderata": return "media ponderata per i pesi di \(Self.count(arguments.count)) (\(values))"
            case "minimo": return "il più basso di \(Self.count(arguments.count)) (\(values))"
            default: return "\(name): \(values)"
            }
        }
    }

    /// An argument inside a longer sentence: an operation in brackets, so that «43 diviso 47 per 100» stays clear.
    private var wordsInside: String {
        if case .infix = self { return "(\(words))" }
        return words
    }

    private static func count(_ n: Int) -> String { n == 1 ? "1 valore" : "\(n) valori" }

    private static let operatorWords = ["/": "diviso", "×": "per", "−": "meno", "+": "più", "su": "su"]

    /// A step that acts on the one value before it: rounding and limits, said after the value.
    private static func afterwards(_ name: String) -> String? {
        if name == "minimo 0" { return "non meno di 0" }
        if name == "massimo 100" { return "al massimo 100" }
        for (verb, participle) in [("arrotonda al pari", "arrotondato al pari"), ("arrotonda", "arrotondato"), ("tronca", "troncato")]
        where name.hasPrefix(verb + " ") {
            return participle + name.dropFirst(verb.count)
        }
        return nil
    }
}
