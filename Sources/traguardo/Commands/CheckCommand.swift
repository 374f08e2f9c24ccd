import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoStore

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verifica un Ente-anno: somme, qualità del piano (SMART), coerenza fra testi e numeri.",
        discussion: "Ogni rilievo ha un codice, una gravità (errore, avviso, suggerimento), l'elemento, la provenienza e che cosa correggere. Lo stato di uscita è 1 se c'è almeno un errore.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let asJSON = try OutputWriter.textOrJSON(output.format, command: "check")
        let plan = try await database.withStore { store in try await scope.loadPlan(from: store) }
        let findings = PlanChecking.findings(plan, period: scope.period)
        let text: String
        if asJSON {
            text = try OutputWriter.json(findings)
        } else {
            text = PlanChecking.report(findings, plan: plan)
        }
        try OutputWriter.write(text, to: output.output)
        if findings.contains(where: { $0.severity == .error }) {
            throw ExitCode.failure
        }
    }
}

/// The checks of the catalogue, fed with the scores the engine computes, and their Italian report.
enum PlanChecking {
    static func findings(_ plan: CyclePlan, period: String?) -> [Finding] {
        let scores = PlanScorer.score(plan, period: period)
        var computed: [String: Decimal] = [:]
        for group in [scores.nodes, scores.indicators, scores.objectives, scores.items] {
            for (id, element) in group { if let value = element.score.value { computed[id] = value } }
        }
        let frozen = computed
        return CheckCatalogue.run(CheckContext(plan: plan, computedScore: { frozen[$0] }))
    }

    static func report(_ findings: [Finding], plan: CyclePlan) -> String {
        let heading = "Verifiche di \(plan.entity.name), \(plan.cycle.year)"
        guard !findings.isEmpty else { return heading + ": nessun rilievo.\n" }
        var lines = [heading]
        for finding in findings {
            var line = "\(finding.severity.rawValue.uppercased()) \(finding.code) \(finding.elementKind) \(finding.elementCode): \(finding.message)"
            if let source = finding.provenance {
                line += " [\(source.source)\(source.lines.map { ", righe \($0)" } ?? "")]"
            }
            lines.append(line)
        }
        let counts = Severity.allCases.map { severity in
            let n = findings.filter { $0.severity == severity }.count
            return "\(n) \(severity == .error ? (n == 1 ? "errore" : "errori") : severity == .warning ? (n == 1 ? "avviso" : "avvisi") : (n == 1 ? "suggerimento" : "suggerimenti"))"
        }
        lines.append("In tutto: " + counts.joined(separator: ", ") + ".")
        return lines.joined(separator: "\n") + "\n"
    }
}
