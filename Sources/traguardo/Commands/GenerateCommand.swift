import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoExchange

/// `traguardo generate --national -o DIR`: a synthetic national dataset, for trying the system at scale.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Genera un insieme di dati sintetico nazionale (piani e schede di rilevazione compilate).",
        discussion: """
            --national: per ogni Ente e anno una cartella ENTE-ANNO con il file piano (piano.json) e una scheda CSV \
            compilata per periodo (scheda-PERIODO.csv); i primi 20 indicatori (UC01…UC20) sono comuni a tutti gli Enti. \
            Stesso --seed, stessi file. Si caricano con «traguardo import DIR/*/piano.json» e poi «traguardo import DIR/*/scheda-*.csv».
            """)

    @Flag(name: .long, help: "L'insieme nazionale (oggi l'unico previsto).")
    var national = false
    @Option(name: .long, help: "Numero di Enti.") var enti = 60
    @Option(name: .long, help: "Numero di anni (dal 2015).") var years = 10
    @Option(name: .long, help: "Indicatori per Ente-anno (un item ciascuno).") var indicators = 1000
    @Option(name: .long, help: "Periodi di monitoraggio: 1, 2 o 4.") var periods = 4
    @Option(name: .long, help: "Seme del generatore casuale.") var seed: UInt64 = 1
    @Option(name: .shortAndLong, help: ArgumentHelp("Cartella dove scrivere i file.", valueName: "cartella")) var output: String

    func validate() throws {
        guard national else { throw ValidationError("indicare --national (l'unico insieme previsto)") }
        guard (1...1000).contains(enti) else { throw ValidationError("--enti fra 1 e 1000") }
        guard (1...50).contains(years) else { throw ValidationError("--years fra 1 e 50") }
        guard (1...2_000_000).contains(indicators) else { throw ValidationError("--indicators fra 1 e 2.000.000") }
        guard [1, 2, 4].contains(periods) else { throw ValidationError("--periods vale 1, 2 o 4") }
    }

    func run() async throws {
        let dataset = NationalDataset(enti: enti, years: years, indicators: indicators, periods: periods, seed: seed)
        let root = URL(fileURLWithPath: output)
        var rows = 0
        for e in 0..<enti {
            for y in 0..<years {
                let plan = dataset.plan(entity: e, year: dataset.firstYear + y)
                let folder = root.appendingPathComponent("\(plan.entity.code)-\(plan.cycle.year)")
                do {
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                } catch {
                    throw CommandFailure(message: "impossibile creare la cartella «\(folder.path)»: \(error.localizedDescription)")
                }
                var bare = plan
                bare.measurements = []
                try OutputWriter.write(try PlanFileWriter.json(bare), to: folder.appendingPathComponent("piano.json").path)
                for period in plan.periods {
                    let sheet: MeasurementSheet
                    do { sheet = try MeasurementSheet.make(plan: plan, periodCode: period.code, office: nil) } catch {
                        throw CommandFailure(message: error.description)
                    }
                    let url = folder.appendingPathComponent("scheda-\(period.code).csv")
                    do { try MeasurementSheetWriter.write(sheet, format: .csv, to: url) } catch {
                        throw CommandFailure(message: "\(url.path): \(error)")
                    }
                    rows += sheet.rows.count
                }
            }
        }
        print("Generati \(enti * years) Enti-anno (\(enti) Enti × \(years) anni), \(indicators) indicatori ciascuno, "
            + "\(rows) righe di rilevazione in «\(output)».")
    }
}
