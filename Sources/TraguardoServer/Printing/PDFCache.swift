import Foundation

/// The printed PDFs kept in memory, by what they were printed from (`PDFCache.Key`), up to `capacity` bytes;
/// the least recently used is dropped first. A change of the data changes the key, so a PDF is never served
/// for data other than its own; the old one just ages out.
actor PDFCache {
    /// Document kind, Ente, year, period, the data's fingerprint (`DocumentSnapshot.fingerprint`), and the
    /// SHA-256 of the HTML that is printed (which also covers the last change and, for a consolidated
    /// document, the component Entes' data).
    struct Key: Hashable, Sendable {
        var kind: String
        var entityCode: String
        var year: Int
        var period: String?
        var fingerprint: String
        var contentDigest: String
    }

    let capacity: Int
    private var entries: [Key: (data: Data, used: Int)] = [:]
    private var bytes = 0
    private var clock = 0

    init(capacity: Int) { self.capacity = capacity }

    func data(_ key: Key) -> Data? {
        guard let entry = entries[key] else { return nil }
        clock += 1
        entries[key]?.used = clock
        return entry.data
    }

    func store(_ data: Data, for key: Key) {
        guard data.count <= capacity else { return }
        clock += 1
        if let old = entries[key] { bytes -= old.data.count }
        entries[key] = (data, clock)
        bytes += data.count
        while bytes > capacity, let oldest = entries.min(by: { $0.value.used < $1.value.used }) {
            entries[oldest.key] = nil
            bytes -= oldest.value.data.count
        }
    }
}
