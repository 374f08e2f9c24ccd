import Foundation

/// An act as a person cites it: «Delibera di Consiglio n. 12 del 20/12/2018», «Determinazione del Segretario
/// Generale n. 3 del 05/02/2019», or the code of an act the plan already has (`dc-4-2017`). Read the same way by
/// `traguardo approve`, `traguardo import --atto`, the web forms and the API.
public enum ActCitation {
    /// The longest citation read: an act's label is one line.
    public static let maximumLength = 300

    /// The act cited by `text` in `plan`: one of the plan's acts when `text` is its code or its label, else a new
    /// act read from the text (its code made from kind, organ, number and year). `subject` is the new act's object.
    public static func act(_ text: String, in plan: CyclePlan, subject: String) -> Result<Act, ActCitationError> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return .failure(.empty) }
        guard trimmed.count <= maximumLength else { return .failure(.tooLong(trimmed.count)) }
        if let known = plan.acts.first(where: { $0.id == trimmed || $0.label.lowercased() == trimmed.lowercased() }) {
            return .success(known)
        }
        guard var act = parse(trimmed, entityCode: plan.entity.code, subject: subject) else { return .failure(.unreadable(trimmed)) }
        if let same = plan.acts.first(where: { $0.label == act.label }) { return .success(same) }
        var id = act.id
        var suffix = 2
        while plan.acts.contains(where: { $0.id == id }) {
            id = "\(act.id)-\(suffix)"
            suffix += 1
        }
        act.id = id
        return .success(act)
    }

    /// Reads «<Tipo> [di|del|della|dell'] <Organo> [n. <numero>] del <gg/mm/aaaa>»; nil when it is not that.
    public static func parse(_ text: String, entityCode: String, subject: String) -> Act? {
        var rest = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        let kinds = ActKind.allCases.sorted { $0.label.count > $1.label.count }
        guard let kind = kinds.first(where: { rest.lowercased().hasPrefix($0.label.lowercased() + " ") }) else { return nil }
        rest = rest.dropFirst(kind.label.count).drop(while: \.isWhitespace)
        // The date: «del 20/12/2018» (or «in data 20/12/2018») at the end.
        guard let dateRange = rest.range(of: #"\s+(del|dell'|in data)\s*\d{1,2}/\d{1,2}/\d{4}$"#, options: .regularExpression) else {
            return nil
        }
        let dateText = rest[dateRange].split(whereSeparator: { $0 == " " || $0 == "'" }).last.map(String.init) ?? ""
        let parts = dateText.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 3, CivilDate.isValid(year: parts[2], month: parts[1], day: parts[0]) else { return nil }
        let date = CivilDate(year: parts[2], month: parts[1], day: parts[0])
        rest = rest[..<dateRange.lowerBound]
        // The number: «n. 12» (or «n.12», «numero 12») at the end.
        var number: String?
        if let numberRange = rest.range(of: #"\s+(n\.|n°|numero)\s*[0-9A-Za-z/-]+$"#, options: .regularExpression) {
            number = rest[numberRange].split(whereSeparator: { $0 == " " || $0 == "." || $0 == "°" }).last.map(String.init)
            rest = rest[..<numberRange.lowerBound]
        }
        for preposition in ["della ", "dello ", "dell'", "del ", "di ", "da "] where rest.lowercased().hasPrefix(preposition) {
            rest = rest.dropFirst(preposition.count)
            break
        }
        let organ = rest.trimmingCharacters(in: .whitespaces)
        guard !organ.isEmpty, organ.count <= 120 else { return nil }
        let organWords = organ.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
        let id = [kind.rawValue, organWords, number, String(date.year)].compactMap { $0 }.joined(separator: "-")
        return Act(id: id, entityCode: entityCode, organ: organ, kind: kind, number: number, date: date, subject: subject)
    }
}

/// Why a cited act cannot be used, in Italian.
public enum ActCitationError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case tooLong(Int)
    case unreadable(String)

    public static let example = "Delibera di Consiglio n. 12 del 20/12/2018"

    public var description: String {
        switch self {
        case .empty:
            "Manca l'atto: indicare tipo, organo, numero e data (per esempio «\(Self.example)») o il codice di un atto del piano."
        case .tooLong(let count):
            "L'atto indicato è lungo \(count) caratteri: al massimo \(ActCitation.maximumLength)."
        case .unreadable(let text):
            "L'atto «\(text)» non è leggibile: atteso tipo (\(ActKind.allCases.map(\.label).joined(separator: ", "))), organo, "
                + "numero facoltativo e data gg/mm/aaaa, per esempio «\(Self.example)», o il codice di un atto del piano."
        }
    }
}
