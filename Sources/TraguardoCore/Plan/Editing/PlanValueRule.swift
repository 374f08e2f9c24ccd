import Foundation

/// How one value of the plan is read from the text a person wrote, and what is said when it cannot be: the one
/// rule the plan file reader (`FileObject` in TraguardoExchange) and the plan editor (`PlanEditor`, the web form
/// and the API) share. Each reader takes the text as written and returns the value or the Italian reason, naming
/// the text found and what is expected.
public enum PlanValueRule {
    /// Why a text is not a value of the expected kind: the sentence shown beside the field.
    public struct Problem: Error, Hashable, Sendable {
        public var message: String
        public init(_ message: String) { self.message = message }
    }

    /// Larger amounts are typing errors: no Ente's budget or measurement reaches a million billions.
    public static let largestNumber = Decimal(string: "1000000000000000")!

    /// `manca il titolo del nodo («titolo»)`: a required value that is not there.
    public static func missing(_ what: String, key: String) -> String { "manca \(what) («\(key)»)" }

    public static func integer(_ text: String) -> Result<Int, Problem> {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            return .failure(Problem("«\(text)» non è un numero intero; atteso per esempio «2018»"))
        }
        return .success(value)
    }

    /// A machine number (`98.99`, when `machine` is true: a plain YAML scalar) or an Italian one (`1.418.965,00`,
    /// `99,22%`), never beyond `largestNumber`.
    public static func decimal(_ text: String, machine: Bool = false) -> Result<Decimal, Problem> {
        let text = text.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("#") {
            return .failure(Problem("«\(text)» è un errore del foglio di calcolo, non un valore; atteso un numero"))
        }
        guard let value = (machine ? ItalianNumber.parseMachine(text) : nil) ?? ItalianNumber.parse(text) else {
            return .failure(Problem("«\(text)» non è un numero; atteso per esempio «1.418.965,00», «99,22%» o 98.99"))
        }
        if abs(value) > largestNumber {
            return .failure(Problem("«\(text)» è fuori scala (oltre 1.000.000.000.000.000): controllare gli zeri"))
        }
        return .success(value)
    }

    public static func bool(_ text: String) -> Result<Bool, Problem> {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "sì", "si", "yes": .success(true)
        case "false", "no": .success(false)
        default: .failure(Problem("«\(text)» non è vero o falso; atteso true o false"))
        }
    }

    /// A date written in figures, read by the one rule `CivilDate(written:)` (2013-03-07, 07/03/2013, 07.03.2013 …).
    public static func date(_ text: String) -> Result<CivilDate, Problem> {
        if let date = CivilDate(written: text) { return .success(date) }
        return .failure(Problem("«\(text)» non è una data; attesa per esempio 2013-03-07 o «07/03/2013»"))
    }

    /// One of the values of an enumeration, named by its Italian raw value.
    public static func choice<E: RawRepresentable & CaseIterable>(_ text: String, _ type: E.Type) -> Result<E, Problem>
        where E.RawValue == String
    {
        if let value = E(rawValue: text) { return .success(value) }
        return .failure(Problem("valore «\(text)» non previsto; ammessi: \(E.allCases.map(\.rawValue).joined(separator: " | "))"))
    }

    /// A code of the national classification (D.M. 27/03/2013): a missione (`011`) or a programma (`005`), three digits.
    public static func nationalCode(_ text: String, what: String) -> Result<String, Problem> {
        let code = text.trimmingCharacters(in: .whitespaces)
        guard code.count == 3, code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber) else {
            return .failure(Problem("«\(text)» non è un codice di \(what) del D.M. 27/03/2013: attese tre cifre, per esempio «011» (tra virgolette nel file)"))
        }
        return .success(code)
    }

    /// A key no reader asks for.
    public static func unknownKey(_ key: String, allowed: [String]) -> String {
        "chiave sconosciuta «\(key)»; ammesse: \(allowed.sorted().joined(separator: ", "))"
    }
}
