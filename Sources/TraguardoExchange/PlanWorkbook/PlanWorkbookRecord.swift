import Foundation
import Yams

/// Where a value of the workbook is: sheet, row and, for a cell, its column.
struct PlanWorkbookPlace {
    var sheet: String
    var row: Int
    var column: Int?
    var heading: String?
}

/// One row of a sheet, as a record of the plan file being rebuilt.
final class PlanWorkbookRecord {
    struct Field {
        var key: String
        var node: Node?
        var place: PlanWorkbookPlace
    }

    let sheet: String
    let row: Int
    var fields: [Field] = []
    var links: [String: String] = [:]
    var identity: [String] = []
    var children: [(key: String, records: [PlanWorkbookRecord])] = []
    /// The row of the same sheet it hangs from (Albero, Unità).
    var parent: PlanWorkbookRecord?
    var placed = false
    var visited = false

    init(sheet: String, row: Int) {
        self.sheet = sheet
        self.row = row
    }

    func append(_ child: PlanWorkbookRecord, key: String) {
        if let index = children.firstIndex(where: { $0.key == key }) {
            children[index].records.append(child)
        } else {
            children.append((key, [child]))
        }
    }
}

/// A record of the plan file being assembled: values and nested maps in the order they are set, and lists of
/// rows of other sheets, turned into YAML nodes at the end.
final class PlanWorkbookMap {
    enum Value {
        case node(Node)
        case map(PlanWorkbookMap)
        case records([PlanWorkbookRecord])
    }

    private var keys: [String] = []
    private var values: [String: Value] = [:]

    func set(_ path: [String], _ value: Value) {
        guard let first = path.first else { return }
        if path.count == 1 {
            if values[first] == nil { keys.append(first) }
            values[first] = value
            return
        }
        let inner: PlanWorkbookMap
        if case .map(let existing)? = values[first] {
            inner = existing
        } else {
            inner = PlanWorkbookMap()
            if values[first] == nil { keys.append(first) }
            values[first] = .map(inner)
        }
        inner.set(Array(path.dropFirst()), value)
    }

    func node(path: String, _ record: (PlanWorkbookRecord, String) -> Node) -> Node {
        Node(keys.map { key -> (Node, Node) in
            let full = path.isEmpty ? key : "\(path).\(key)"
            switch values[key]! {
            case .node(let node): return (Node(key), node)
            case .map(let map): return (Node(key), map.node(path: full, record))
            case .records(let records):
                return (Node(key), Node(records.enumerated().map { index, child in record(child, "\(full)[\(index)]") }))
            }
        })
    }
}
