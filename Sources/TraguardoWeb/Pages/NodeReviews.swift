import Foundation
import TraguardoCore

/// What the OIV (and the controllo di gestione, for comments) adds on a node page: the comments on the
/// element and the validations of its result, newest first, and — for who may — the forms to add them
/// (`WebRoutes.commenti`, `WebRoutes.validazioni`, fields `FormFields.Revisione`). Neither changes a measurement.
public struct NodeReviews: Sendable {
    public var comments: [Comment]
    public var hasComments: Bool
    public var validations: [Validation]
    public var hasValidations: Bool
    public var canComment: Bool
    public var canValidate: Bool
    public var commentAction: String
    public var validateAction: String
    /// The hidden `elemento` of both forms: the element's code, as `traguardo explain` reads it.
    public var elementPath: String
    public var periods: [PeriodOption]
    public var fields: FieldNames

    public struct Comment: Sendable {
        public var author: String
        public var at: String
        public var text: String

        public init(author: String, at: Date, text: String) {
            self.author = author
            self.at = RegistroPage.timestamp(at)
            self.text = text
        }
    }

    public struct Validation: Sendable {
        public var period: String
        public var validatedBy: String
        public var at: String
        public var note: String?
        /// The score validated, as printed then.
        public var score: String?
        /// The validation judged the data as they are now; false: they changed after it (or it predates fingerprints).
        public var holds: Bool

        public init(period: String, validatedBy: String, at: Date, note: String?, score: String? = nil, holds: Bool = true) {
            self.period = period
            self.validatedBy = validatedBy
            self.at = RegistroPage.timestamp(at)
            self.note = note
            self.score = score
            self.holds = holds
        }
    }

    public struct PeriodOption: Sendable {
        public var code: String
        public var label: String
        public var selected: Bool
    }

    public struct FieldNames: Sendable {
        public var element = FormFields.Revisione.element
        public var text = FormFields.Revisione.text
        public var period = FormFields.Revisione.period
        public var note = FormFields.Revisione.note
    }

    /// - Parameters:
    ///   - path: the element's code (`C30101`, `SG-4`).
    ///   - comments: those of the element, any order (shown newest first).
    ///   - validations: those of the element (period code, author, time, note, score validated, whether it holds for
    ///     the data as they are now).
    ///   - period: the period shown, preselected in the validation form (else the last of the year).
    public static func make(
        plan: CyclePlan, path: String, comments: [(author: String, at: Date, text: String)],
        validations: [(code: String, by: String, at: Date, note: String?, score: String?, holds: Bool)], period: String?,
        canComment: Bool, canValidate: Bool
    ) -> NodeReviews {
        let ente = plan.entity.code, year = plan.cycle.year
        let periods = plan.periods.sorted { $0.sequence < $1.sequence }
        let chosen = period ?? periods.last?.code
        let names = Dictionary(periods.map { ($0.code, "\($0.name) (\($0.code))") }, uniquingKeysWith: { a, _ in a })
        // Newest first; of a period only the newest can hold, the earlier ones are history.
        var newest: Set<String> = []
        let shownValidations = validations.sorted { $0.at > $1.at }
            .map { v in
                let first = newest.insert(v.code).inserted
                return Validation(period: names[v.code] ?? v.code, validatedBy: v.by, at: v.at, note: v.note, score: v.score,
                                  holds: first && v.holds)
            }
        let shownComments = comments.sorted { $0.at > $1.at }.map { Comment(author: $0.author, at: $0.at, text: $0.text) }
        return NodeReviews(
            comments: shownComments, hasComments: !shownComments.isEmpty, validations: shownValidations, hasValidations: !shownValidations.isEmpty,
            canComment: canComment, canValidate: canValidate,
            commentAction: WebRoutes.commenti(ente: ente, anno: year), validateAction: WebRoutes.validazioni(ente: ente, anno: year),
            elementPath: path,
            periods: periods.map { PeriodOption(code: $0.code, label: names[$0.code] ?? $0.code, selected: $0.code == chosen) },
            fields: FieldNames())
    }
}
