import Foundation

/// The open data set as one JSON object: `metadati`, then each table as an array of objects (one per row,
/// keys in the order of the fields, empty values as `null`). Numbers are JSON numbers with the exact decimal
/// digits of the computation (`68.4975`, `1418965`): read them with a decimal type (Python
/// `json.load(…, parse_float=decimal.Decimal)`) to keep every digit.
public enum OpenDataJSON {
    public static let fileName = "dati.json"

    public static func text(_ set: OpenDataSet) -> String {
        var members: [(String, JSONValue)] = [("metadati", set.metadata.json)]
        for table in set.tables {
            members.append((table.name, .array(table.rows.map { row in
                .object(zip(table.fields, row).map { field, value in (field.name, value?.json ?? .null) })
            })))
        }
        return JSONValue.object(members).rendered(compactFrom: 2)
    }
}
