import Foundation

/// How a score was obtained, as a tree: the element, its result, the formula that gives it, and the
/// explanation of every input that enters the formula (children), down to the measurements.
///
/// ```
/// Obiettivo 4 «Realizzazione programmi di area»: 68,49 = tronca a 2 decimali(media(98,99; 100; 75; 0))
///   Indicatore a «Realizzazione del 90% dei progetti»: 98,99 = …
/// ```
public struct Explanation: Hashable, Sendable, Codable {
    public var subject: ScoreSubject
    /// The value the element passes upward; nil when N.C.
    public var result: Decimal?
    /// The result as shown (`68,49`, `N.C.`).
    public var shown: String
    public var formula: Formula
    /// The explanations of the inputs, in the order the formula uses them; N.C. inputs included, marked.
    public var inputs: [Explanation]
    /// Notes a reader must see next to the number: N.C. reasons, justified deviations, overrides, exclusions.
    public var notes: [String]

    public init(
        subject: ScoreSubject, result: Decimal?, shown: String, formula: Formula, inputs: [Explanation] = [],
        notes: [String] = []
    ) {
        self.subject = subject
        self.result = result
        self.shown = shown
        self.formula = formula
        self.inputs = inputs
        self.notes = notes
    }

    /// `68,49 = tronca a 2 decimali(media(98,99; 100; 75; 0))`; for a leaf whose formula is the value itself,
    /// just the value.
    public var formulaLine: String {
        let rhs = formula.text
        return rhs == shown ? shown : "\(shown) = \(rhs)"
    }

    /// The first line: subject, then the formula line, then the notes in brackets.
    public func headline(titleLimit: Int? = 80) -> String {
        var line = "\(subject.label(titleLimit: titleLimit)): \(formulaLine)"
        if !notes.isEmpty { line += " [\(notes.joined(separator: "; "))]" }
        return line
    }

    /// One line per node, each input indented by two spaces under the element it enters.
    public func lines(titleLimit: Int? = 80, maxDepth: Int? = nil) -> [ExplanationLine] {
        var out: [ExplanationLine] = []
        func walk(_ e: Explanation, _ depth: Int) {
            out.append(ExplanationLine(depth: depth, text: e.headline(titleLimit: titleLimit), subject: e.subject))
            if let maxDepth, depth >= maxDepth { return }
            for input in e.inputs { walk(input, depth + 1) }
        }
        walk(self, 0)
        return out
    }

    /// The whole tree as text, children indented.
    public func rendered(titleLimit: Int? = 80, maxDepth: Int? = nil) -> String {
        lines(titleLimit: titleLimit, maxDepth: maxDepth)
            .map { String(repeating: "  ", count: $0.depth) + $0.text }
            .joined(separator: "\n")
    }
}

/// One rendered line of an explanation.
public struct ExplanationLine: Hashable, Sendable, Codable {
    public var depth: Int
    public var text: String
    public var subject: ScoreSubject
}
