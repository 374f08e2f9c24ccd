import Foundation

/// The web pages of Traguardo (cruscotto, albero, rilevazione, …): Mustache templates and their view models.
public enum TraguardoWebModule {
    public static let name = "TraguardoWeb"
}
