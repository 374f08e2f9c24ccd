import Foundation

/// The OIV's sample of a closed period: items drawn from a snapshot (random with a recorded seed, stratified
/// by office), and for each the value and score as frozen, what the OIV found and a working note. It is bound
/// to the snapshot's version and data fingerprint, so a reopened and changed period never carries it over.
public struct OIVSample: Hashable, Sendable, Codable {
    public var periodCode: String
    public var snapshotVersion: Int
    public var dataFingerprint: String
    public var seed: UInt64
    /// The size the OIV asked for (the sample has fewer items only when the population is smaller).
    public var requestedSize: Int
    public var drawnBy: String
    public var drawnAt: Date
    public var entries: [Entry]

    /// What the OIV found on one sampled item.
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        case confirmed = "confermato"
        case remarks = "confermato con rilievi"
        case notConfirmed = "non confermato"
    }

    public struct Entry: Hashable, Sendable, Codable {
        public var itemID: String
        /// `C30101/1/1a`.
        public var path: String
        public var title: String
        /// The office the item belongs to (its code), or `—` when it has none.
        public var office: String
        public var officeName: String
        /// The value as frozen (`Measurement.enteredText`), or nil when none was recorded for the period.
        public var value: String?
        /// The item's score as frozen (`68,49`, `N.C.`).
        public var score: String?
        public var outcome: Outcome?
        public var note: String?
        public var notedBy: String?
        public var notedAt: Date?
    }

    /// Notes are at most this long.
    public static let maximumNoteLength = 4_000

    /// Draws the sample of `snapshot`: `size` items (at most all of them), stratified by office with the seed.
    public static func draw(from snapshot: PeriodSnapshot, size: Int, seed: UInt64, by actor: String, at: Date) -> OIVSample {
        let plan = snapshot.plan
        let units = plan.responsibleUnits()
        let unitsByID = Dictionary(plan.units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let periodIDs = Set(plan.periods.filter { $0.code == snapshot.periodCode }.map(\.id) + [snapshot.periodCode])
        let measurements = Dictionary(
            plan.measurements.filter { periodIDs.contains($0.periodID) }.map { ($0.itemID, $0) }, uniquingKeysWith: { _, b in b })
        let rows = Dictionary(
            snapshot.scores.punteggi.filter { $0.tipo == ScoredKind.item.rawValue }.map { ($0.id, $0) },
            uniquingKeysWith: { a, _ in a })
        let offices = Self.offices(in: plan)
        let population = plan.items.map { SampleCandidate(id: $0.id, stratum: offices[$0.id] ?? noOffice) }
        let drawn = Set(StratifiedDraw.draw(population, size: size, seed: seed))
        let entries = plan.items.filter { drawn.contains($0.id) }.map { item -> Entry in
            let unit = units[item.id].flatMap { unitsByID[$0] }
            let row = rows[item.id]
            return Entry(
                itemID: item.id, path: row?.percorso ?? item.id, title: row?.titolo ?? item.description,
                office: offices[item.id] ?? noOffice, officeName: unit?.name ?? "senza ufficio",
                value: measurements[item.id]?.enteredText, score: row?.mostrato)
        }.sorted { ($0.office, $0.path) < ($1.office, $1.path) }
        return OIVSample(
            periodCode: snapshot.periodCode, snapshotVersion: snapshot.version, dataFingerprint: snapshot.dataFingerprint,
            seed: seed, requestedSize: size, drawnBy: actor, drawnAt: at, entries: entries)
    }

    /// The stratum of the items whose office is not known.
    public static let noOffice = "—"

    /// Item id → the code of the office that enters it (`CyclePlan.responsibleUnits`): the strata of the sample.
    public static func offices(in plan: CyclePlan) -> [String: String] {
        let unitsByID = Dictionary(plan.units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return plan.responsibleUnits().mapValues { unitID in unitsByID[unitID].map { $0.code ?? $0.id } ?? unitID }
    }

    /// How many entries have an outcome.
    public var examinedCount: Int { entries.filter { $0.outcome != nil }.count }
}

/// One element of a population to sample from, with its stratum (the office).
public struct SampleCandidate: Hashable, Sendable {
    public var id: String
    public var stratum: String

    public init(id: String, stratum: String) {
        self.id = id
        self.stratum = stratum
    }
}

/// A stratified random draw that gives the same result for the same population and seed, on every machine.
///
/// Allocation: when the size allows it every stratum gets one element first, then the rest is shared in
/// proportion to what each stratum has left (largest remainders, ties by stratum name). Within a stratum the
/// elements, in id order, are shuffled with a SplitMix64 generator seeded with `seed` (strata in name order).
public enum StratifiedDraw {
    public static func draw(_ population: [SampleCandidate], size: Int, seed: UInt64) -> [String] {
        let strata = Dictionary(grouping: population, by: \.stratum).mapValues { $0.map(\.id).sorted() }
        let names = strata.keys.sorted()
        let total = population.count
        let wanted = max(0, min(size, total))
        guard wanted > 0 else { return [] }
        var counts = Dictionary(uniqueKeysWithValues: names.map { ($0, 0) })
        if wanted >= names.count { for name in names { counts[name] = 1 } }
        let left = wanted - counts.values.reduce(0, +)
        let capacity = names.map { strata[$0]!.count - counts[$0]! }
        let capacityTotal = capacity.reduce(0, +)
        if left > 0, capacityTotal > 0 {
            var shares: [(name: String, whole: Int, remainder: Int)] = []
            for (index, name) in names.enumerated() {
                let exact = left * capacity[index]
                shares.append((name, exact / capacityTotal, exact % capacityTotal))
            }
            for share in shares { counts[share.name]! += share.whole }
            var missing = left - shares.reduce(0) { $0 + $1.whole }
            for share in shares.sorted(by: { ($1.remainder, $0.name) < ($0.remainder, $1.name) }) where missing > 0 {
                counts[share.name]! += 1
                missing -= 1
            }
        }
        var generator = SplitMix64(seed: seed)
        var chosen: [String] = []
        for name in names {
            var ids = strata[name]!
            if ids.count > 1 {
                for index in stride(from: ids.count - 1, to: 0, by: -1) {
                    let other = Int(generator.next() % UInt64(index + 1))
                    ids.swapAt(index, other)
                }
            }
            chosen += ids.prefix(counts[name]!)
        }
        return chosen
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): a small generator with a fixed definition, so a recorded seed draws the
/// same sample on every platform and version (the standard library's generator makes no such promise).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
