import TraguardoCore
import TraguardoStore

/// An Ente-year asked by a page, and where the data of each year of its Ente stand: together they decide what
/// the page shows, before the plan is read.
struct CycleOfEnte: Hashable, Sendable {
    var scope: CycleScope
    /// Year → marker, for every year of the Ente with data.
    var markers: [Int: ChangeMarker]

    /// The marker of the year asked (no change yet: none).
    var marker: ChangeMarker { markers[scope.year] ?? ChangeMarker(lastChange: nil, changes: 0) }
}
