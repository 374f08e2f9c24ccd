import Foundation

/// What a person entered for one item in one period, wherever it was typed: a row of a *scheda di
/// rilevazione*, the web form, the JSON API. One rule reads it into a ``Measurement`` (or the problems that
/// say what is wrong, in Italian), so that every edge accepts and refuses the same entries; the edges only
/// map their cells, fields or keys onto it. The inverse, what an edge shows for a stored measurement, is
/// ``init(showing:)`` with ``Measurement/enteredText`` as the value.
public struct MeasurementEntry: Sendable, Hashable {
    /// The value as written (`95`, `4,2 gg`, `43/47`, `31/12/2019`, `sì`, `a vista`, `N.C.`).
    public var value: String
    /// The value when the edge already holds it typed (a spreadsheet cell with a number, a date, a boolean);
    /// `value` is then its text, for messages.
    public var typedValue: EnteredValue?
    /// Marked N.C. (the form's check box); a reason without a value, or the value `N.C.`, say the same.
    public var notComputable: Bool
    public var notComputableReason: String
    public var justifiedDeviation: Bool
    /// The justification of the deviation; `sì`, `si` or `x` alone: justified, without a note.
    public var justification: String
    public var narrative: String

    public init(
        value: String = "", typedValue: EnteredValue? = nil, notComputable: Bool = false, notComputableReason: String = "",
        justifiedDeviation: Bool = false, justification: String = "", narrative: String = ""
    ) {
        self.value = value
        self.typedValue = typedValue
        self.notComputable = notComputable
        self.notComputableReason = notComputableReason
        self.justifiedDeviation = justifiedDeviation
        self.justification = justification
        self.narrative = narrative
    }

    /// What an edge shows for a stored measurement, in a form ``read(item:period:existing:year:)`` accepts
    /// back unchanged: the canonical value (never the text as printed when a typed value exists), N.C. as the
    /// mark with its reason.
    public init(showing m: Measurement) {
        self.init(
            value: m.isNotComputable ? "" : m.enteredText, notComputable: m.isNotComputable,
            notComputableReason: m.notComputableReason ?? "", justifiedDeviation: m.justifiedDeviation,
            justification: m.justificationNote ?? "", narrative: m.narrative ?? "")
    }

    /// Nothing entered at all.
    public var isEmpty: Bool {
        value.trimmed.isEmpty && typedValue == nil && !notComputable && notComputableReason.trimmed.isEmpty
            && !justifiedDeviation && justification.trimmed.isEmpty && narrative.trimmed.isEmpty
    }

    /// Values beyond this are typing errors, not measurements.
    public static let largest = Decimal(string: "1000000000000")!

    /// A number (or a term of a ratio) beyond `largest`: a typing error.
    public static func scaleProblem(_ value: EnteredValue, text: String) -> Problem? {
        guard let magnitude = value.magnitude, magnitude > largest else { return nil }
        return Problem(field: .value, message: "valore «\(text)» fuori scala (oltre 1.000.000.000.000): controllare gli zeri")
    }

    /// The words that, alone in a justification, mean «justified» without a note.
    static let justifiedWords: Set<String> = ["sì", "si", "x"]

