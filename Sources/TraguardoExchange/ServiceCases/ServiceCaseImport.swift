import Foundation
import TraguardoCore
import TraguardoSpreadsheet

/// The one reading of an import of Carta dei servizi cases, for `traguardo carta import-casi` and the web's
/// Importazione page: every file read by `ServiceCaseFile`, each service's cases in one file only, and every
/// problem of every file collected together, so that the caller writes nothing unless all the files are right.
public enum ServiceCaseImport {
    /// What the files hold, ready for `Store.replaceServiceCases`.
    public struct Read: Sendable {
        public var cases: [ServiceCase]
        /// The services whose cases the import replaces: those of the files, and `service` for a file of one
        /// service that is now empty.
        public var services: Set<String>
        /// The names of the files, for the registro («casi-3.1.1.csv, casi-3.1.2.xlsx»).
        public var source: String

        /// «12 casi di 2 servizi».
        public var summary: String {
            "\(Decimal(cases.count).italian) casi di \(Decimal(Set(cases.map(\.serviceCode)).union(services).count).italian) servizi"
        }
    }

    /// The problems of an import, each a line in Italian naming file, row, column and value.
    public struct Problems: Error, Hashable, Sendable, CustomStringConvertible {
        public var lines: [String]
        public var description: String { lines.joined(separator: "\n") }
    }

    /// The cases of `files` for `plan`'s Carta dei servizi. `service`: the Carta code of every row, for files of one
    /// service without a «servizio» column. One `budget` for all the files (an upload's decompression limit).
    public static func read(
        _ files: [URL], plan: CyclePlan, service: String? = nil, budget: InflationBudget = InflationBudget()
    ) throws(Problems) -> Read {
        guard !plan.serviceStandards.isEmpty else {
            throw Problems(lines: [
                "\(plan.entity.code) \(plan.cycle.year) non ha una Carta dei servizi: importare prima il piano con la carta_dei_servizi"])
        }
        var problems: [String] = []
        var cases: [ServiceCase] = []
        var owner: [String: String] = [:]
        for url in files {
            do {
                let read = try ServiceCaseFile.read(url, plan: plan, service: service, budget: budget)
                for code in Set(read.map(\.serviceCode)).sorted() {
                    if let other = owner[code] {
                        problems.append("\(url.lastPathComponent): i casi del servizio \(code) sono anche in \(other): un servizio, un file")
                    }
                    owner[code] = url.lastPathComponent
                }
                cases += read
            } catch {
                problems.append(error.description)
            }
        }
        guard problems.isEmpty else { throw Problems(lines: problems) }
        return Read(
            cases: cases, services: service.map { Set([$0]) } ?? [],
            source: files.map(\.lastPathComponent).joined(separator: ", "))
    }
}
