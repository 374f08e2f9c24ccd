import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoExchange
import TraguardoStore

struct ScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Calcola i punteggi di un Ente-anno: Ente, albero, obiettivi, dirigenti, Carta dei servizi, procedimenti.",
        discussion: """
            --format tabella (o testo, table) stampa l'albero con i numeri in formato italiano; --format json scrive ogni \
            punteggio con codice, titolo, valore come stringa decimale, motivo degli N.C. e formula.
            --what-if ITEM=VALORE (ripetibile) calcola con valori ipotetici senza registrarli, per esempio \
            --what-if C30101/1/1a=95 --what-if SG-4/2b/1=N.C.; per una riga della Carta dei servizi il suo codice: \
            --what-if 3.1.2=4 gg, --what-if 3.3.5.a=56/78 (casi entro lo standard su casi); per un procedimento \
            monitorato il suo numero: --what-if 3=95 (o --what-if "procedimento 3=95%"); mostra che cosa cambia.
            --carta-da-casi calcola la Carta dei servizi dai casi registrati con traguardo carta import-casi (giorni \
            lavorativi del calendario dell'Ente), non dai risultati digitati; non si registra con --save.
            --save registra i punteggi calcolati con la versione della metodologia (i documenti li ricalcolano sempre).
            --methodology PRESET|VERSIONE|FILE calcola con un'altra metodologia (un preset come lucca-2013, una versione \
            registrata dell'Ente-anno come v2, o un file con «metodologia:»), senza registrare nulla; con --compare \
            confronta elemento per elemento con la metodologia dell'Ente-anno: che cosa cambia, le formule, le regole \
            diverse e la distribuzione dei dirigenti per fascia di punteggio.
            Per la spiegazione di un numero: traguardo explain.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var carta: CartaSourceOptions

    @Option(name: .customLong("what-if"), help: ArgumentHelp("Valore ipotetico di un item, non registrato (ripetibile).", valueName: "item=valore"))
    var whatIf: [String] = []

    @Flag(name: .long, help: "Mostra anche indicatori, item, righe della Carta e procedimenti.")
    var all = false

    @Flag(name: .long, help: "Registra i punteggi calcolati, con la versione della metodologia.")
    var save = false

    @Option(name: .long, help: ArgumentHelp("Calcola con un'altra metodologia: preset (lucca-2013), versione registrata (v2) o file.", valueName: "preset|versione|file"))
    var methodology: String?

    @Flag(name: .long, help: "Con --methodology: confronta con la metodologia dell'Ente-anno, elemento per elemento.")
    var compare = false

    func validate() throws {
        if save && !whatIf.isEmpty {
            throw ValidationError("--save e --what-if non vanno insieme: le ipotesi non si registrano")
        }
        if save && methodology != nil {
            throw ValidationError("--save e --methodology non vanno insieme: si registrano solo i punteggi della metodologia dell'Ente-anno")
        }
        if save && carta.fromCases {
            throw ValidationError("--save e --carta-da-casi non vanno insieme: si registrano solo i punteggi dei risultati della Carta registrati")
        }
        if compare && methodology == nil {
            throw ValidationError("--compare vuole la metodologia con cui confrontare: --methodology lucca-2013 (o v2, o un file)")
        }
    }

    /// The methodology `--methodology` names, for this Ente-year.
    private func chosenMethodology(_ text: String, plan: CyclePlan, store: Store) async throws -> MethodologyVersion {
        let scope = CycleScope(entityCode: plan.entity.code, year: plan.cycle.year)
        let choice = MethodologyChoice.parse(text)
        if case .file(let path) = choice {
            guard FileManager.default.fileExists(atPath: path) else {
                throw CommandFailure(message: MethodologyChoice.unknown(text, stored: try await store.methodologyVersions(in: scope)))
            }
            do { return try MethodologyFileReader.read(path: path, entityCode: scope.entityCode, year: scope.year) } catch {
                throw CommandFailure(message: error.description)
            }
        }
        let stored = try await store.methodologyVersions(in: scope)
        guard let version = choice.version(entityCode: scope.entityCode, year: scope.year, stored: stored) else {
            throw CommandFailure(message: MethodologyChoice.unknown(text, stored: stored))
        }
        return version
    }

    func run() async throws {
        let asJSON = try OutputWriter.textOrJSON(output.format, command: "score", tableNames: true)
        try await database.withStore { store in
            let (plan, note) = try await carta.plan(try await scope.loadPlan(from: store), period: scope.period, store: store)
            if let note { FileHandle.standardError.write(Data((note + "\n").utf8)) }
            let chosen = try await methodology.asyncMap { try await chosenMethodology($0, plan: plan, store: store) }
            if !whatIf.isEmpty {
                try write(whatIf: plan, asJSON: asJSON, methodology: chosen)
                return
            }
            if compare, let chosen {
                let comparison = MethodologyComparison(plan, period: scope.period, current: plan.methodology, proposed: chosen)
                let report = MethodologyComparisonReport(plan: plan, comparison: comparison)
                try OutputWriter.write(asJSON ? try OutputWriter.json(report) : report.text(), to: output.output)
                return
            }
            let scores = PlanScorer.score(plan, period: scope.period, methodology: chosen)
            let listing = ScoreListing(plan: plan, scores: scores)
            try OutputWriter.write(
                asJSON ? listing.prettyJSON : ScoreReport(plan: plan, scores: scores, all: all).text(),
                to: output.output)
            if save {
                let count = try await store.saveScores(listing, actor: CommandLineActor.name)
                let version = listing.metodologia.versione.map { " v\($0)" } ?? " (predefinita)"
                FileHandle.standardError.write(Data(
                    "Registrati \(count) punteggi di \(plan.entity.code) \(plan.cycle.year), periodo \(listing.periodo ?? "-"), metodologia «\(listing.metodologia.nome)»\(version).\n".utf8))
            }
        }
    }

    private func write(whatIf plan: CyclePlan, asJSON: Bool, methodology: MethodologyVersion?) throws {
        var hypotheses: [Hypothesis] = []
        var problems: [String] = []
        for text in whatIf {
            do { hypotheses.append(try Hypothesis.parse(text, year: plan.cycle.year)) } catch { problems += error.problems }
        }
        if !problems.isEmpty { throw CommandFailure(message: problems.joined(separator: "\n")) }
        let result: WhatIfResult
        do { result = try WhatIf.score(plan, period: scope.period, hypotheses: hypotheses, methodology: methodology) } catch {
            throw CommandFailure(message: error.description)
        }
        let listing = ScoreListing(plan: plan, scores: result.scores)
        let report = WhatIfReport(hypotheses: hypotheses, changes: result.changes, listing: listing)
        let table = ScoreReport(plan: plan, scores: result.scores, all: all)
        try OutputWriter.write(asJSON ? try OutputWriter.json(report) : report.text(table), to: output.output)
    }
}

/// The Italian table `traguardo score` prints: the Ente, the tree indented, objectives, managers, totals
/// (with `--all` also indicators, items, Carta dei servizi rows and procedures).
struct ScoreReport {
    let plan: CyclePlan
    let scores: PlanScores
    let all: Bool

    static let summaryKinds: Set<ScoredKind> = [.entity, .node, .objective, .manager, .serviceCharter, .procedureTotal]

    func text() -> String {
        var lines: [String] = []
        let period = scores.periodCode.map { ", periodo \($0)" } ?? ""
        let name = scores.methodology.name
        let methodology = scores.methodology.version.map { "metodologia «\(name)» v\($0)" }
            ?? "metodologia «\(name)» (predefinita: l'Ente-anno non ne ha una)"
        lines.append("\(plan.entity.name) — \(plan.cycle.year)\(period); \(methodology)")
        var section: String? = nil
        for listed in scores.listed(in: plan) where all || Self.summaryKinds.contains(listed.element.subject.kind) {
            let subject = listed.element.subject
            // Indicators and items belong to the section of the node or objective above them.
            let heading = listed.depth == 0 ? Self.heading(subject.kind) : section
            if let heading, heading != section {
                lines.append("\n" + heading)
            }
            section = heading
            let indent = String(repeating: "  ", count: listed.depth + (heading == nil ? 0 : 1))
            let label: String = switch subject.kind {
            case .entity: "Ente"
            case .manager, .serviceCharter, .procedureTotal: subject.title
            default: "\(subject.code) \(subject.title)".trimmingCharacters(in: .whitespaces)
            }
            lines.append(Self.line(indent + label, listed.element.score))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func heading(_ kind: ScoredKind) -> String? {
        switch kind {
        case .node, .indicator, .item: "Albero della performance"
        case .objective: "Obiettivi"
        case .manager: "Dirigenti"
        case .serviceCharter, .serviceRow: "Carta dei servizi"
        case .procedureTotal, .procedure: "Procedimenti monitorati"
        default: nil
        }
    }

    /// `  2C Titolo …                  97,51 (verde), punti 30 *` — the star marks overrides and justified deviations.
    static func line(_ label: String, _ score: Score) -> String {
        let clipped = label.count > 70 ? String(label.prefix(69)) + "…" : label
        var value = score.shown
        if let light = score.trafficLight { value += " (\(light.rawValue))" }
        if let points = score.points { value += ", punti \(ItalianFormatting.number(points))" }
        let flagged = score.isOverridden || score.isJustifiedDeviation
        return clipped.padding(toLength: max(clipped.count, 72), withPad: " ", startingAt: 0) + " " + value + (flagged ? " *" : "")
    }
}

/// What `traguardo score --what-if` prints: the hypotheses, what changes (before → after), the new table.
struct WhatIfReport: Encodable {
    struct Change: Encodable {
        var tipo: String
        var percorso: String
        var titolo: String
        var prima: String
        var dopo: String
    }

    var ipotesi: [String]
    var cambiamenti: [Change]
    var punteggi: ScoreListing

    init(hypotheses: [Hypothesis], changes: [ScoreChange], listing: ScoreListing) {
        ipotesi = hypotheses.map { "\($0.itemPath)=\($0.text)" }
        cambiamenti = changes.map {
            Change(tipo: $0.subject.kind.rawValue, percorso: $0.subject.path, titolo: $0.subject.title,
                   prima: $0.before.shown, dopo: $0.after.shown)
        }
        punteggi = listing
    }

    /// The changes, then the new table.
    func text(_ table: ScoreReport) -> String {
        var lines = ["Simulazione (nulla è registrato). Ipotesi: " + ipotesi.joined(separator: "; ")]
        if cambiamenti.isEmpty {
            lines.append("Nessun punteggio cambia.")
        } else {
            lines.append("Cambiano \(cambiamenti.count) punteggi:")
            for change in cambiamenti {
                let kind = ScoredKind(rawValue: change.tipo)?.label ?? change.tipo
                let name = change.tipo == ScoredKind.entity.rawValue ? kind : "\(kind) \(change.percorso)"
                lines.append("  \(name): \(change.prima) → \(change.dopo)")
            }
        }
        return lines.joined(separator: "\n") + "\n\n" + table.text()
    }
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
