import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoExchange
import TraguardoStore

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verifica un Ente-anno o dei file piano: somme, qualità del piano (SMART), coerenza fra testi e numeri.",
        discussion: """
            Ogni rilievo ha un codice, una gravità (errore, avviso, suggerimento), l'elemento, la provenienza e che cosa \
            correggere. Lo stato di uscita è 1 se c'è almeno un errore non riconosciuto.
            Con FILE… verifica i file piano senza database. Con --acknowledge "CODICE TIPO ELEMENTO" --reason "…" un \
            rilievo del database è riconosciuto: non si ripete (--all lo mostra) finché non cambia; --unacknowledge lo riapre.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("File piano o cartelle da verificare (invece dell'Ente-anno del database).", valueName: "file"))
    var files: [String] = []

    @Option(name: .long, help: ArgumentHelp("Riconosce un rilievo, come lo stampa il rapporto: «RISORSE-SOMMA nodo 2C».", valueName: "rilievo"))
    var acknowledge: String?

    @Option(name: .long, help: ArgumentHelp("Il motivo del riconoscimento (obbligatorio con --acknowledge).", valueName: "testo"))
    var reason: String?

    @Option(name: .long, help: ArgumentHelp("Riapre un rilievo riconosciuto.", valueName: "rilievo"))
    var unacknowledge: String?

    @Flag(name: .long, help: "Mostra anche i rilievi riconosciuti.")
    var all = false

    func validate() throws {
        if acknowledge != nil && (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--acknowledge vuole il motivo: --reason \"…\"")
        }
        if !files.isEmpty && (acknowledge != nil || unacknowledge != nil) {
            throw ValidationError("i riconoscimenti si registrano nel database: usare --entity e --year, non dei file")
        }
    }

    func run() async throws {
        let asJSON = try OutputWriter.textOrJSON(output.format, command: "check")
        var reports: [(plan: CyclePlan, result: AcknowledgedFindings)] = []
        if files.isEmpty {
            reports = [try await database.withStore { store in
                let plan = try await scope.loadPlan(from: store)
                let cycle = CycleScope(entityCode: plan.entity.code, year: plan.cycle.year)
                let findings = CheckCatalogue.findings(
                    in: plan, period: scope.period, otherYears: try await store.otherYears(of: plan),
                    components: try await store.componentPlans(of: plan))
                if let text = acknowledge {
                    let key = try Self.key(text, among: findings)
                    try await store.acknowledge(Acknowledgement(findingKey: key, reason: reason!, acknowledgedBy: CommandLineActor.name),
                                                in: cycle, actor: CommandLineActor.name)
                    FileHandle.standardError.write(Data("Rilievo «\(text)» riconosciuto: non sarà più ripetuto.\n".utf8))
                }
                if let text = unacknowledge {
                    guard let key = Acknowledgement.key(from: text) else { throw Self.badKey(text) }
                    guard try await store.acknowledgements(in: cycle).contains(where: { $0.findingKey == key }) else {
                        throw CommandFailure(message: "il rilievo «\(text)» non è fra quelli riconosciuti di \(cycle)")
                    }
                    try await store.removeAcknowledgement(key, in: cycle, actor: CommandLineActor.name)
                    FileHandle.standardError.write(Data("Rilievo «\(text)» riaperto.\n".utf8))
                }
                return (plan, AcknowledgedFindings(findings, acknowledgements: try await store.acknowledgements(in: cycle)))
            }]
        } else {
            let plans: [CyclePlan]
            do { plans = try PlanFileReader.read(paths: files) } catch { throw CommandFailure(message: error.description) }
            reports = plans.map { plan in
                let findings = CheckCatalogue.findings(in: plan, period: scope.period, otherYears: plans, components: plans)
                return (plan, AcknowledgedFindings(findings, acknowledgements: []))
            }
        }
        let text = asJSON
            ? try OutputWriter.json(reports.map { CheckReport(plan: $0.plan, result: $0.result) })
            : reports.map { PlanChecking.report($0.result, plan: $0.plan, all: all) }.joined(separator: "\n")
        try OutputWriter.write(text, to: output.output)
        if reports.contains(where: { $0.result.open.contains { $0.severity == .error } }) {
            throw ExitCode.failure
        }
    }

    static func badKey(_ text: String) -> CommandFailure {
        CommandFailure(message: "rilievo «\(text)» non leggibile: atteso «CODICE TIPO ELEMENTO» come lo stampa il rapporto, per esempio «RISORSE-SOMMA nodo 2C»")
    }

    /// The key of a finding that is there now: one cannot acknowledge what the checks do not find.
    static func key(_ text: String, among findings: [Finding]) throws -> String {
        guard let key = Acknowledgement.key(from: text) else { throw badKey(text) }
        guard findings.contains(where: { $0.key == key }) else {
            let code = key.split(separator: "|").first.map(String.init) ?? ""
            let near = findings.filter { $0.code == code }.prefix(5).map { "\($0.code) \($0.elementKind) \($0.elementCode)" }
            throw CommandFailure(message: "nessun rilievo «\(text)» nelle verifiche di oggi"
                + (near.isEmpty ? "" : "; rilievi con quel codice: \(near.joined(separator: ", "))"))
        }
        return key
    }
}

/// What `check --format json` writes for an Ente-year.
struct CheckReport: Encodable {
    struct Acknowledged: Encodable {
        var rilievo: Finding
        var motivo: String
        var riconosciutoDa: String
        var riconosciutoIl: Date?
    }

    var ente: String
    var anno: Int
    var aperti: [Finding]
    var riconosciuti: [Acknowledged]

    init(plan: CyclePlan, result: AcknowledgedFindings) {
        ente = plan.entity.code
        anno = plan.cycle.year
        aperti = result.open
        riconosciuti = result.acknowledged.map {
            Acknowledged(rilievo: $0.finding, motivo: $0.acknowledgement.reason, riconosciutoDa: $0.acknowledgement.acknowledgedBy,
                         riconosciutoIl: $0.acknowledgement.acknowledgedAt)
        }
    }
}

/// The Italian report of the checks.
enum PlanChecking {
    static func report(_ result: AcknowledgedFindings, plan: CyclePlan, all: Bool = false) -> String {
        let findings = result.open
        let heading = "Verifiche di \(plan.entity.name), \(plan.cycle.year)"
        var lines = [heading + (findings.isEmpty ? ": nessun rilievo aperto." : "")]
        for finding in findings { lines.append(line(finding)) }
        if !findings.isEmpty {
            let counts = Severity.allCases.map { severity in
                let n = findings.filter { $0.severity == severity }.count
                return "\(n) \(severity == .error ? (n == 1 ? "errore" : "errori") : severity == .warning ? (n == 1 ? "avviso" : "avvisi") : (n == 1 ? "suggerimento" : "suggerimenti"))"
            }
            lines.append("In tutto: " + counts.joined(separator: ", ") + ".")
        }
        if !result.acknowledged.isEmpty {
            if all {
                lines.append("Riconosciuti (\(result.acknowledged.count)):")
                for (finding, ack) in result.acknowledged {
                    lines.append("  " + line(finding) + " — riconosciuto da \(ack.acknowledgedBy): «\(ack.reason)»")
                }
            } else {
                lines.append("\(result.acknowledged.count) rilievi riconosciuti non sono ripetuti (--all per vederli).")
            }
        }
        for ack in result.stale {
            lines.append("Il rilievo riconosciuto «\(ack.findingKey.replacingOccurrences(of: "|", with: " "))» non si presenta più: è stato corretto?")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func line(_ finding: Finding) -> String {
        var line = "\(finding.severity.rawValue.uppercased()) \(finding.code) \(finding.elementKind) \(finding.elementCode): \(finding.message)"
        if let source = finding.provenance {
            line += " [\(source.source)\(source.lines.map { ", righe \($0)" } ?? "")]"
        }
        return line
    }
}
