import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoStore

/// `traguardo snapshot list|show|diff|close`: the snapshots frozen when a period closes, one version per close.
struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Le istantanee dei periodi chiusi: elenco, contenuto, confronto fra due versioni, chiusura.",
        discussion: """
            Chiudere un periodo (qui con «close», o dalla pagina Amministrazione › Periodi) ne congela \
            un'istantanea: rilevazioni, punteggi di ogni elemento, versione della metodologia, impronta del piano \
            e dei dati. I documenti di un periodo chiuso sono stampati dall'istantanea e non cambiano più; \
            riaprire e richiudere il periodo fa una nuova versione, che «diff» confronta con la precedente.
            """,
        subcommands: [List.self, Show.self, Diff.self, Close.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Elenca le istantanee dell'Ente-anno (di un periodo con --period).")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var scope: ScopeOptions

        func run() async throws {
            let summaries = try await database.withStore { store in
                let plan = try await scope.loadPlan(from: store)
                return try await store.snapshots(in: CycleScope(entityCode: plan.entity.code, year: plan.cycle.year), period: scope.period)
            }
            if summaries.isEmpty {
                print("Nessuna istantanea: nessun periodo è stato chiuso.")
                return
            }
            for summary in summaries {
                print("\(summary.periodCode) \(summary.text); metodologia \(summary.methodologyText); \(summary.planVersionText); piano \(summary.planFingerprint)")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Mostra un'istantanea: i punteggi di ogni elemento come sono stati congelati.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var scope: ScopeOptions
        @Option(name: .long, help: ArgumentHelp("Versione dell'istantanea (predefinita: l'ultima).", valueName: "n"))
        var version: Int?

        func run() async throws {
            let snapshot = try await database.withStore { store in
                try await SnapshotCommand.load(store, scope: scope, version: version)
            }
            print("Istantanea \(snapshot.periodCode) \(snapshot.summary.text)")
            print("Metodologia: \(snapshot.summary.methodologyText); \(snapshot.summary.planVersionText); impronta del piano \(snapshot.planFingerprint)")
            for row in snapshot.scores.punteggi {
                let label = ScoredKind(rawValue: row.tipo)?.label ?? row.tipo
                print(String(repeating: "  ", count: row.livello) + "\(label) \(row.percorso) «\(row.titolo)»: \(row.mostrato)")
            }
        }
    }

    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Confronta due versioni dell'istantanea di un periodo: valori e punteggi cambiati.",
            discussion: "Senza --from e --to confronta le ultime due versioni del periodo.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var scope: ScopeOptions
        @Option(name: .long, help: ArgumentHelp("Versione di partenza.", valueName: "n")) var from: Int?
        @Option(name: .long, help: ArgumentHelp("Versione di arrivo.", valueName: "n")) var to: Int?

        func run() async throws {
            let comparison = try await database.withStore { store in
                try await SnapshotCommand.comparison(in: store, scope: scope, from: from, to: to)
            }
            print(comparison.text)
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close", abstract: "Chiude il periodo --period e ne congela l'istantanea (come il pulsante «chiudi»).")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var scope: ScopeOptions

        func run() async throws {
            let snapshot = try await database.withStore { store in
                let plan = try await scope.loadPlan(from: store)
                guard let period = scope.period else { throw CommandFailure(message: "manca --period: il periodo da chiudere") }
                return try await store.closePeriod(
                    period, in: CycleScope(entityCode: plan.entity.code, year: plan.cycle.year), actor: CommandLineActor.name)
            }
            print("Periodo \(snapshot.periodCode) chiuso; istantanea \(snapshot.summary.text).")
        }
    }

    /// Versions `from` and `to` of the snapshots of `--period` compared (without them the last two):
    /// `traguardo snapshot diff` and `traguardo diff --snapshot`.
    static func comparison(in store: Store, scope: ScopeOptions, from: Int?, to: Int?) async throws -> SnapshotComparison {
        let plan = try await scope.loadPlan(from: store)
        let cycle = CycleScope(entityCode: plan.entity.code, year: plan.cycle.year)
        guard let period = scope.period else { throw CommandFailure(message: "manca --period: il periodo delle istantanee da confrontare") }
        let versions = try await store.snapshots(in: cycle, period: period).map(\.version)
        let newer = to ?? versions.last
        let older = from ?? versions.filter { $0 < (newer ?? 0) }.last
        guard let older, let newer else {
            throw CommandFailure(message: "il periodo \(period) ha \(versions.count) istantanee: ne servono due (riaprirlo e richiuderlo)")
        }
        let old = try await load(store, scope: scope, version: older)
        let new = try await load(store, scope: scope, version: newer)
        return SnapshotComparison(old, new)
    }

    /// The snapshot of `--period` (version `version`, else the latest), or an Italian error saying what exists.
    static func load(_ store: Store, scope: ScopeOptions, version: Int?) async throws -> PeriodSnapshot {
        let plan = try await scope.loadPlan(from: store)
        let cycle = CycleScope(entityCode: plan.entity.code, year: plan.cycle.year)
        guard let period = scope.period else { throw CommandFailure(message: "manca --period: il periodo dell'istantanea") }
        guard let snapshot = try await store.snapshot(cycle, period: period, version: version) else {
            let versions = try await store.snapshots(in: cycle, period: period).map { String($0.version) }
            let known = versions.isEmpty ? "il periodo non è mai stato chiuso" : "versioni: \(versions.joined(separator: ", "))"
            throw CommandFailure(message: "nessuna istantanea \(period)\(version.map { " versione \($0)" } ?? "") in \(cycle) (\(known))")
        }
        return snapshot
    }
}
