import Foundation
import TraguardoCore
import Yams

/// A YAML (or JSON) mapping of a plan file, read key by key: each accessor checks the value's type
/// and reports, with file, line and key path, what it found and what it expected. Keys nobody asks
/// for are reported as unknown by `finish()`.
final class FileObject {
    let file: String
    let path: String
    let line: Int?
    let diagnostics: Diagnostics
    private var entries: [String: Node] = [:]
    private var keyLines: [String: Int] = [:]
    private var asked: Set<String> = []
    /// Whether an error was reported on this mapping: then a reader may have stopped before asking
    /// for every key, and the keys it did not reach are not reported as unknown.
    private var failed = false

    init?(_ node: Node, file: String, path: String, diagnostics: Diagnostics) {
        self.file = file
        self.path = path
        self.line = node.mark.map { $0.line }
        self.diagnostics = diagnostics
        guard case .mapping(let mapping) = node else {
            diagnostics.add(PlanFileError(file: file, line: line, field: path, message: "atteso un elenco di chiavi e valori, trovato «\(Self.preview(node))»"))
            return nil
        }
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { continue }
            if entries[name] != nil {
                error(name, "la chiave «\(name)» compare due volte", at: key.mark?.line)
            }
            entries[name] = value
            keyLines[name] = key.mark?.line
        }
    }

    func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func error(_ key: String, _ message: String, at line: Int? = nil) {
        failed = true
        diagnostics.add(PlanFileError(file: file, line: line ?? keyLines[key] ?? self.line, field: field(key), message: message))
    }

    func has(_ key: String) -> Bool { entries[key].map { !Self.isNull($0) } ?? false }

    /// The raw node of a key, marking it as known.
    func node(_ key: String) -> Node? {
        asked.insert(key)
        guard let node = entries[key], !Self.isNull(node) else { return nil }
        return node
    }

    /// Reports the keys no accessor asked for.
    func finish() {
        guard !failed else { return }
        let unknown = entries.keys.filter { !asked.contains($0) }.sorted()
        for key in unknown {
            error(key, PlanValueRule.unknownKey(key, allowed: Array(asked)))
        }
    }

    // MARK: Values

    func string(_ key: String) -> String? {
        guard let node = node(key) else { return nil }
        guard let scalar = node.scalar else {
            error(key, "atteso un testo, trovato «\(Self.preview(node))»")
            return nil
        }
        return scalar.string
    }

    func requiredString(_ key: String, what: String) -> String? {
        guard let value = string(key), !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            if entries[key] == nil || Self.isNull(entries[key]!) { error(key, PlanValueRule.missing(what, key: key)) }
            return nil
        }
        return value
    }

    func int(_ key: String) -> Int? {
        guard let text = string(key) else { return nil }
        return read(key, PlanValueRule.integer(text))
    }

    /// The value, or nil with the rule's problem reported on `key`.
    private func read<T>(_ key: String, _ result: Result<T, PlanValueRule.Problem>) -> T? {
        switch result {
        case .success(let value): return value
        case .failure(let problem):
            error(key, problem.message)
            return nil
        }
    }

    /// A plain YAML number (`98.99`), or a quoted Italian one (`"1.418.965,00"`, `"99,22%"`).
    func decimal(_ key: String) -> Decimal? {
        guard let node = node(key) else { return nil }
        guard let scalar = node.scalar else {
            error(key, "atteso un numero, trovato «\(Self.preview(node))»")
            return nil
        }
        return read(key, PlanValueRule.decimal(scalar.string, machine: scalar.style == .plain))
    }

    /// A missione or programma code (`"011"`), by `PlanValueRule.nationalCode`.
    func nationalCode(_ key: String, what: String) -> String? {
        guard let text = string(key) else { return nil }
        return read(key, PlanValueRule.nationalCode(text, what: what))
    }

    func bool(_ key: String) -> Bool? {
        guard let text = string(key) else { return nil }
        return read(key, PlanValueRule.bool(text))
    }

    /// `2013-03-07` or `07/03/2013` (`CivilDate(written:)`).
    func date(_ key: String) -> CivilDate? {
        guard let text = string(key) else { return nil }
        return read(key, PlanValueRule.date(text))
    }

    /// A timestamp, ISO 8601 (`2014-01-31T10:00:00Z`).
    func timestamp(_ key: String) -> Date? {
        guard let text = string(key) else { return nil }
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
        if let date = try? withFraction.parse(text) { return date }
        error(key, "«\(text)» non è un istante; atteso per esempio 2014-01-31T10:00:00Z")
        return nil
    }

    /// One of the values of an enumeration, named by its Italian raw value.
    func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> E? where E.RawValue == String {
        guard let text = string(key) else { return nil }
        return read(key, PlanValueRule.choice(text, type))
    }

    /// A list of numbers (`valori: [10, 415]`); an empty entry (`~`) is nil.
    func decimals(_ key: String) -> [Decimal?] {
        guard let node = node(key) else { return [] }
        guard case .sequence(let sequence) = node else {
            error(key, "atteso un elenco di numeri, trovato «\(Self.preview(node))»")
            return []
        }
        return sequence.enumerated().map { index, item in
            guard !Self.isNull(item) else { return nil }
            guard let scalar = item.scalar else {
                diagnostics.add(PlanFileError(file: file, line: item.mark?.line, field: "\(field(key))[\(index)]", message: "atteso un numero"))
                return nil
            }
            switch PlanValueRule.decimal(scalar.string, machine: scalar.style == .plain) {
            case .success(let value): return value
            case .failure(let problem):
                diagnostics.add(PlanFileError(file: file, line: item.mark?.line, field: "\(field(key))[\(index)]", message: problem.message))
                return nil
            }
        }
    }

    func strings(_ key: String) -> [String] {
        guard let node = node(key) else { return [] }
        guard case .sequence(let sequence) = node else {
            if let scalar = node.scalar { return [scalar.string] }
            error(key, "atteso un elenco, trovato «\(Self.preview(node))»")
            return []
        }
        return sequence.enumerated().compactMap { index, item in
            guard let text = item.scalar?.string else {
                diagnostics.add(PlanFileError(file: file, line: item.mark?.line, field: "\(field(key))[\(index)]", message: "atteso un testo"))
                return nil
            }
            return text
        }
    }

    func object(_ key: String) -> FileObject? {
        guard let node = node(key) else { return nil }
        return FileObject(node, file: file, path: field(key), diagnostics: diagnostics)
    }

    /// A list of mappings; each element is handed to `body`, then checked for unknown keys.
    func list(_ key: String, _ body: (FileObject, Int) -> Void) {
        guard let node = node(key) else { return }
        guard case .sequence(let sequence) = node else {
            error(key, "atteso un elenco (- ...), trovato «\(Self.preview(node))»")
            return
        }
        for (index, item) in sequence.enumerated() {
            guard let object = FileObject(item, file: file, path: "\(field(key))[\(index)]", diagnostics: diagnostics) else { continue }
            body(object, index)
            object.finish()
        }
    }

    // MARK: Shared shapes

    /// `fonte: {documento: ..., righe: "750-756"}`.
    func provenance() -> Provenance? {
        guard let object = object(K.source) else { return nil }
        defer { object.finish() }
        guard let document = object.requiredString(K.document, what: "il documento di provenienza") else { return nil }
        return Provenance(source: document, lines: object.string(K.lines))
    }

    /// `dichiarato: {percentuale: "98,84", testo: "...", punti: 50}`.
    func declared() -> DeclaredResult? {
        guard let object = object(K.declared) else { return nil }
        defer { object.finish() }
        return DeclaredResult(score: object.decimal(K.percentage), text: object.string(K.text), points: object.decimal(K.points))
    }

    static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    static func preview(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return String(scalar.string.prefix(40))
        case .mapping: return "{…}"
        case .sequence: return "[…]"
        case .alias: return "*alias"
        }
    }
}
