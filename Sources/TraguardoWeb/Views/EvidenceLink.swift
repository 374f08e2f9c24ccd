import Foundation
import TraguardoCore

/// A stored evidence file as the pages list it: a download link with the name, the size in Italian
/// (`12,3 kB`), who uploaded it and when (`03/12/2026`, Italian time).
public struct EvidenceLink: Sendable, Hashable {
    public var name: String
    public var href: String
    public var size: String
    public var author: String
    public var date: String
    /// «allegato n. 12».
    public var number: String
    /// The period code (`ANNO`).
    public var period: String

    public init(_ file: EvidenceFile, ente: String, anno: Int) {
        name = file.fileName
        href = WebRoutes.evidenza(ente: ente, anno: anno, id: file.id)
        size = ItalianFormatting.fileSize(file.sizeBytes)
        author = file.uploadedBy
        date = Self.day(file.uploadedAt)
        number = "allegato n. \(file.id)"
        period = file.periodCode
    }

    /// `03/12/2026`, the day in Italy.
    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Rome") ?? TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(two(c.day))/\(two(c.month))/\(c.year ?? 0)"
    }

    /// The links of the files, and the names in the measurement's evidence that are not one of them (names
    /// typed in a plan file or a scheda, or files stored before Traguardo kept them), in order.
    static func split(
        _ files: [EvidenceFile], cited: [String], ente: String, anno: Int
    ) -> (links: [EvidenceLink], others: [String]) {
        let labels = Set(files.map(\.evidenceLabel))
        return (files.map { EvidenceLink($0, ente: ente, anno: anno) }, cited.filter { !labels.contains($0) })
    }
}
