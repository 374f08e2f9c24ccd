import ArgumentParser
import TraguardoCore
import TraguardoStore

struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Spiega come è stato ottenuto un numero, fino agli item e alle rilevazioni.",
        discussion: """
            CODICE è un nodo o un obiettivo (SG-4, C30101), un indicatore o un item (SG-4/2b, C30101/1/3), \
            una riga della Carta dei servizi (3.3.5.a), «procedimento 6», «procedimenti», «carta-dei-servizi» o «ente». \
            Con --carta-da-casi le righe della Carta sono calcolate dai casi registrati (traguardo carta import-casi) e la \
            spiegazione lo dice in testa. \
            Sotto la spiegazione, le fonti di ogni elemento: documento e righe, o la scheda e la riga da cui viene la rilevazione.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var carta: CartaSourceOptions

    @Argument(help: ArgumentHelp("L'elemento da spiegare.", valueName: "codice"))
    var code: String

    @Option(name: .long, help: ArgumentHelp("Quanti livelli di ingressi mostrare (predefinito: tutti).", valueName: "n"))
    var depth: Int?

    @Flag(name: .customLong("no-sources"), help: "Non elencare le fonti (documento e righe) degli elementi.")
    var noSources = false

    func run() async throws {
        let (plan, note) = try await database.withStore { store in
            try await carta.plan(try await scope.loadPlan(from: store), period: scope.period, store: store)
        }
        let scores = PlanScorer.score(plan, period: scope.period)
        guard let element = scores.element(path: code) else {
            let near = scores.all.map(\.subject.path).filter { $0.localizedCaseInsensitiveContains(code) }.sorted().prefix(8)
            let hint = near.isEmpty ? "" : "; forse: \(near.joined(separator: ", "))"
            throw CommandFailure(message: "nessun elemento «\(code)» in \(plan.entity.code) \(plan.cycle.year)\(hint)")
        }
        var text = (note.map { $0 + "\n\n" } ?? "") + element.explanation.rendered(titleLimit: 80, maxDepth: depth)
        if !text.hasSuffix("\n") { text += "\n" }
        let period = scores.periodCode.flatMap { plan.period(code: $0)?.id }
        let sources = plan.sources(of: element.explanation, periodID: period, maxDepth: depth)
        if !sources.isEmpty && !noSources {
            text += "\nFonti:\n" + sources.map { "  \($0.label): \($0.provenances.map(\.description).joined(separator: "; "))" }
                .joined(separator: "\n") + "\n"
        }
        try OutputWriter.write(text, to: output.output)
    }
}
