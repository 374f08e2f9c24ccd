import Foundation
import TraguardoCore
import Yams

/// Reads plan files (`traguardo/1`, YAML or JSON) into Ente-years.
///
/// Files, or folders of files, are merged by Ente and year: each file names its `ente.codice` and
/// `anno`, and its lists are appended to that Ente-year's. In a folder every `.yaml`, `.yml` and
/// `.json` file is read, in name order, except `attesi.yaml` (a dataset's expected figures).
/// One read reports every mistake it finds; when there is any, no plan is returned.
public enum PlanFileReader {
    public static let formatName = "traguardo/1"

    /// Reads files and folders.
    public static func read(paths: [String]) throws(PlanFileErrors) -> [CyclePlan] {
        let diagnostics = Diagnostics()
        var sources: [(name: String, text: String)] = []
        for path in paths {
            for file in files(at: path, diagnostics: diagnostics) {
                let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
                if size > PlanFileLimits.maxBytes {
                    diagnostics.add(PlanFileLimits.tooLarge(file: file, bytes: size))
                    continue
                }
                guard let data = FileManager.default.contents(atPath: file) else {
                    diagnostics.add(PlanFileError(file: file, line: nil, field: "", message: "il file non si può leggere"))
                    continue
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    diagnostics.add(PlanFileError(
                        file: file, line: firstInvalidUTF8Line(data), field: "",
                        message: data.contains(0) ? "il file non è testo (contiene byte nulli): atteso un file piano YAML o JSON in UTF-8"
                            : "il testo non è UTF-8 (forse Latin-1 o Windows-1252): salvarlo con codifica UTF-8"))
                    continue
                }
                sources.append((file, text))
            }
        }
        return try parse(sources, diagnostics: diagnostics)
    }

    /// The line of the first byte sequence that is not UTF-8.
    static func firstInvalidUTF8Line(_ data: Data) -> Int? {
        var line = 1
        var start = data.startIndex
        for (index, byte) in zip(data.indices, data) where byte == 0x0A {
            if String(data: data[start..<index], encoding: .utf8) == nil { return line }
            line += 1
            start = data.index(after: index)
        }
        return String(data: data[start...], encoding: .utf8) == nil ? line : nil
    }

    /// Reads texts already in memory (`name` is what errors call the file).
    public static func read(texts: [(name: String, text: String)]) throws(PlanFileErrors) -> [CyclePlan] {
        try parse(texts, diagnostics: Diagnostics())
    }

    static func parse(_ sources: [(name: String, text: String)], diagnostics: Diagnostics) throws(PlanFileErrors) -> [CyclePlan] {
        let builder = PlanBuilder(diagnostics: diagnostics)
        for source in sources {
            if let refused = PlanFileLimits.problem(in: source.text, file: source.name) {
                diagnostics.add(refused)
                continue
            }
            let node: Node?
            do {
                node = try Yams.compose(yaml: source.text)
            } catch {
                let syntax = YAMLSyntaxError.describe(error)
                diagnostics.add(PlanFileError(file: source.name, line: syntax.line, field: "", message: syntax.message))
                continue
            }
            guard let node, let root = FileObject(node, file: source.name, path: "", diagnostics: diagnostics) else {
                if node == nil { diagnostics.add(PlanFileError(file: source.name, line: nil, field: "", message: "il file è vuoto")) }
                continue
            }
            builder.add(root)
            root.finish()
        }
        let plans = builder.finish()
        if !diagnostics.errors.isEmpty { throw PlanFileErrors(diagnostics.errors) }
        return plans
    }

    static func files(at path: String, diagnostics: Diagnostics) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            diagnostics.add(PlanFileError(file: path, line: nil, field: "", message: "il file o la cartella non esiste"))
            return []
        }
        guard isDirectory.boolValue else { return [path] }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
        let files = names.filter { name in
            let lower = name.lowercased()
            return (lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json"))
                && !lower.hasPrefix("attesi.") && !name.hasPrefix(".")
        }
        if files.isEmpty {
            diagnostics.add(PlanFileError(file: path, line: nil, field: "", message: "la cartella non contiene file .yaml, .yml o .json"))
        }
        return files.map { (path as NSString).appendingPathComponent($0) }
    }
}
