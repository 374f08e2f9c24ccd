import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoDocuments
import TraguardoExchange

/// `traguardo report opendata`: the plan and its results as open data, one JSON file or a folder of CSV.
enum OpenDataReport {
    static let name = "opendata"

    enum Format: String, CaseIterable { case json, csv }

    static func check(format: String?) throws -> Format {
        let name = (format ?? Format.json.rawValue).lowercased()
        guard let found = Format(rawValue: name) else {
            throw ValidationError("formato «\(name)» non previsto per «opendata»: formati disponibili «json», «csv»")
        }
        return found
    }

    static func write(plan: CyclePlan, period: String?, format: Format, to path: String?) throws {
        let set = OpenDataSet.build(plan: plan, scores: PlanScorer.score(plan, period: period), generatedAt: Date())
        switch format {
        case .json:
            try OutputWriter.write(OpenDataJSON.text(set), to: path)
        case .csv:
            guard let path, path != "-" else {
                throw CommandFailure(message: "indicare la cartella con -o CARTELLA (per esempio -o dati-aperti-\(plan.cycle.year)): "
                    + "i dati aperti in CSV sono un file per tabella e datapackage.json")
            }
            let files: [URL]
            do { files = try OpenDataFolder.write(set, to: URL(fileURLWithPath: path)) } catch {
                throw CommandFailure(message: error.description)
            }
            FileHandle.standardError.write(Data(
                "Scritti i dati aperti di \(plan.entity.code) \(plan.cycle.year) in «\(path)»: \(files.map(\.lastPathComponent).joined(separator: ", ")).\n".utf8))
        }
    }
}
