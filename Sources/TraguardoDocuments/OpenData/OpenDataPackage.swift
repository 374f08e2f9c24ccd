import Foundation

/// `datapackage.json`: the Frictionless Tabular Data Package describing the CSV files: each table, each
/// field with its type and Italian description, the CSV dialect, the licence, and Traguardo's metadata
/// (`metadati`, as in the JSON file).
public enum OpenDataPackage {
    public static let fileName = "datapackage.json"

    public static func text(_ set: OpenDataSet) -> String {
        let meta = set.metadata
        let period = meta.period.map { ", periodo \($0)" } ?? ""
        let root: JSONValue = .object([
            ("profile", .string("tabular-data-package")),
            ("name", .string("traguardo-\(meta.entityCode.lowercased())-\(meta.year)")),
            ("title", .string("Performance \(meta.year) – \(meta.entityName)")),
            ("description", .string(
                "Piano della performance \(meta.year) di \(meta.entityName)\(period): elementi e punteggi calcolati da "
                    + "Traguardo (metodologia «\(meta.methodologyName)»), rilevazioni e risorse. Schema in docs/dati-aperti.md.")),
            ("version", .string(meta.schemaVersion)),
            ("created", .string(meta.generatedAtText)),
            ("licenses", .array([.object([
                ("name", .string("CC-BY-4.0")),
                ("title", .string("Creative Commons Attribution 4.0 International")),
                ("path", .string("https://creativecommons.org/licenses/by/4.0/")),
            ])])),
            ("contributors", .array([.object([("title", .string(meta.entityName)), ("role", .string("publisher"))])])),
            ("keywords", .array(["performance", "amministrazione trasparente", "camera di commercio"].map { .string($0) })),
            ("metadati", meta.json),
            ("resources", .array(set.tables.map(resource))),
        ])
        return root.rendered(compactFrom: 5)
    }

    static func resource(_ table: OpenDataTable) -> JSONValue {
        .object([
            ("name", .string(table.name)),
            ("path", .string(OpenDataCSV.fileName(table))),
            ("profile", .string("tabular-data-resource")),
            ("title", .string(table.title)),
            ("description", .string(table.description)),
            ("format", .string("csv")),
            ("mediatype", .string("text/csv")),
            ("encoding", .string("utf-8")),
            ("dialect", .object([
                ("delimiter", .string(",")), ("quoteChar", .string("\"")), ("doubleQuote", .bool(true)),
                ("lineTerminator", .string("\r\n")), ("header", .bool(true)),
            ])),
            ("schema", .object([
                ("fields", .array(table.fields.map(field))),
                ("missingValues", .array([.string("")])),
            ])),
        ])
    }

    static func field(_ field: OpenDataField) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("name", .string(field.name)), ("type", .string(field.type.rawValue)), ("description", .string(field.description)),
        ]
        switch field.type {
        case .number: members.append(("decimalChar", .string(".")))
        case .date: members.append(("format", .string("default")))
        case .boolean:
            members.append(("trueValues", .array([.string("true")])))
            members.append(("falseValues", .array([.string("false")])))
        case .string, .integer: break
        }
        return .object(members)
    }
}
