import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoStore

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Mostra che cosa c'è nel database: Enti, anni e quanti elementi per anno.")

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: ArgumentHelp("Solo questo Ente.", valueName: "codice"))
    var entity: String?

    func run() async throws {
        try await database.withStore { store in
            let version = try await store.schemaVersion()
            let kind = store.flavor == .sqlite ? "SQLite" : "PostgreSQL"
            print("Database: \(store.location) (\(kind), schema versione \(version))")
            var entities = try await store.entities()
            if let entity { entities = entities.filter { $0.code == entity } }
            if entities.isEmpty {
                print(entity.map { "Nessun Ente «\($0)» nel database." }
                    ?? "Il database è vuoto: caricare un piano con «traguardo import CARTELLA» (esempi in Examples/).")
                return
            }
            let counts = try await store.recordCounts()
            let cycles = try await store.cycles()
            for entity in entities {
                let merged = entity.mergedFrom.isEmpty ? "" : " (accorpamento di \(entity.mergedFrom.joined(separator: ", ")))"
                print("\n\(entity.code) — \(entity.name)\(merged)")
                let own = cycles.filter { $0.entityCode == entity.code }
                if own.isEmpty { print("  nessun anno caricato") }
                for cycle in own {
                    let scope = CycleScope(entityCode: cycle.entityCode, year: cycle.year)
                    let table = counts[scope] ?? [:]
                    let methodology = try await store.methodologyVersions(in: scope).last
                    print("  \(cycle.year): " + StatusSummary.line(table, methodologyVersion: methodology?.version))
                }
            }
        }
    }
}

/// The one-line Italian summary of an Ente-year's contents.
enum StatusSummary {
    static let shown: [(table: String, singular: String, plural: String)] = [
        ("plan_nodes", "nodo", "nodi"), ("objectives", "obiettivo", "obiettivi"),
        ("indicators", "indicatore", "indicatori"), ("measured_items", "item", "item"),
        ("measurements", "rilevazione", "rilevazioni"), ("resources", "risorsa", "risorse"),
        ("account_lines", "riga di conto", "righe di conto"), ("service_standards", "standard di servizio", "standard di servizio"),
        ("procedures", "procedimento", "procedimenti"), ("acts", "atto", "atti"),
    ]

    static func line(_ counts: [String: Int], methodologyVersion: Int?) -> String {
        var parts = shown.compactMap { entry -> String? in
            guard let n = counts[entry.table], n > 0 else { return nil }
            return "\(ItalianFormatting.number(Decimal(n))) \(n == 1 ? entry.singular : entry.plural)"
        }
        if parts.isEmpty { parts = ["vuoto"] }
        parts.append(methodologyVersion.map { "metodologia v\($0)" } ?? "nessuna metodologia")
        return parts.joined(separator: ", ")
    }
}
