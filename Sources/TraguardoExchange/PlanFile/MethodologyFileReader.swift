import Foundation
import TraguardoCore
import Yams

/// Reads a methodology from a file, to score an Ente-year under it (`traguardo score --methodology FILE`):
/// the `metodologia:` block of a plan file, alone (`metodologia: {preset: lucca-2013}`) or as its content
/// (`preset: lucca-2013`, or `regole: {…}` with the keys docs/punteggio.md lists), or a whole plan file, whose
/// methodology is taken. The same keys and the same Italian errors as the plan file.
public enum MethodologyFileReader {
    /// A methodology is a few kilobytes; a file this size is not one.
    public static let maxBytes = 1_000_000

    public static func read(path: String, entityCode: String, year: Int) throws(PlanFileErrors) -> MethodologyVersion {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > maxBytes { throw PlanFileErrors([PlanFileLimits.tooLarge(file: path, bytes: size)]) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw PlanFileErrors([PlanFileError(file: path, line: nil, field: "", message: "il file non si può leggere come testo UTF-8")])
        }
        return try read(text: text, name: path, entityCode: entityCode, year: year)
    }

    public static func read(text: String, name: String, entityCode: String, year: Int) throws(PlanFileErrors) -> MethodologyVersion {
        if let refused = PlanFileLimits.problem(in: text, file: name, maxNodes: 20_000, maxDepth: 30) {
            throw PlanFileErrors([refused])
        }
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch {
            let syntax = YAMLSyntaxError.describe(error)
            throw PlanFileErrors([PlanFileError(file: name, line: syntax.line, field: "", message: syntax.message)])
        }
        guard let node, case .mapping(let mapping) = node else {
            throw PlanFileErrors([PlanFileError(file: name, line: nil, field: "", message: "atteso «metodologia: {preset: …}» oppure «preset: …» o «regole: {…}»")])
        }
        if mapping[Node(K.format)] != nil {
            let plans = try PlanFileReader.read(texts: [(name, text)])
            guard let version = plans.first?.methodology else {
                throw PlanFileErrors([PlanFileError(file: name, line: nil, field: K.methodology, message: "il file piano non ha una metodologia")])
            }
            return version
        }
        let block = mapping[Node(K.methodology)] != nil ? node : Node.mapping(Node.Mapping([(Node(K.methodology), node)]))
        let diagnostics = Diagnostics()
        guard let root = FileObject(block, file: name, path: "", diagnostics: diagnostics) else {
            throw PlanFileErrors(diagnostics.errors)
        }
        let builder = PlanBuilder(diagnostics: diagnostics)
        let draft = PlanBuilder.Draft(plan: CyclePlan(entity: Entity(code: entityCode, name: entityCode),
                                                      cycle: Cycle(entityCode: entityCode, year: year)), file: name)
        builder.readMethodology(root, into: draft)
        root.finish()
        if !diagnostics.errors.isEmpty { throw PlanFileErrors(diagnostics.errors) }
        guard let version = draft.plan.methodology else {
            throw PlanFileErrors([PlanFileError(file: name, line: nil, field: K.methodology, message: "nessuna metodologia nel file")])
        }
        return version
    }
}
