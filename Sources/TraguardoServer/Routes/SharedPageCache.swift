import TraguardoWeb

/// The pages that many users read (cruscotto, albero) as `SharedPage`s, in the buffers they are sent in
/// (`SharedPageBody`), rendered once per change of the data they show and kept under what decides their content:
/// the page, the Ente-year with the markers of its Ente's years, the period, and the chrome without the user's name
/// and CSRF token (`WebRenderer.sharedKey`).
/// Each request then only fills in its user. At most `capacity` pages and `byteLimit` bytes, the least
/// recently used dropped first.
actor SharedPageCache {
    struct Key: Hashable, Sendable {
        var page: String
        var cycle: CycleOfEnte
        var period: String?
        var chrome: PageChrome
    }

    let capacity: Int
    let byteLimit: Int
    private var entries: [Key: (page: SharedPageBody, used: Int)] = [:]
    private var bytes = 0
    private var clock = 0

    init(capacity: Int = 32, byteLimit: Int = 32 << 20) {
        self.capacity = capacity
        self.byteLimit = byteLimit
    }

    /// The page under `key`, rendered by `render` (outside the actor) when it is not kept.
    nonisolated func page(_ key: Key, render: () async throws -> SharedPage) async throws -> SharedPageBody {
        if let known = await kept(key) { return known }
        let page = SharedPageBody(try await render())
        await keep(page, under: key)
        return page
    }

    private func kept(_ key: Key) -> SharedPageBody? {
        clock += 1
        guard let entry = entries[key] else { return nil }
        entries[key]?.used = clock
        return entry.page
    }

    private func keep(_ page: SharedPageBody, under key: Key) {
        guard page.size <= byteLimit else { return }
        clock += 1
        if let old = entries[key] { bytes -= old.page.size }
        // The same page of older data is never asked again (the markers only grow): it goes at once.
        for other in entries.keys where other.page == key.page && other.cycle.scope == key.cycle.scope && other.cycle != key.cycle {
            bytes -= entries[other]?.page.size ?? 0
            entries[other] = nil
        }
        entries[key] = (page, clock)
        bytes += page.size
        while entries.count > capacity || bytes > byteLimit, let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key {
            bytes -= entries[oldest]?.page.size ?? 0
            entries[oldest] = nil
        }
    }

    /// How many pages are kept (for the tests).
    var count: Int { entries.count }
}
