import Foundation

/// A JSON value with its keys in order and its numbers as their exact decimal digits (`JSONSerialization`
/// would sort keys and pass numbers through `Double`). Rendered pretty down to a depth, compact below it,
/// so that a table's rows are one line each.
indirect enum JSONValue {
    case string(String)
    /// The digits as written (`68.4975`); never a binary floating-point value.
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func optionalString(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// - Parameter compactFrom: the depth (0 is this value) from which arrays and objects stay on one line.
    func rendered(compactFrom: Int) -> String {
        var out = ""
        write(to: &out, depth: 0, compactFrom: compactFrom)
        return out + "\n"
    }

    private func write(to out: inout String, depth: Int, compactFrom: Int) {
        let pretty = depth < compactFrom
        let indent = String(repeating: "  ", count: depth + 1)
        let closing = String(repeating: "  ", count: depth)
        switch self {
        case let .string(text): out += Self.quoted(text)
        case let .number(digits): out += digits
        case let .bool(flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case let .array(values):
            guard !values.isEmpty else { out += "[]"; return }
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += pretty ? "," : ", " }
                if pretty { out += "\n" + indent }
                value.write(to: &out, depth: depth + 1, compactFrom: compactFrom)
            }
            out += pretty ? "\n" + closing + "]" : "]"
        case let .object(members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += pretty ? "," : ", " }
                if pretty { out += "\n" + indent }
                out += Self.quoted(member.0) + ": "
                member.1.write(to: &out, depth: depth + 1, compactFrom: compactFrom)
            }
            out += pretty ? "\n" + closing + "}" : "}"
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped; the rest as UTF-8.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension OpenDataValue {
    var json: JSONValue {
        switch self {
        case let .text(text): .string(text)
        case let .number(number): .number(OpenDataValue.decimalText(number))
        case let .integer(number): .number(String(number))
        case let .boolean(flag): .bool(flag)
        case let .date(date): .string(date.iso)
        }
    }
}

extension OpenDataSet.Metadata {
    /// `ente`, `nome_ente`, `anno`, `periodo`, `metodologia` {`nome`, `versione`}, `generato`, `licenza`, `versione_schema`.
    var json: JSONValue {
        .object([
            ("ente", .string(entityCode)),
            ("nome_ente", .string(entityName)),
            ("anno", .number(String(year))),
            ("periodo", .optionalString(period)),
            ("metodologia", .object([
                ("nome", .string(methodologyName)),
                ("versione", methodologyVersion.map { .number(String($0)) } ?? .null),
            ])),
            ("generato", .string(generatedAtText)),
            ("licenza", .string(license)),
            ("versione_schema", .string(schemaVersion)),
        ])
    }
}