    /// The field a problem is about.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case value, notComputableReason, justification, narrative
    }

    /// What is wrong with an entry, in Italian: `message` continues a sentence («riga 8, colonna Valore: …»),
    /// `sentence` stands alone beside a form field or in an API answer.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var field: Field
        public var message: String

        public init(field: Field, message: String) {
            self.field = field
            self.message = message
        }

        public var sentence: String {
            let text = message.prefix(1).uppercased() + message.dropFirst()
            return text.hasSuffix(".") ? text : text + "."
        }

        public var description: String { message }
    }

    /// The outcome of reading an entry against the stored measurement.
    public enum Reading: Sendable, Hashable {
        /// The entry says what is stored (as shown, or the same content written differently): nothing to write.
        case unchanged
        /// The measurement to write: the stored one (or a new one) with what was entered; author, time,
        /// provenance and evidence are the edge's to set.
        case changed(Measurement)
        case problems([Problem])
    }

    /// Reads the entry for `itemID` in `period`. `existing` is the stored measurement: an entry that shows it
    /// unchanged is accepted as it is (even when the stored text is one no person would type now, «28-mag»),
    /// and a value equal to its ``Measurement/enteredText`` keeps the stored value as it is.
    /// - Parameter year: completes dates written without one (`7 marzo`).
    public func read(item itemID: String, period: MonitoringPeriod, existing: Measurement?, year: Int) -> Reading {
        if let existing, normalized == MeasurementEntry(showing: existing).normalized { return .unchanged }
        var problems: [Problem] = []
        let text = value.trimmed
        let keepsValue = existing.map { !text.isEmpty && typedValue == nil && $0.enteredText == text } ?? false
        var parsed: EnteredValue?
        if !keepsValue, !text.isEmpty || typedValue != nil {
            do throws(ItalianValueError) {
                let read: EnteredValue
                if let typedValue { read = typedValue } else { read = try EnteredValue.parse(text, year: year) }
                if let problem = Self.scaleProblem(read, text: text) {
                    problems.append(problem)
                } else {
                    parsed = read
                }
            } catch {
                problems.append(Problem(field: .value, message: error.description))
            }
        }
        let reason = notComputableReason.trimmed
        let valueIsNotComputable = parsed?.isNotComputable == true || (keepsValue && existing?.isNotComputable == true)
        let hasValue = !text.isEmpty || typedValue != nil
        let isNotComputable = valueIsNotComputable || (!hasValue && (notComputable || !reason.isEmpty))
        if hasValue, !valueIsNotComputable, notComputable || !reason.isEmpty {
            problems.append(Problem(
                field: .notComputableReason,
                message: "c'è sia un valore («\(text)») sia " + (reason.isEmpty ? "il segno N.C." : "un motivo N.C.") + ": lasciare solo uno dei due"))
        } else if isNotComputable, reason.isEmpty {
            problems.append(Problem(
                field: .notComputableReason,
                message: "la rilevazione è N.C.: scrivere il motivo (per esempio «nessuna richiesta nel periodo»)"))
        }
        if !hasValue, !isNotComputable {
            problems.append(Problem(
                field: .value, message: "manca il valore rilevato: scriverlo, oppure segnare la rilevazione come non computabile (N.C.)"))
        }
        let justification = justification.trimmed
        if justifiedDeviation, justification.isEmpty {
            problems.append(Problem(
                field: .justification,
                message: "uno scostamento giustificato richiede la giustificazione (o «sì» per giustificarlo senza nota)"))
        }
        let narrative = narrative.trimmed
        for (typed, field, what) in [
            (reason, Field.notComputableReason, "Il motivo N.C."), (justification, .justification, "La giustificazione"),
            (narrative, .narrative, "La nota"),
        ] {
            if let problem = TextLength.problem(typed, what: what) { problems.append(Problem(field: field, message: problem)) }
        }
        guard problems.isEmpty else { return .problems(problems) }

        var m = existing ?? Measurement(id: Measurement.id(item: itemID, period: period), itemID: itemID, periodID: period.id)
        if isNotComputable {
            if !keepsValue {
                EnteredValue.value(.notComputable).apply(to: &m)
                m.text = text.isEmpty ? "N.C." : text
            }
            m.notComputableReason = reason
        } else {
            if let parsed {
                parsed.apply(to: &m)
                m.text = text
            }
            m.notComputableReason = nil
        }
        m.justifiedDeviation = justifiedDeviation
        m.justificationNote = justifiedDeviation && !Self.justifiedWords.contains(justification.lowercased()) ? justification : nil
        m.narrative = narrative.isEmpty ? nil : narrative
        if let existing, existing.sameContent(as: m) { return .unchanged }
        return .changed(m)
    }

    /// The entry with every way of saying the same thing written one way: trimmed, N.C. as the mark, no
    /// justification text without a justified deviation, «sì» alone as no note.
    var normalized: MeasurementEntry {
        var n = MeasurementEntry(
            value: value.trimmed, typedValue: typedValue, notComputable: notComputable,
            notComputableReason: notComputableReason.trimmed, justifiedDeviation: justifiedDeviation,
            justification: justifiedDeviation ? justification.trimmed : "", narrative: narrative.trimmed)
        if typedValue == nil, (try? EnteredValue.parse(n.value, year: nil))?.isNotComputable == true {
            n.value = ""
            n.notComputable = true
        }
        if n.value.isEmpty, n.typedValue == nil, !n.notComputableReason.isEmpty { n.notComputable = true }
        if Self.justifiedWords.contains(n.justification.lowercased()) { n.justification = "" }
        return n
    }
}

extension Measurement {
    /// The value as an edge writes it for a person to read and type back: `N.C.`, `43/47`, `99,22`,
    /// `31/12/2019`, `sì`; the text as printed only when there is no typed value («n. 3704 ore formazione»).
    /// ``EnteredValue/parse(_:year:)`` reads it back to the same value.
    public var enteredText: String {
        if isNotComputable { return "N.C." }
        if let n = numerator, let d = denominator { return "\(n.italian)/\(d.italian)" }
        if let value { return value.italian }
        if let date { return date.italian }
        if let done { return done ? "sì" : "no" }
        return text ?? ""
    }

    /// The same measured content: what was measured, N.C., the deviation and the note. Who entered it, when,
    /// from which file and the text as printed are not content: entering the same thing again changes nothing.
    public func sameContent(as other: Measurement) -> Bool {
        value == other.value && date == other.date && done == other.done && numerator == other.numerator
            && denominator == other.denominator && notComputableReason == other.notComputableReason
            && justifiedDeviation == other.justifiedDeviation && justificationNote == other.justificationNote
            && narrative == other.narrative && evidence == other.evidence
    }
}

extension EnteredValue {
    /// The size of a number or of the larger term of a ratio, to refuse values beyond any measurement.
    var magnitude: Decimal? {
        switch self {
        case .value(.number(let n, _)): abs(n)
        case .ratio(let n, let d): max(abs(n), abs(d))
        default: nil
        }
    }
}
