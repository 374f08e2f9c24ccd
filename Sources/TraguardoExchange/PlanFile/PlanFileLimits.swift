import CYaml
import Foundation
import TraguardoCore

/// What one plan file may cost, checked on the parser's events before any node is built:
/// no anchors (`&nome`) and no aliases (`*nome`), at most `maxNodes` values and `maxDepth` levels, at most
/// `maxBytes` bytes.
///
/// Aliases are refused because a few hundred bytes of them («billion laughs»: ten aliases to ten aliases to …)
/// expand to billions of values: composing and converting them ran for minutes. A plan file never needs them:
/// `export` writes none, and a value repeated is written again.
enum PlanFileLimits {
    static let maxBytes = 64_000_000
    static let maxNodes = 2_000_000
    static let maxDepth = 100

    /// The first reason `text` is refused, or nil. A syntax error ends the check: the composer then reports it.
    static func problem(in text: String, file: String, maxNodes: Int = maxNodes, maxDepth: Int = maxDepth) -> PlanFileError? {
        let size = text.utf8.count
        if size > maxBytes { return tooLarge(file: file, bytes: size) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var nodes = 0
            var depth = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                var anchor: UnsafeMutablePointer<yaml_char_t>?
                switch event.type {
                case YAML_STREAM_END_EVENT, YAML_DOCUMENT_END_EVENT:
                    return nil
                case YAML_ALIAS_EVENT:
                    let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                    return PlanFileError(
                        file: file, line: line, field: "",
                        message: "alias «*\(name)» non ammesso nei file piano: scrivere il valore per intero (ancore «&» e alias «*» non sono ammessi)")
                case YAML_SCALAR_EVENT:
                    anchor = event.data.scalar.anchor
                    nodes += 1
                case YAML_SEQUENCE_START_EVENT:
                    anchor = event.data.sequence_start.anchor
                    nodes += 1
                    depth += 1
                case YAML_MAPPING_START_EVENT:
                    anchor = event.data.mapping_start.anchor
                    nodes += 1
                    depth += 1
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                default:
                    continue
                }
                if let anchor {
                    return PlanFileError(
                        file: file, line: line, field: "",
                        message: "ancora «&\(String(cString: anchor))» non ammessa nei file piano: scrivere il valore per intero (ancore «&» e alias «*» non sono ammessi)")
                }
                if nodes > maxNodes {
                    return PlanFileError(
                        file: file, line: line, field: "",
                        message: "il file ha più di \(ItalianFormatting.number(Decimal(maxNodes))) valori: dividerlo in più file piano")
                }
                if depth > maxDepth {
                    return PlanFileError(
                        file: file, line: line, field: "",
                        message: "più di \(maxDepth) livelli di elenchi uno dentro l'altro: un file piano non ne ha bisogno (controllare le parentesi e l'indentazione)")
                }
            }
        }
    }

    static func tooLarge(file: String, bytes: Int) -> PlanFileError {
        PlanFileError(
            file: file, line: nil, field: "",
            message: "il file è di \(ItalianFormatting.fileSize(bytes)), oltre il limite di \(ItalianFormatting.fileSize(maxBytes)): dividerlo in più file piano")
    }
}
