import Foundation

/// What an office typed for one item on the rilevazione form, kept to show the form again as it was
/// when something was wrong.
public struct RilevazioneEntry: Sendable, Hashable {
    public var value: String
    public var notComputable: Bool
    public var notComputableReason: String
    public var justifiedDeviation: Bool
    public var justification: String
    public var narrative: String

    public init(
        value: String = "", notComputable: Bool = false, notComputableReason: String = "",
        justifiedDeviation: Bool = false, justification: String = "", narrative: String = ""
    ) {
        self.value = value
        self.notComputable = notComputable
        self.notComputableReason = notComputableReason
        self.justifiedDeviation = justifiedDeviation
        self.justification = justification
        self.narrative = narrative
    }

    /// Nothing typed at all.
    public var isEmpty: Bool {
        value.trimmed.isEmpty && !notComputable && notComputableReason.trimmed.isEmpty && !justifiedDeviation
            && justification.trimmed.isEmpty && narrative.trimmed.isEmpty
    }
}

/// A field of the rilevazione form an error can be about.
public enum RilevazioneField: String, Sendable, Hashable, CaseIterable {
    case value = "valore"
    case notComputableReason = "motivo_nc"
    case justification = "giustificazione"
    case narrative = "nota"
    case evidence = "evidenza"
}

/// An error about one field of one item, in Italian: shown beside the field (`aria-describedby`) and in
/// the summary at the top of the form.
public struct RilevazioneError: Sendable, Hashable {
    public var itemID: String
    public var field: RilevazioneField
    public var message: String

    public init(itemID: String, field: RilevazioneField, message: String) {
        self.itemID = itemID
        self.field = field
        self.message = message
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
