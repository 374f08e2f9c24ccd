import ArgumentParser
import TraguardoCore
import TraguardoExchange
import TraguardoStore

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Scrive un Ente-anno del database come file piano (YAML o JSON), che «import» rilegge uguale.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let format = output.format ?? "yaml"
        guard ["yaml", "json"].contains(format) else {
            throw CommandFailure(message: "formato «\(format)» non previsto per export: ammessi yaml, json (i fogli xlsx e csv non sono ancora disponibili)")
        }
        let plan = try await database.withStore { store in try await scope.loadPlan(from: store) }
        let text = format == "json" ? try PlanFileWriter.json(plan) : try PlanFileWriter.yaml(plan)
        try OutputWriter.write(text, to: output.output)
    }
}
