import Foundation

/// `traguardo serve`: the Hummingbird application over the store.
public enum TraguardoServerModule {
    public static let name = "TraguardoServer"
}
