import Foundation
import TraguardoCore

/// How a chart shows a traffic light: a fill readable on white and the Italian word that always goes with it.
public enum TrafficLightStyle {
    /// The bar's fill: green, amber, red; grey when there is no light (N.C. or no bands in the methodology).
    public static func fill(_ light: TrafficLight?) -> String {
        switch light {
        case .green?: "#2e7d32"
        case .yellow?: "#b7860b"
        case .red?: "#c62828"
        case nil: "#8a8f94"
        }
    }

    /// `verde`, `giallo`, `rosso`; nil without a light.
    public static func label(_ light: TrafficLight?) -> String? {
        switch light {
        case .green?: "verde"
        case .yellow?: "giallo"
        case .red?: "rosso"
        case nil: nil
        }
    }
}
