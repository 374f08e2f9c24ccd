import Foundation
import TraguardoCore

/// What an office typed for one item on the rilevazione form, kept to show the form again as it was
/// when something was wrong: the core's `MeasurementEntry`, which also reads it.
public typealias RilevazioneEntry = MeasurementEntry

/// A field of the rilevazione form an error can be about.
public enum RilevazioneField: String, Sendable, Hashable, CaseIterable {
    case value = "valore"
    case notComputableReason = "motivo_nc"
    case justification = "giustificazione"
    case narrative = "nota"
    case evidence = "evidenza"

    /// The form's field for a field of the core's entry.
    public init(_ field: MeasurementEntry.Field) {
        switch field {
        case .value: self = .value
        case .notComputableReason: self = .notComputableReason
        case .justification: self = .justification
        case .narrative: self = .narrative
        }
    }
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
