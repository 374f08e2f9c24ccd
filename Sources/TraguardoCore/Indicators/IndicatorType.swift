import Foundation

/// The *tipologia* of an indicator (D.Lgs. 150/2009 and Unioncamere practice).
public enum IndicatorType: String, Sendable, Codable, CaseIterable {
    case efficacia
    case efficienza
    case economicita = "economicita"
    case qualita = "qualita"
    case volume
    case impatto
    case saluteEconomica = "salute-economica"
    case realizzazione
    case contesto

    public var label: String {
        switch self {
        case .efficacia: "Efficacia"
        case .efficienza: "Efficienza"
        case .economicita: "Economicità"
        case .qualita: "Qualità"
        case .volume: "Volume"
        case .impatto: "Impatto"
        case .saluteEconomica: "Salute economica"
        case .realizzazione: "Realizzazione"
        case .contesto: "Contesto"
        }
    }
}

/// How often an indicator is measured.
public enum MeasurementFrequency: String, Sendable, Codable, CaseIterable {
    case quarterly = "trimestrale"
    case halfYearly = "semestrale"
    case yearly = "annuale"
    case once = "una-tantum"
}
