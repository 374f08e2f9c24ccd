import SQLKit

extension Store {
    /// The store's own connection, for the test support that has to damage or inspect the database directly
    /// (`TestDatabase.raw`, `TestDatabase.dump`); application code never uses it.
    @_spi(Testing)
    public func withRawConnection<T: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await backend.withConnection(body)
    }
}
