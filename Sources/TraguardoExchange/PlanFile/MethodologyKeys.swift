import Foundation
import TraguardoCore
import Yams

/// `metodologia:` — the Ente-year's *sistema di misurazione e valutazione*: a preset of the engine
/// (`preset: lucca-2018`) or the rules in full (`regole:`, the keys of `Methodology` as
/// docs/punteggio.md lists them), with its version and the act that adopted it.
extension PlanBuilder {
    func readMethodology(_ root: FileObject, into draft: Draft) {
        guard let object = root.object(K.methodology) else { return }
        defer { object.finish() }
        let version = object.int(K.version) ?? 1
        let act = reference(object, K.act, .act, in: draft)
        var rules: Methodology?
        if let preset = object.string(K.preset) {
            guard let known = MethodologyPresets.all[preset] else {
                object.error(K.preset, "preset «\(preset)» sconosciuto; ammessi: \(MethodologyPresets.all.keys.sorted().joined(separator: ", "))")
                return
            }
            rules = known
        }
        if let node = object.node(K.rules) {
            do {
                let json = try JSONSerialization.data(withJSONObject: Self.plain(node), options: [.fragmentsAllowed])
                rules = try JSONDecoder().decode(Methodology.self, from: json)
            } catch {
                object.error(K.rules, "regole della metodologia non valide: \(DecodingErrorText.italian(error))")
                return
            }
        }
        guard let rules else {
            object.error(K.preset, "indicare «preset:» (uno dei preset del motore) oppure «regole:»")
            return
        }
        draft.plan.methodology = MethodologyVersion(
            entityCode: draft.plan.entity.code, year: draft.plan.cycle.year, version: version, rules: rules, adoptedByActID: act)
    }

    /// A YAML node as plain JSON values (numbers stay numbers, so `Decimal` fields decode).
    static func plain(_ node: Node) -> Any {
        switch node {
        case .mapping(let mapping):
            var result: [String: Any] = [:]
            for (key, value) in mapping { result[key.scalar?.string ?? ""] = plain(value) }
            return result
        case .sequence(let sequence): return sequence.map(plain)
        case .scalar(let scalar):
            if scalar.style == .plain {
                if FileObject.isNull(node) { return NSNull() }
                if scalar.string == "true" { return true }
                if scalar.string == "false" { return false }
                if ItalianNumber.parseMachine(scalar.string) != nil { return NSDecimalNumber(string: scalar.string) }
            }
            return scalar.string
        case .alias: return NSNull()
        }
    }
}
