import Testing
import TraguardoStore

/// Runs `body`, which must fail with a `StoreError`, and returns that error (recording an issue otherwise).
public func storeError(
    _ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation
) async -> StoreError? {
    do {
        try await body()
        Issue.record("atteso un errore, l'operazione è invece riuscita", sourceLocation: sourceLocation)
        return nil
    } catch let error as StoreError {
        return error
    } catch {
        Issue.record("atteso uno StoreError, ricevuto \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
