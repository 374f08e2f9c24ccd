import TraguardoCore
import TraguardoStore

/// The Enti's names and every Ente-year, as the header's chooser of every page draws them (`PlaceMiddleware`):
/// read from the store again only when an Ente or a cycle changed (`Store.placeMarkers`, on this instance or on
/// another one sharing the database), so that a page does not decode every Ente and cycle of the national system
/// on each request.
actor PlaceDirectory {
    struct Listing: Sendable {
        /// Ente code → the name the chooser shows.
        var names: [String: String]
        var scopes: [CycleScope]
    }

    private var current: (marker: ChangeMarker, listing: Listing)?

    /// The listing as the store has it under `marker` (just read by the caller): the kept one when the marker is
    /// the same, else read again, outside the actor. The rows are read after the marker, so a change in between
    /// is kept under the older marker and read again at the next request.
    nonisolated func listing(under marker: ChangeMarker, store: Store) async throws -> Listing {
        if let known = await kept(under: marker) { return known }
        let names = Dictionary(try await store.entities().map { ($0.code, $0.shortName ?? $0.name) }, uniquingKeysWith: { a, _ in a })
        let scopes = try await store.cycles().map { CycleScope(entityCode: $0.entityCode, year: $0.year) }
        let listing = Listing(names: names, scopes: scopes)
        await keep(listing, under: marker)
        return listing
    }

    private func kept(under marker: ChangeMarker) -> Listing? {
        guard let current, current.marker == marker else { return nil }
        return current.listing
    }

    private func keep(_ listing: Listing, under marker: ChangeMarker) {
        current = (marker, listing)
    }
}
